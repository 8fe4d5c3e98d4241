"""The six indicators of one quarter, counted from checked registrations, before suppression.

The rules are written once, in RULES, in the Dutch that the aggregate file and /monitor/ show.
"""
from __future__ import annotations

from collections import Counter

from .quarter import Quarter
from .rows import Registration
from .vocabulary import Vocabulary

RULES = [
    "Elke partner registreert één rij per bedrijf. Een bedrijf dat door twee partners is geholpen, telt twee keer: "
    "er is bewust geen sleutel die bedrijven tussen partners koppelt, zodat de monitor geen bedrijf kan herkennen.",
    "Bereik: de bedrijven met een intake of start in dit kwartaal, naar gemeente en naar starttrede.",
    "Doorstroom: van de bedrijven met een vervolgmeting in dit kwartaal, hoeveel er minstens één trede hoger staan "
    "dan bij de start. Per starttrede en per gemeente. Een bedrijf op de hoogste trede kan niet hoger.",
    "Instrumenten, basisniveau, talent en binding tellen we in het kwartaal van de laatste meting van een bedrijf "
    "(de vervolgmeting, of anders de start). Zo telt elk bedrijf daar één keer, ook als een partner elk kwartaal "
    "zijn hele register opnieuw levert.",
    "Instrumenten: hoe vaak een instrument is gebruikt. Een bedrijf kan meer instrumenten gebruiken; "
    "het totaal is het aantal keer gebruik, niet het aantal bedrijven.",
    "Basisniveau digitale veiligheid: de bedrijven die eraan voldoen, van de bedrijven waarvan we het weten, "
    "per gemeente en per trede van de laatste meting. Met een scancode volgt het uit het antwoord op de vraag over digitale veiligheid; anders vult de adviseur het in.",
    "Talent: het aantal ingezette studenten en ander digitaal talent, en bij hoeveel bedrijven. Een cel per gemeente "
    "verbergen we als er minder dan de drempel aan bedrijven achter zit.",
    "Binding: bij hoeveel bedrijven met ingezet talent dat talent in Drenthe bleef, van de bedrijven waarvan we het weten.",
    "De trede komt uit de scancode (dezelfde regel als de scan op de site) of, zonder code, uit de keuze van de adviseur.",
]


def _zeros(keys: list[str]) -> Counter:
    return Counter({k: 0 for k in keys})


def count(registrations: list[Registration], quarter: Quarter, vocabulary: Vocabulary) -> dict:
    """Raw counts, every map listing every key. Nothing in here names a registration."""
    gemeenten, steps = vocabulary.gemeente_slugs, vocabulary.step_slugs
    bereik = {"by_gemeente": _zeros(gemeenten), "by_step": _zeros(steps)}
    doorstroom = {"by_gemeente": _zeros(gemeenten), "by_step": _zeros(steps), "of": 0}
    instruments = _zeros(vocabulary.instruments)
    basis = {"by_gemeente": _zeros(gemeenten), "by_step": _zeros(steps), "of": 0}
    talent = {"by_gemeente": _zeros(gemeenten), "firms_by_gemeente": _zeros(gemeenten)}
    binding = {"by_gemeente": _zeros(gemeenten), "of": 0}
    first, last = quarter.first_day, quarter.last_day

    for r in registrations:
        if first <= r.start_date <= last:
            bereik["by_gemeente"][r.gemeente] += 1
            bereik["by_step"][steps[r.start_step]] += 1
        if r.follow_up_date and first <= r.follow_up_date <= last:
            doorstroom["of"] += 1
            if r.follow_up_step > r.start_step:
                doorstroom["by_gemeente"][r.gemeente] += 1
                doorstroom["by_step"][steps[r.start_step]] += 1
        if not first <= r.latest_date <= last:
            continue
        instruments.update(r.instruments)
        if r.basisniveau is not None:
            basis["of"] += 1
            if r.basisniveau:
                latest_step = r.follow_up_step if r.follow_up_date else r.start_step
                basis["by_gemeente"][r.gemeente] += 1
                basis["by_step"][steps[latest_step]] += 1
        if r.talent:
            talent["by_gemeente"][r.gemeente] += r.talent
            talent["firms_by_gemeente"][r.gemeente] += 1
            if r.talent_kept is not None:
                binding["of"] += 1
                if r.talent_kept:
                    binding["by_gemeente"][r.gemeente] += 1

    def total(counter):
        return sum(counter.values())

    return {
        "bereik": {"total": total(bereik["by_gemeente"]), **{k: dict(v) for k, v in bereik.items()}},
        "doorstroom": {"total": total(doorstroom["by_gemeente"]), "of": doorstroom["of"],
                       "by_gemeente": dict(doorstroom["by_gemeente"]), "by_step": dict(doorstroom["by_step"])},
        "instrumenten": {"total": total(instruments), "by_instrument": dict(instruments)},
        "basisniveau": {"total": total(basis["by_gemeente"]), "of": basis["of"],
                        "by_gemeente": dict(basis["by_gemeente"]), "by_step": dict(basis["by_step"])},
        "talent": {"total": total(talent["by_gemeente"]), "firms": total(talent["firms_by_gemeente"]),
                   "by_gemeente": dict(talent["by_gemeente"]), "firms_by_gemeente": dict(talent["firms_by_gemeente"])},
        "binding": {"total": total(binding["by_gemeente"]), "of": binding["of"], "by_gemeente": dict(binding["by_gemeente"])},
    }
