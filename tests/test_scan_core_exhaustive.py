"""Every possible scan (6^7 = 279,936 answer rows) against a second, independent reading of
DESIGN.md's phase rule, and guards for the speed-ups in evaluate_json and to_json.

The oracle below is written from DESIGN.md's words, not from scan_core/phase.py, so a slip in
either shows up as a mismatch for a concrete answer row.
"""
from __future__ import annotations

import copy
import dataclasses
import itertools
import json
from collections import Counter

import pytest

from repo_paths import ROOT, TODAY
from scan_core import evaluate, evaluate_json
from scan_core.phase import place


def _oracle(steps: tuple[int, ...]) -> tuple[int, int | None]:
    """DESIGN.md "The scan": most chosen; tie -> nearest the 4th of 7 sorted, lower if equally near.
    Neighbour: another answer chosen as often (nearest the phase; the higher if equally near),
    else an adjacent answer chosen once less and at least twice (the higher if both)."""
    counts = Counter(steps)
    top = max(counts.values())
    tied = [s for s in range(6) if counts[s] == top]
    median = sorted(steps)[3]
    phase = sorted(tied, key=lambda s: (abs(s - median), s))[0]
    others = [s for s in tied if s != phase]
    if others:
        nearest = min(abs(s - phase) for s in others)
        return phase, max(s for s in others if abs(s - phase) == nearest)
    adjacent = [s for s in (phase - 1, phase + 1) if 0 <= s <= 5 and counts[s] == top - 1 and counts[s] >= 2]
    return phase, (max(adjacent) if adjacent else None)


def test_design_examples_by_the_oracle():
    letters = "ABCDEF"
    for answers, phase in (("CCBCDCC", 2), ("AABBCCD", 1), ("AACCDDE", 2)):
        assert _oracle(tuple(letters.index(a) for a in answers))[0] == phase


def test_every_answer_row_matches_the_oracle():
    mismatches = []
    for row in itertools.product(range(6), repeat=7):
        got = place(list(row))
        if (got.phase, got.between) != _oracle(row):
            mismatches.append((row, (got.phase, got.between), _oracle(row)))
            if len(mismatches) > 5:
                break
    assert not mismatches


@pytest.fixture(scope="module")
def scan_data() -> dict:
    from sitegen.scan.scan_data import build_scan_data
    return build_scan_data(ROOT / "data", TODAY)


def test_evaluate_never_changes_the_scan_data(scan_data):
    """evaluate_json keeps the parsed scan data between calls; that is only safe if nothing writes to it."""
    before = copy.deepcopy(scan_data)
    for combo in itertools.combinations_with_replacement("ABCDEF", 7):
        for gemeente in (None, "emmen", "hardenberg"):
            evaluate(scan_data, "".join(combo), gemeente, TODAY)
    assert scan_data == before


def test_evaluate_json_reads_new_scan_data_when_it_changes(scan_data):
    from sitegen.scan.scan_data import dumps
    text = dumps(scan_data)
    first = json.loads(evaluate_json(text, "AAAAAAA", None, "2026-11-22"))
    changed = copy.deepcopy(scan_data)
    changed["ladder"]["caveat"] = "Een andere waarschuwing."
    second = json.loads(evaluate_json(dumps(changed), "AAAAAAA", None, "2026-11-22"))
    assert (first["caveat"], second["caveat"]) == (scan_data["ladder"]["caveat"], "Een andere waarschuwing.")
    assert json.loads(evaluate_json(text, "AAAAAAA", None, "2026-11-22")) == first
    broken = json.loads(evaluate_json("{", "AAAAAAA", None, "2026-11-22"))
    assert list(broken) == ["error"]


@pytest.mark.parametrize("answers, gemeente", [("CCDDBAE", "emmen"), ("AABBCCD", None), ("FFFFFFF", "hardenberg")])
def test_the_json_holds_every_field_of_the_result(scan_data, answers, gemeente):
    result = evaluate(scan_data, answers, gemeente, TODAY)
    assert json.loads(result.to_json()) == json.loads(json.dumps(dataclasses.asdict(result)))
