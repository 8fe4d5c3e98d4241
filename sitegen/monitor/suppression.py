"""Small cells hidden, and the cells that would give them away (statistical disclosure control).

After CBS, "Statistische beveiliging": a count under the threshold is hidden (primary suppression);
then more cells are hidden so that no hidden cell follows from the others and the total
(secondary suppression). A hidden cell is published as the marker "<5" (with the threshold).
"""
from __future__ import annotations

RULES = [
    "Een aantal van 1 tot de drempel tonen we als '<{t}', zodat je geen bedrijf kunt herkennen. "
    "Een 0 tonen we wel: die zegt niets over een bedrijf.",
    "Is er in een lijst maar één cel verborgen, dan verbergen we ook de kleinste andere cel die niet 0 is. Anders kun je de "
    "verborgen cel terugrekenen uit het totaal. Dat doen we ook als de verborgen cellen samen maar één uitkomst toelaten "
    "(bijvoorbeeld allemaal 1). Een verborgen cel kan daardoor ook een groter getal zijn.",
    "Is een totaal verborgen, dan verbergen we de hele lijst eronder. Bij 'van de …' (zoals doorstroom) "
    "verbergen we het aantal ook als het verschil met dat totaal klein is.",
]


def marker(threshold: int) -> str:
    return f"<{threshold}"


def _small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def suppress_map(cells: dict[str, int], threshold: int, total_hidden: bool = False,
                 weights: dict[str, int] | None = None) -> dict[str, int | str]:
    """weights: the counts that decide what is small (the firms behind a talent cell); default the cells."""
    mark = marker(threshold)
    if total_hidden:
        return {key: mark for key in cells}
    weights = weights if weights is not None else cells
    hidden = {key for key in cells if _small(weights[key], threshold)}
    order = {key: i for i, key in enumerate(cells)}
    # Hide the smallest other cell that is not 0 (a 0 beside it would leave the small count as the pair's
    # sum), the map's order on ties, while the hidden cells can still be worked out: one alone follows
    # from the total; several small ones are pinned when they must all be 1 or all threshold-1.
    while hidden and _pinned([cells[k] for k in hidden], threshold):
        others = [key for key in cells if key not in hidden]
        if not others:
            break
        hidden.add(min(others, key=lambda k: (cells[k] == 0, cells[k], order[k])))
    return {key: mark if key in hidden else value for key, value in cells.items()}


def _pinned(values: list[int], threshold: int) -> bool:
    """Could a reader work the hidden values out? Alone: yes. Several, read as '1 to threshold-1'
    each (a 0 is shown as 0): yes when their sum leaves one possibility."""
    if len(values) == 1:
        return True
    total = sum(values)
    return total in (len(values), len(values) * (threshold - 1))


def _part_of(total: int, of: int, threshold: int) -> tuple[bool, bool]:
    """(hide total, hide of) for 'total of `of`': the total and what is left over are both cells of `of`."""
    hide_of = _small(of, threshold)
    hide_total = hide_of or _small(total, threshold) or _small(of - total, threshold)
    return hide_total, hide_of


def suppress(counts: dict, threshold: int) -> dict:
    """The aggregate's indicators: every count an integer >= threshold, 0, or the marker."""
    mark = marker(threshold)
    out = {}
    for name in ("bereik", "instrumenten"):
        indicator = counts[name]
        hide = _small(indicator["total"], threshold)
        out[name] = {"total": mark if hide else indicator["total"]}
        for key, cells in indicator.items():
            if key.startswith("by_"):
                out[name][key] = suppress_map(cells, threshold, hide)
    for name in ("doorstroom", "basisniveau", "binding"):
        indicator = counts[name]
        hide_total, hide_of = _part_of(indicator["total"], indicator["of"], threshold)
        out[name] = {"total": mark if hide_total else indicator["total"], "of": mark if hide_of else indicator["of"]}
        for key, cells in indicator.items():
            if key.startswith("by_"):
                out[name][key] = suppress_map(cells, threshold, hide_total)
    talent = counts["talent"]
    hide = _small(talent["firms"], threshold)
    out["talent"] = {"total": mark if hide else talent["total"], "firms": mark if hide else talent["firms"],
                     "by_gemeente": suppress_map(talent["by_gemeente"], threshold, hide, talent["firms_by_gemeente"])}
    return out
