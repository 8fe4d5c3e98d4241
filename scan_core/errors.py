"""One error type for every bad input, with a Dutch message a person can act on."""


class ScanInputError(ValueError):
    """Bad answers, a bad answer code, an unknown gemeente or a bad date."""


def shown(value: object, limit: int = 40) -> str:
    """Input as a message may repeat it: cut at limit characters, and every control or invisible
    character escaped (\\x1b, \\u202e), so a pasted code cannot steer the terminal or the text."""
    text = str(value)
    cut = text[:limit]
    safe = "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in cut)
    return safe + ("…" if len(text) > limit else "")
