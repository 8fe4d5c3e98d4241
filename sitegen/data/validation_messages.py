"""Turn pydantic's (English) validation errors into Dutch sentences an editor can act on."""
from __future__ import annotations

from pydantic import ValidationError


def _field(loc: tuple) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return names[-1] if names else "waarde"


def dutch_message(error: dict) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    field = _field(loc)
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"het verplichte veld '{field}' ontbreekt; voeg het toe"
    if kind == "extra_forbidden":
        return f"onbekend veld '{field}'; controleer de spelling of haal het weg (zie CONTRIBUTING.md voor alle velden)"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace("' or '", "' of '")  # pydantic joins the last with "or"
        return f"'{got}' is geen geldige waarde voor '{field}'; kies uit: {expected}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"'{got}' in '{field}' is geen geldige datum; schrijf JJJJ-MM-DD, bijv. 2026-11-22"
    if kind in ("string_type",):
        return f"'{field}' moet tekst zijn, niet {type(got).__name__} ({got!r}); zet de tekst eventueel tussen aanhalingstekens"
    if kind in ("list_type",):
        return f"'{field}' moet een lijst zijn (regels die beginnen met '- ')"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{field}' moet een blok met velden zijn"
    if kind in ("int_type", "int_parsing"):
        return f"'{field}' moet een heel getal zijn"
    if kind == "too_short":
        return f"'{field}' is leeg; er moet minstens {ctx.get('min_length', 1)} item in"
    if kind == "string_too_long":
        return f"'{field}' is te lang: hooguit {ctx.get('max_length')} tekens (nu {len(got)}); kort het in"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"'{field}' valt buiten het toegestane bereik ({got})"
    if kind == "string_pattern_mismatch":
        return f"'{got}' past niet bij het vereiste patroon van '{field}'"
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        # A text rule does not know its field (a list item, a Text inside a Source): name it here.
        if message.startswith(("er staat een onzichtbaar teken in de tekst", "er staan onzichtbare tekens in de tekst")):
            message = message.replace(" in de tekst:", f" in '{field}':", 1)
        return message
    return f"'{field}': {error['msg']}"


def errors_of(exc: ValidationError) -> list[tuple[tuple, str]]:
    """(location, Dutch message) per problem."""
    return [(tuple(e["loc"]), dutch_message(e)) for e in exc.errors(include_url=False)]
