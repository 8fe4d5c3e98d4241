"""Text the bot and the monthly issue post on GitHub, made from data or a reporter's own words.

GitHub renders comments as Markdown and turns more into links than Markdown does: bare
`https://…` and `www.…`, e-mail addresses, `@name` and `#12`. Backslash escapes do not stop all of
that, so user text goes into a code span (in a table) or a fenced code block (a list of problems):
inside those GitHub makes no link, mention, image or HTML.
"""
from __future__ import annotations

import unicodedata

COMMENT_LIMIT = 65_536  # GitHub's limit for one comment or issue body, in characters
MAX_PROBLEMS = 50       # a report lists this many problems, then says how many more there are
MAX_PROBLEM_CHARS = 400
MAX_CELL_CHARS = 1_000


def nl_number(n: int) -> str:
    """2713 -> '2.713': the Dutch thousands separator."""
    return f"{n:,}".replace(",", ".")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def one_line(text: str) -> str:
    """Line breaks become spaces and other control or invisible characters are shown as \\uXXXX,
    so that one value stays one line and nothing hides."""
    out = []
    for ch in str(text):
        if ch in "\r\n\t":
            out.append(" ")
        elif unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) in ("Zl", "Zp"):
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _longest_backtick_run(text: str) -> int:
    longest = run = 0
    for ch in text:
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return longest


def code_span(text: str, in_table: bool = True) -> str:
    """`text` as a GFM code span whose fence is longer than any run of backticks inside it.
    In a table cell a `|` must be escaped even inside a code span (GFM splits cells first)."""
    text = one_line(text)
    if not text:
        return "*(leeg)*"
    fence = "`" * (_longest_backtick_run(text) + 1)
    if text[0] in "` " or text[-1] in "` ":
        text = f" {text} "  # GFM strips one space at each end when both ends have one
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def capped(problems: list[str], limit: int = MAX_PROBLEMS) -> list[str]:
    """At most `limit` problems, each shortened, and then how many more there are."""
    shown = [shorten(p, MAX_PROBLEM_CHARS) for p in problems[:limit]]
    rest = len(problems) - len(shown)
    if rest:
        shown.append(f"en nog {nl_number(rest)} {'ander probleem' if rest == 1 else 'andere problemen'}")
    return shown


def code_block(lines: list[str]) -> str:
    """A fenced block of plain text lines. Each line starts with '- ', so no line can close the
    fence early, and one_line keeps every item on one line."""
    body = "\n".join(f"- {one_line(line)}" for line in lines)
    return f"~~~text\n{body}\n~~~"
