"""What to recommend: offers for the phase and the step above it, that a firm here may use.

Ranking: first by availability (usable now, then in preparation or opening later, then status
unknown); within each group the gemeente's own offers first, then those that match more priority
themes, then those for the phase before those for the step up, then by name. Closed offers
(status 'gesloten' or past open_until) never appear. The IBDO intake is always offered as the
human route.
"""
from __future__ import annotations

from datetime import date

from .availability import availability_rank, effective_status, status_label, usable_now, usable_where
from .result import Recommendation

MAX_INSTRUMENTS = 6
FIRST_OFFERS = 3  # shown on the first screens; the rest in "Alle hulp en regelingen"


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
        key = (availability_rank(item, today), not local, -len(matched), min(fits), item["name"].lower())
        candidates.append((key, item, matched, min(fits), local))
    candidates.sort(key=lambda c: c[0])

    partners = {p["id"]: p for p in data.get("partners", [])}
    words = data.get("activity_words", {})
    by_id = {i["id"]: i for i in data["instruments"]}
    out = [_instrument(item, _why(ladder, phase, step_up, matched, local, gemeente, data, theme_names, item),
                       today, partners, words, _next(item, by_id, gemeente, home, today))
           for _, item, matched, step_up, local in candidates[:MAX_INSTRUMENTS]]
    intake = next((i for i in data["instruments"] if i["id"] == intake_id), None)
    if intake and usable_where(intake, gemeente, home) and effective_status(intake, today) != "gesloten":
        out.append(_instrument(intake, "Wil je liever eerst met iemand praten? Een adviseur kijkt samen met je "
                                       "welke stap nu past en welke steun of subsidie mogelijk is.",
                               today, partners, words))
    return out


def first_offers(recommendations: list[Recommendation], intake_id: str) -> list[Recommendation]:
    """The offers of the first screens: the first three in ranking order, not the intake."""
    return [r for r in recommendations if r.id != intake_id][:FIRST_OFFERS]


def _next(item: dict, by_id: dict, gemeente: str | None, home: list[str], today: date) -> dict | None:
    """The first step after this offer in the chain (scan data "next") that the firm may use."""
    for ident in item.get("next", []):
        after = by_id.get(ident)
        if after and effective_status(after, today) != "gesloten" and usable_where(after, gemeente, home):
            return {"id": after["id"], "name": after["name"], "url": after["url"]}
    return None


def _instrument(item: dict, why: str, today: date, partners: dict, words: dict,
                after: dict | None = None) -> Recommendation:
    partner = partners.get(item.get("partner"))
    activity = item.get("activity_type", "")
    return Recommendation(kind="instrument", id=item["id"], name=item["name"], url=item["url"], why=why,
                          status=effective_status(item, today), status_label=status_label(item, today),
                          target_group=item.get("target_group", "onbekend"),
                          activity=activity, kind_word=words.get(activity, ""),
                          open_until=item.get("open_until"),
                          partner={"id": partner["id"], "name": partner["name"], "url": partner["url"]} if partner else None,
                          usable_now=usable_now(item, today), next=after)


def _why(ladder, phase, step_up, matched, local, gemeente, data, theme_names, item) -> str:
    """What is particular to this offer: the themes it helps with, the step up, the gemeente.

    The phase itself is said once, above the list, not under every offer.
    """
    parts = []
    if matched:
        parts.append("Helpt bij wat eerst aandacht vraagt: " + _join([theme_names.get(t, t) for t in matched]) + ".")
    elif item.get("themes"):
        parts.append("Gaat over: " + _join([theme_names.get(t, t) for t in item["themes"][:2]]) + ".")
    if step_up:
        parts.append(f"Voor de stap omhoog naar {ladder['steps'][phase + 1]['name']}.")
    if local:
        name = next((g["name"] for g in data["gemeenten"] if g["slug"] == gemeente), gemeente)
        parts.append(f"Speciaal voor ondernemers in {name}.")
    if not parts:
        parts.append(f"Past bij je fase, {ladder['steps'][phase]['name']}.")
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
