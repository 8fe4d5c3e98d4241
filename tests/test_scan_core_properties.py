"""Properties of scan_core over every input: total, deterministic, and the rules of DESIGN.md.

Recommendations are checked against a copy of the real scan data in which some offers are
closed, some expire and some open later, so the availability rules really bite.
"""
from __future__ import annotations

import copy
import json
from collections import Counter
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repo_paths import TODAY
from scan_core import evaluate, evaluate_json

LETTERS = "ABCDEF"
GEMEENTEN = ["aa-en-hunze", "assen", "borger-odoorn", "coevorden", "de-wolden", "emmen", "hoogeveen",
             "meppel", "midden-drenthe", "noordenveld", "tynaarlo", "westerveld", "hardenberg"]
FORBIDDEN_KEYS = ("score", "points", "percentage", "punten")

answers_st = st.text(alphabet=LETTERS, min_size=7, max_size=7)
gemeente_st = st.sampled_from(GEMEENTEN + [None])
dates_st = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])




@pytest.fixture(scope="session")
def varied_data(scan_data) -> dict:
    """Real data with every third offer closed, every third expiring on a spread of dates and
    the intake itself ending mid-2027 and not offered in Hardenberg, so 'closed', 'expired' and
    'not here' occur for every phase."""
    data = copy.deepcopy(scan_data)
    intake = data["ladder"]["intake"]["instrument"]
    for n, item in enumerate(data["instruments"]):
        if item["id"] == intake:
            item["open_until"] = "2027-06-30"
            item["gemeenten"] = [g for g in item["gemeenten"] if g != "hardenberg"]
        elif n % 3 == 0:
            item["status"] = "gesloten"
        elif n % 3 == 1:
            item["open_until"] = date(2021 + n % 11, 1 + n % 12, 1 + n % 28).isoformat()
            item["status"] = "open"
    assert GEMEENTEN == [g["slug"] for g in data["gemeenten"]]
    return data


def _usable(item: dict, gemeente: str | None, data: dict) -> bool:
    if gemeente:
        return gemeente in item["gemeenten"]
    return set(data["home_gemeenten"]) <= set(item["gemeenten"])


def _closed(item: dict, today: date) -> bool:
    until = item.get("open_until")
    return item["status"] == "gesloten" or bool(until and date.fromisoformat(until) < today)


def _keys(node) -> list[str]:
    if isinstance(node, dict):
        return list(node) + [k for v in node.values() for k in _keys(v)]
    if isinstance(node, list):
        return [k for v in node for k in _keys(v)]
    return []


@SETTINGS
@given(answers=st.one_of(st.text(min_size=0, max_size=12), answers_st, answers_st.map(lambda a: "v1." + a),
                        st.none(), st.integers()),
       gemeente=st.one_of(gemeente_st, st.text(max_size=12), st.integers()),
       today=st.one_of(dates_st.map(date.isoformat), st.text(max_size=12), st.none()))
def test_evaluate_json_is_total(scan_data_json, answers, gemeente, today):
    out = json.loads(evaluate_json(scan_data_json, answers, gemeente, today))
    assert isinstance(out, dict)
    if "error" in out:
        assert list(out) == ["error"] and out["error"].strip()
    else:
        assert out["code"].startswith("v1.")


@SETTINGS
@given(answers=answers_st, gemeente=gemeente_st, today=dates_st)
def test_total_and_deterministic(scan_data_json, answers, gemeente, today):
    first = evaluate_json(scan_data_json, answers, gemeente, today.isoformat())
    second = evaluate_json(scan_data_json, answers, gemeente, today.isoformat())
    assert first == second
    out = json.loads(first)
    assert "error" not in out
    assert out["date"] == today.isoformat()
    assert [a["letter"] for a in out["answers"]] == list(answers)
    lowered = [k.lower() for k in _keys(out)]
    assert not [k for k in lowered if any(bad in k for bad in FORBIDDEN_KEYS)]


@SETTINGS
@given(answers=answers_st, data=st.data())
def test_phase_does_not_depend_on_question_order(scan_data, answers, data):
    shuffled = "".join(data.draw(st.permutations(list(answers))))
    a, b = evaluate(scan_data, answers, None, TODAY), evaluate(scan_data, shuffled, None, TODAY)
    assert (a.phase, a.between) == (b.phase, b.between)


@SETTINGS
@given(answers=answers_st)
def test_phase_is_a_most_chosen_answer(scan_data, answers):
    result = evaluate(scan_data, answers, None, TODAY)
    slugs = [s["slug"] for s in scan_data["ladder"]["steps"]]
    counts = Counter(answers)
    top = max(counts.values())
    phase_letter = LETTERS[slugs.index(result.phase.slug)]
    assert counts[phase_letter] == top
    if top >= 4:  # a majority is always the phase, and leaves no tie
        assert len([c for c in counts.values() if c == top]) == 1
    if result.between is not None:
        other = LETTERS[slugs.index(result.between.slug)]
        assert other != phase_letter
        assert counts[other] == top or (counts[other] == top - 1 >= 2
                                        and abs(LETTERS.index(other) - LETTERS.index(phase_letter)) == 1)


@SETTINGS
@given(letter=st.sampled_from(LETTERS), rest=st.text(alphabet=LETTERS, min_size=3, max_size=3), data=st.data())
def test_an_answer_chosen_four_times_is_the_phase(scan_data, letter, rest, data):
    answers = "".join(data.draw(st.permutations(list(letter * 4 + rest))))
    slugs = [s["slug"] for s in scan_data["ladder"]["steps"]]
    assert evaluate(scan_data, answers, None, TODAY).phase.slug == slugs[LETTERS.index(letter)]


@SETTINGS
@given(answers=answers_st)
def test_priorities_are_the_lowest_answers_plus_weak_security(scan_data, answers):
    result = evaluate(scan_data, answers, None, TODAY)
    questions = scan_data["ladder"]["questions"]
    lowest = min(answers)
    expected = [q["id"] for q, a in zip(questions, answers) if a == lowest or (q["id"] == "security" and a in "AB")]
    assert result.priorities == expected
    assert [a.id for a in result.answers if a.priority] == expected
    security = answers[[q["id"] for q in questions].index("security")]
    assert bool(result.priority_notes) == (security in "AB")


def _availability(item: dict, today: date) -> int:
    opens = item.get("open_from")
    later = bool(opens) and date.fromisoformat(opens) > today
    if item["status"] == "open" and not later:
        return 0
    return 1 if item["status"] in ("open", "in voorbereiding") else 2


@SETTINGS
@given(answers=answers_st, gemeente=gemeente_st, today=dates_st, varied=st.booleans())
def test_recommendations_are_usable_here_and_open(scan_data, varied_data, answers, gemeente, today, varied):
    data = varied_data if varied else scan_data
    instruments = {i["id"]: i for i in data["instruments"]}
    intake_id = data["ladder"]["intake"]["instrument"]
    result = evaluate(data, answers, gemeente, today)
    ids = [r.id for r in result.recommendations]
    assert len(ids) == len(set(ids))
    for rec in result.recommendations:
        item = instruments[rec.id]
        assert rec.kind == "instrument"
        assert _usable(item, gemeente, data), (rec.id, gemeente)
        assert not _closed(item, today), (rec.id, today)
        assert rec.status != "gesloten"
    if gemeente == "hardenberg":
        assert "adviesvoucher-mkb-drenthe" not in ids
    intake = instruments[intake_id]
    if _usable(intake, gemeente, data) and not _closed(intake, today):
        assert ids[-1] == intake_id
    else:
        assert intake_id not in ids
    # usable now, then in preparation (or opening later), then unknown; within each, the
    # gemeente's own offers before the rest
    keys = [(_availability(instruments[i], today), not (bool(gemeente) and instruments[i]["local"]))
            for i in ids if i != intake_id]
    assert keys == sorted(keys)


def test_varied_data_really_closes_offers_that_would_be_shown(scan_data, varied_data):
    """Guards the property above: on the varied data, something that would be shown is left out."""
    left_out = set()
    for answers in ("AAAAAAA", "CCCCCCC", "DDDDDDD", "FFFFFFF"):
        real = {r.id for r in evaluate(scan_data, answers, "emmen", TODAY).recommendations}
        varied = {r.id for r in evaluate(varied_data, answers, "emmen", TODAY).recommendations}
        left_out |= real - varied
    assert left_out
    intake = varied_data["ladder"]["intake"]["instrument"]
    assert intake not in {r.id for r in evaluate(varied_data, "AAAAAAA", None, date(2027, 7, 1)).recommendations}
    assert intake not in {r.id for r in evaluate(varied_data, "AAAAAAA", "hardenberg", TODAY).recommendations}
    assert intake in {r.id for r in evaluate(varied_data, "AAAAAAA", "emmen", TODAY).recommendations}
