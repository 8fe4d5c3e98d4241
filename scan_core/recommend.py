"""What to recommend: offers for the phase and the step above it, that a firm here may use.

Ranking: the gemeente's own offers first, then those that match more priority themes, then
those for the phase before those for the step up, then by name. Closed offers (status
'gesloten' or past open_until) never appear. The IBDO intake is always offered as the human route.
"""
from __future__ import annotations

from datetime import date

from .availability import effective_status, status_label, usable_where
from .result import Recommendation

MAX_INSTRUMENTS = 6


def recommend(data: dict, phase: int, priorities: list[str], gemeente: str | None, today: date,
              theme_names: dict[str, str]) -> list[Recommendation]:
    ladder = data["ladder"]
    steps = [s["slug"] for s in ladder["steps"]]
    home = data.get("home_gemeenten", [])
    wanted = {steps[phase]: 0}
    if phase + 1 < len(steps):
        wanted[steps[phase + 1]] = 1
    intake_id = ladder["intake"]["instrument"]

    candidates = []
    for item in data["instruments"]:
        if item["id"] == intake_id or effective_status(item, today) == "gesloten":
            continue
        fits = [wanted[s] for s in item["steps"] if s in wanted]
        if not fits or not usable_where(item, gemeente, home):
            continue
        matched = [t for t in priorities if t in item["themes"]]
        local = bool(gemeente) and item.get("local", False)
        key = (not local, -len(matched), min(fits), item["name"].lower())
        candidates.append((key, item, matched, min(fits), local))
    candidates.sort(key=lambda c: c[0])

    out = [_instrument(item, _why(ladder, phase, step_up, matched, local, gemeente, data, theme_names), today)
           for _, item, matched, step_up, local in candidates[:MAX_INSTRUMENTS]]
    intake = next((i for i in data["instruments"] if i["id"] == intake_id), None)
    if intake and usable_where(intake, gemeente, home) and effective_status(intake, today) != "gesloten":
        out.append(_instrument(intake, "Wil je liever eerst met iemand praten? Een adviseur kijkt samen met je "
                                       "welke stap nu past en welke steun of subsidie mogelijk is.", today))
    return out


def _instrument(item: dict, why: str, today: date) -> Recommendation:
    return Recommendation(kind="instrument", id=item["id"], name=item["name"], url=item["url"], why=why,
                          status=effective_status(item, today), status_label=status_label(item, today),
                          target_group=item.get("target_group", "onbekend"))


def _why(ladder, phase, step_up, matched, local, gemeente, data, theme_names) -> str:
    step = ladder["steps"][phase + step_up]["name"]
    parts = [f"Past bij de stap omhoog naar {step}." if step_up else f"Past bij je fase, {step}."]
    if matched:
        names = [theme_names.get(t, t) for t in matched]
        parts.append("Helpt bij wat eerst aandacht vraagt: " + _join(names) + ".")
    if local:
        name = next((g["name"] for g in data["gemeenten"] if g["slug"] == gemeente), gemeente)
        parts.append(f"Speciaal voor ondernemers in {name}.")
    return " ".join(parts)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def phase_offers(data: dict, phase: int, gemeente: str | None, today: date) -> tuple[list[dict], list[dict]]:
    """The phase's subsidy and route (seed 000 Stap 3 and 4), with each offer's current status.

    A subsidy that firms in the chosen gemeente may not use is left out; if none is left, the text says so.
    """
    step = data["ladder"]["steps"][phase]
    instruments = {i["id"]: i for i in data["instruments"]}
    partners = {p["id"]: p for p in data["partners"]}
    named = [instruments[i] for i in step["subsidy"]["instruments"] if i in instruments]
    usable = [i for i in named if usable_where(i, gemeente, data.get("home_gemeenten", []))]
    subsidy = {"text": step["subsidy"]["text"], "instruments": [
        {"id": i["id"], "name": i["name"], "url": i["url"],
         "status": effective_status(i, today), "status_label": status_label(i, today)} for i in usable]}
    if named and not usable:
        place = next((g["name"] for g in data["gemeenten"] if g["slug"] == gemeente), gemeente)
        subsidy["text"] = (f"De subsidie voor deze fase ({step['subsidy']['text']}) is niet voor bedrijven in {place}. "
                           "Vraag een adviseur welke regelingen er voor jou wel zijn.")
    route = {"text": step["route"]["text"], "partners": [
        {"id": p, "name": partners[p]["name"], "url": partners[p]["url"]}
        for p in step["route"]["partners"] if p in partners]}
    return [subsidy], [route]
