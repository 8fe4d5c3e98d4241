"""The phase and the neighbouring phase, by the rule of DESIGN.md (from seed 000 Stap 2).

"Je fase hangt vooral af van de antwoorden die je het vaakst kiest": the most chosen answer.
Ties go to the tied answer nearest the median answer (the 4th of the 7 sorted), the lower of two
equally near. "Je zit vaak tussen twee fases in": another answer chosen as often as the phase
(the nearest to the phase), or else an adjacent answer chosen once less often and at least twice.
Where two answers qualify equally for the neighbour, the higher one wins: the policy's aim is a
step up, and DESIGN.md names the higher one for the adjacent case.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Placement:
    phase: int             # step index 0-5
    between: int | None    # the neighbouring step index, or None
    counts: dict[int, int]  # step index -> how often chosen
    median: int
    tied: tuple[int, ...]  # the steps chosen most often (more than one: a tie)


def place(steps: list[int]) -> Placement:
    counts = Counter(steps)
    top = max(counts.values())
    tied = tuple(sorted(s for s, c in counts.items() if c == top))
    median = sorted(steps)[len(steps) // 2]
    phase = min(tied, key=lambda s: (abs(s - median), s))
    return Placement(phase, _neighbour(phase, counts, tied), dict(counts), median, tied)


def _neighbour(phase: int, counts: Counter, tied: tuple[int, ...]) -> int | None:
    others = [s for s in tied if s != phase]
    if others:
        return min(others, key=lambda s: (abs(s - phase), -s))
    top = counts[phase]
    adjacent = [s for s in (phase + 1, phase - 1) if counts.get(s, 0) == top - 1 and counts.get(s, 0) >= 2]
    return adjacent[0] if adjacent else None
