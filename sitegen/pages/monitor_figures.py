"""The monitor's figures as a reader sees them: the three questions, the six indicators, a count
or "<5", a share, and a year's figure from its quarters.

A suppressed count is never turned back into a number: a year's sum over quarters with a "<5" in
them is shown as "minstens N" (N = the published quarters only), because the exact sum would give
the hidden quarter away by subtraction.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from sitegen.data.monitor import Aggregate, is_suppressed

Count = Union[int, str]


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    what: str  # one sentence: what is counted
    of_label: str = ""  # the group the count is a part of ("of"), when there is one


# The policy's three questions (seed 000 line 411) with its six indicators (line 413). Which
# indicator answers which question is the editors' grouping; the policy lists them together.
QUESTIONS: list[tuple[str, list[Indicator]]] = [
    ("Bereiken we het mkb?", [
        Indicator("bereik", "Bereik", "Aantal bedrijven met een intake of start bij een partner in het kwartaal."),
        Indicator("instrumenten", "Gebruik van instrumenten",
                  "Aantal keer dat een bedrijf een instrument gebruikte. Een bedrijf kan meer instrumenten gebruiken."),
    ]),
    ("Zetten bedrijven stappen?", [
        Indicator("doorstroom", "Doorstroom", "Aantal bedrijven dat bij de vervolgmeting minstens één trede hoger staat.",
                  "bedrijven met een vervolgmeting"),
        Indicator("basisniveau", "Basisniveau digitale weerbaarheid",
                  "Aantal bedrijven dat het basisniveau digitale veiligheid haalt.", "bedrijven waarvan het niveau bekend is"),
    ]),
    ("Landt digitaal talent bij Drentse bedrijven?", [
        Indicator("talent", "Inzet van talent", "Aantal studenten en ander talent dat bij een bedrijf aan de slag ging."),
        Indicator("binding", "Regionale binding", "Aantal keer dat talent in Drenthe bleef.",
                  "talent waarvan dit bekend is"),
    ]),
]
INDICATOR_BY_KEY = {i.key: i for _, group in QUESTIONS for i in group}
# The indicators a gemeente's own figures show (instrument use has no gemeente breakdown).
GEMEENTE_INDICATORS = ["bereik", "doorstroom", "basisniveau", "talent", "binding"]
STEP_INDICATORS = ["bereik", "doorstroom", "basisniveau"]


def shown(value: Count) -> str:
    """A count as text: a number, or the suppressed label as it stands in the file ("<5")."""
    return value if is_suppressed(value) else str(value)


def spoken(value: Count) -> str:
    """For a chart's text alternative: "<5" read aloud."""
    return f"minder dan {value[1:]}" if is_suppressed(value) else str(value)


def share(total: Count, of: Count | None) -> str:
    """'44%' when both are published and of > 0; otherwise empty (never a share of a hidden count)."""
    if of is None or is_suppressed(total) or is_suppressed(of) or not of:
        return ""
    return f"{round(100 * total / of)}%"


def year_sum(values: list[Count]) -> str:
    """The year's figure from its quarters: exact when none is hidden, else 'minstens N'."""
    if not values:
        return "onbekend"
    known = sum(v for v in values if not is_suppressed(v))
    if any(is_suppressed(v) for v in values):
        return f"minstens {known}"
    return str(known)


def block(agg: Aggregate, key: str):
    return getattr(agg.indicators, key)


def series(quarters: list[Aggregate], key: str, part: str = "total") -> list[tuple[str, Count]]:
    return [(a.quarter, getattr(block(a, key), part)) for a in quarters]


def instrument_uses(quarters: list[Aggregate], instrument: str) -> list[Count]:
    """Uses of one instrument per quarter; a quarter that did not list it had none (0)."""
    return [block(a, "instrumenten").by_instrument.get(instrument, 0) for a in quarters]
