"""The chain along the ladder: what comes after an offer, and what comes before it.

Seed 000 line 207: "Instrumenten werken als één keten langs de digitale volwassenheidsladder".
An instrument may name what follows it (`next`, with a source or as the editors' estimate). Where
it names nothing, the chain is worked out: offers on the next trede with a theme in common, that a
firm in the same place may use, usable ones first (the scan's availability order), then by name.
"Before" is the same relation read backwards.
"""
from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from scan_core.availability import availability_rank
from sitegen.data.vocabulary import STEP_SLUGS

MAX_DERIVED = 3  # a worked-out next step lists at most this many offers: a path, not a catalogue


@dataclass(frozen=True)
class Link:
    instrument: object  # sitegen.data.models.Instrument
    named: bool          # True: the data names it (`next`); False: worked out from trede and theme
    classification: str  # "bron" or "redactie" for a named link; "afgeleid" for a worked-out one


def chain_loops(instruments: list[tuple[int, object]]) -> list[tuple[int, object, int, list[str]]]:
    """Every loop in the named `next` links, once: (position, instrument, index in its next, the ids
    round the loop). Reported at the link that closes the loop, so the editor sees where to cut."""
    by_id = {ins.id: (pos, ins) for pos, ins in instruments}
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    found = []
    for start in by_id:
        if state.get(start):
            continue
        path: list[str] = [start]
        state[start] = 1
        stack = [(start, 0)]
        while stack:  # iterative depth-first search: a long chain must not hit Python's recursion limit
            node, k = stack.pop()
            nexts = by_id[node][1].next
            if k >= len(nexts):
                state[node] = 2
                path.pop()
                continue
            stack.append((node, k + 1))
            target = nexts[k].instrument
            if target not in by_id:
                continue
            if state.get(target) == 1:
                pos, ins = by_id[node]
                found.append((pos, ins, k, path[path.index(target):] + [target]))
            elif not state.get(target):
                state[target] = 1
                path.append(target)
                stack.append((target, 0))
    return found


def _rank(instrument, today: date) -> int:
    """The scan's availability order (scan_core.availability), on a model instead of scan data."""
    return availability_rank({"status": instrument.status,
                              "open_from": instrument.open_from.isoformat() if instrument.open_from else None,
                              "open_until": instrument.open_until.isoformat() if instrument.open_until else None}, today)


class Chain:
    """After and before for every instrument of a dataset, on a build date."""

    def __init__(self, dataset, today: date):
        self.d = dataset
        self.today = today
        live = [i for i in dataset.instruments if not i.closed_on(today)]
        self._where = {i.id: set(dataset.gemeenten_in(i.regions)) for i in dataset.instruments}
        # Per (trede, theme): the open offers there, in the order a next step is chosen.
        buckets: dict[tuple[str, str], list] = {}
        for i in sorted(live, key=lambda i: (_rank(i, today), i.name.lower(), i.id)):
            for step in i.steps:
                for theme in i.themes:
                    buckets.setdefault((step, theme), []).append(i)
        self._after: dict[str, list[Link]] = {}
        self._before: dict[str, list[Link]] = {i.id: [] for i in dataset.instruments}
        for i in dataset.instruments:
            links = self._named(i) if i.next else self._worked_out(i, buckets)
            self._after[i.id] = links
            for link in links:
                self._before[link.instrument.id].append(Link(i, link.named, link.classification))
        for links in self._before.values():
            links.sort(key=lambda link: (not link.named, _rank(link.instrument, today), link.instrument.name.lower()))

    def after(self, instrument) -> list[Link]:
        return self._after.get(instrument.id, [])

    def before(self, instrument) -> list[Link]:
        return self._before.get(instrument.id, [])

    def _named(self, instrument) -> list[Link]:
        by_id = self.d.instruments_by_id
        return [Link(by_id[n.instrument], True, n.classification) for n in instrument.next if n.instrument in by_id]

    def _worked_out(self, instrument, buckets) -> list[Link]:
        if instrument.closed_on(self.today) or not instrument.steps:
            return []
        top = max(STEP_SLUGS.index(s) for s in instrument.steps if s in STEP_SLUGS)
        if top + 1 >= len(STEP_SLUGS):
            return []
        step_up = STEP_SLUGS[top + 1]
        where = self._where[instrument.id]
        # Each bucket is already in order; merging them lazily stops after the first few that fit.
        key = lambda i: (_rank(i, self.today), i.name.lower(), i.id)  # noqa: E731
        merged = heapq.merge(*(buckets.get((step_up, t), []) for t in instrument.themes), key=key)
        out, seen = [], {instrument.id}
        for candidate in merged:
            if candidate.id in seen or not (where & self._where[candidate.id]):
                continue
            seen.add(candidate.id)
            out.append(Link(candidate, False, "afgeleid"))
            if len(out) == MAX_DERIVED:
                break
        return out

    def path_from(self, step_slug: str, theme: str, limit: int = 3) -> tuple[list, list]:
        """A ladder step page's path per theme: open offers on this trede, then on the next."""
        index = STEP_SLUGS.index(step_slug)
        here = self._offers(step_slug, theme, limit)
        there = self._offers(STEP_SLUGS[index + 1], theme, limit) if index + 1 < len(STEP_SLUGS) else []
        return here, there

    def _offers(self, step_slug: str, theme: str, limit: int) -> list:
        fits = [i for i in self.d.instruments
                if step_slug in i.steps and theme in i.themes and not i.closed_on(self.today)]
        return sorted(fits, key=lambda i: (_rank(i, self.today), i.name.lower()))[:limit]
