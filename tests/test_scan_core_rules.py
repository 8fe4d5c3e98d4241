"""scan_core's rules on worked examples: phase, neighbour, priorities, next steps, offers, SVG.

The examples are those of DESIGN.md "The scan"; each asserts what the entrepreneur reads.
"""
from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from repo_paths import ROOT, TODAY
from scan_core import ScanInputError, evaluate, evaluate_json

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="session")
def scan_data() -> dict:
    from sitegen.scan.scan_data import build_scan_data
    return build_scan_data(ROOT / "data", TODAY)


def _ids(data: dict) -> list[str]:
    return [q["id"] for q in data["ladder"]["questions"]]


def _step_slugs(data: dict) -> list[str]:
    return [s["slug"] for s in data["ladder"]["steps"]]


# (answers, phase slug, neighbour slug or None): DESIGN.md's examples and the edges of the rule.
PHASE_CASES = [
    ("AAAAAAA", "orienteren", None),
    ("FFFFFFF", "transformeren", None),
    ("DDDDDCE", "optimaliseren", None),          # clear majority
    ("CCBCDCC", "funderen", None),               # DESIGN.md
    # DESIGN.md: A, B, C twice, median B -> starten. Neighbour: A and C are equally near B and
    # phase.py's docstring says the higher one wins ("een stapje omhoog") -> funderen.
    ("AABBCCD", "starten", "funderen"),
    ("AACCDDE", "funderen", "optimaliseren"),    # DESIGN.md: A, C, D twice; median C; D nearest
    ("BBCDDAF", "starten", "optimaliseren"),     # B, D tied and equally near median C: the lower
    ("ABCDEFC", "funderen", None),               # spread over all six; C twice, no neighbour
    ("CCCDDAB", "funderen", "optimaliseren"),    # D adjacent, once less, at least twice
    ("CCCBBDD", "funderen", "optimaliseren"),    # B and D both qualify: the higher one
    ("CCCBBEF", "funderen", "starten"),          # only the lower adjacent qualifies
    ("CCCEEAB", "funderen", None),               # E once less but not adjacent
    ("CCDAEFB", "funderen", None),               # D adjacent but chosen only once
    ("EEEEDDD", "innoveren", "optimaliseren"),
    ("ABCDEFF", "transformeren", None),
    ("AAFFFBB", "transformeren", None),          # F 3x beats A 2x and B 2x, however far apart
    ("AAAFFFC", "orienteren", "transformeren"),  # A, F tied; median C nearer to A; F is the other
]


@pytest.mark.parametrize("answers, phase, between", PHASE_CASES)
def test_phase_and_neighbour_of_worked_examples(scan_data, answers, phase, between):
    result = evaluate(scan_data, answers, None, TODAY)
    assert result.phase.slug == phase
    assert (result.between.slug if result.between else None) == between
    names = {s["slug"]: s["name"] for s in scan_data["ladder"]["steps"]}
    assert result.phase.name == names[phase]
    text = " ".join(result.reasoning)
    if between:
        low, high = sorted([phase, between], key=_step_slugs(scan_data).index)
        assert f"Je zit tussen {names[low]} en {names[high]}." in text
    else:
        assert "Je zit tussen" not in text
    assert f"Daarom zit je in de fase {names[phase]}." in text


def test_tie_reasoning_names_the_median(scan_data):
    text = " ".join(evaluate(scan_data, "AABBCCD", None, TODAY).reasoning)
    assert "Je koos A, B en C even vaak (2×)" in text
    assert "middelste antwoord (B)" in text


def test_all_a_puts_every_question_first_and_all_f_none_extra(scan_data):
    ids = _ids(scan_data)
    low = evaluate(scan_data, "AAAAAAA", None, TODAY)
    assert low.priorities == ids
    assert all(a.priority for a in low.answers)
    high = evaluate(scan_data, "FFFFFFF", None, TODAY)
    assert high.priorities == ids  # all equally lowest: every question is "the lowest"


def test_priorities_are_the_lowest_answers_in_question_order(scan_data):
    result = evaluate(scan_data, "DBDDEBF", None, TODAY)
    assert result.priorities == ["data", "ai"]
    assert [a.id for a in result.answers if a.priority] == ["data", "ai"]
    assert result.priority_notes == []  # security is E


@pytest.mark.parametrize("security", ["A", "B"])
def test_weak_security_is_always_a_priority_with_the_note(scan_data, security):
    answers = "A" + "DDD" + security + "DD"  # the lowest answer is tools (A); security is question 5
    result = evaluate(scan_data, answers, None, TODAY)
    assert result.priorities == ["tools", "security"]
    advice = next(q for q in scan_data["ladder"]["questions"] if q["id"] == "security")["priority_advice"]
    assert advice and result.priority_notes == [advice]
    assert next(a for a in result.answers if a.id == "security").priority


def test_security_c_is_not_pulled_into_the_priorities(scan_data):
    result = evaluate(scan_data, "ADDDCDD", None, TODAY)
    assert result.priorities == ["tools"]
    assert result.priority_notes == []


def test_each_question_gets_the_next_step_of_its_band(scan_data):
    questions = scan_data["ladder"]["questions"]
    bands = {"A": "low", "B": "low", "C": "mid", "D": "mid", "E": "high", "F": "high"}
    for answers in ("ABCDEFA", "FEDCBAF", "CDEFABC", "BBBBBBB", "EEEEEEE"):
        result = evaluate(scan_data, answers, None, TODAY)
        for q, letter, a in zip(questions, answers, result.answers):
            assert (a.id, a.letter) == (q["id"], letter)
            assert a.advice == q["next_steps"][bands[letter]]
            assert a.answer == q["options"]["ABCDEF".index(letter)]["text"]
            assert a.step == _step_slugs(scan_data)["ABCDEF".index(letter)]
    # the three bands really say different things, so a wrong band would show
    for q in questions:
        assert len(set(q["next_steps"].values())) == 3


@pytest.mark.parametrize("answers", ["AAAAAAA", "CCCCCCC", "FFFFFFF"])
def test_phase_meaning_action_subsidy_and_route_come_from_the_ladder(scan_data, answers):
    result = evaluate(scan_data, answers, None, TODAY)
    step = next(s for s in scan_data["ladder"]["steps"] if s["slug"] == result.phase.slug)
    assert (result.meaning, result.action) == (step["meaning"], step["action"])
    assert result.subsidies[0]["text"] == step["subsidy"]["text"]
    assert [i["id"] for i in result.subsidies[0]["instruments"]] == step["subsidy"]["instruments"]
    assert result.routes[0]["text"] == step["route"]["text"]
    assert [p["id"] for p in result.routes[0]["partners"]] == step["route"]["partners"]
    assert result.caveat == scan_data["ladder"]["caveat"]


def test_result_says_it_is_an_indication_not_a_score(scan_data):
    result = evaluate(scan_data, "CCDDBAE", None, TODAY)
    assert result.caveat.strip()
    payload = result.to_json().lower()
    assert "%" not in payload and "punten" not in payload


# ---------------------------------------------------------------- recommendations


def _rec_ids(result) -> list[str]:
    return [r.id for r in result.recommendations]


def test_hardenberg_never_gets_the_drenthe_voucher(scan_data):
    instruments = {i["id"]: i for i in scan_data["instruments"]}
    assert "hardenberg" not in instruments["adviesvoucher-mkb-drenthe"]["gemeenten"]
    for answers in ("AAAAAAA", "BBBBBBB", "ABABABA"):
        ids = _rec_ids(evaluate(scan_data, answers, "hardenberg", TODAY))
        assert "adviesvoucher-mkb-drenthe" not in ids
        assert all("hardenberg" in instruments[i]["gemeenten"] for i in ids)
        # the same answers in Assen may show it; the rule is about the place, not the answers
    assert all("assen" in instruments[i]["gemeenten"] for i in _rec_ids(evaluate(scan_data, "AAAAAAA", "assen", TODAY)))


def test_gemeente_specific_offers_come_first_among_equally_available(scan_data):
    local = {i["id"] for i in scan_data["instruments"] if i["local"]}
    recs = evaluate(scan_data, "AAAAAAA", "emmen", TODAY).recommendations
    unknown = [r for r in recs if r.status == "onbekend"]  # Emmen's own offers have no known status
    assert {r.id for r in unknown[:2]} <= local and len({r.id for r in unknown[:2]}) == 2
    assert all(r.usable_now for r in recs[:recs.index(unknown[0])]), "usable now comes before status unknown"
    assert "Speciaal voor ondernemers in Emmen." in unknown[0].why
    # without a gemeente, offers for only part of the region are not shown
    assert not local & set(_rec_ids(evaluate(scan_data, "AAAAAAA", None, TODAY)))
    # Assen is not covered by the local offers
    assert not local & set(_rec_ids(evaluate(scan_data, "AAAAAAA", "assen", TODAY)))


def test_recommendations_fit_the_phase_or_one_step_up(scan_data):
    steps = _step_slugs(scan_data)
    instruments = {i["id"]: i for i in scan_data["instruments"]}
    intake = scan_data["ladder"]["intake"]["instrument"]
    for answers in ("AAAAAAA", "CCCCCCC", "DDDDDDD", "FFFFFFF"):
        result = evaluate(scan_data, answers, "assen", TODAY)
        p = steps.index(result.phase.slug)
        wanted = set(steps[p:p + 2])
        for rec in result.recommendations:
            if rec.id != intake:
                assert wanted & set(instruments[rec.id]["steps"]), (answers, rec.id)
                assert rec.target_group == instruments[rec.id]["target_group"]
        assert result.recommendations[-1].id == intake


def test_in_voorbereiding_is_labelled_so_and_comes_before_unknown(scan_data):
    # with nothing open, what is in preparation comes first
    data = copy.deepcopy(scan_data)
    for item in data["instruments"]:
        if item["status"] == "open":
            item["status"] = "onbekend"
    recs = evaluate(data, "CCCCCCC", "assen", TODAY).recommendations
    preparing = [r for r in recs if r.status == "in voorbereiding"]
    assert preparing and all(r.status_label == "In voorbereiding" for r in preparing)
    assert recs[:len(preparing)] == preparing


def _with_instrument(data: dict, instrument_id: str, **changes) -> dict:
    data = copy.deepcopy(data)
    for item in data["instruments"]:
        if item["id"] == instrument_id:
            item.update(changes)
    return data


def test_closed_and_expired_offers_drop_off_on_the_day_after(scan_data):
    target = "it-hub-innovatieprojecten"  # recommended for CCCCCCC in Assen (see above)
    assert target in _rec_ids(evaluate(scan_data, "CCCCCCC", "assen", TODAY))
    closed = _with_instrument(scan_data, target, status="gesloten")
    assert target not in _rec_ids(evaluate(closed, "CCCCCCC", "assen", TODAY))
    until_today = _with_instrument(scan_data, target, open_until=TODAY.isoformat())
    assert target in _rec_ids(evaluate(until_today, "CCCCCCC", "assen", TODAY))
    assert target not in _rec_ids(evaluate(until_today, "CCCCCCC", "assen", TODAY + timedelta(days=1)))


def test_phase_subsidy_shows_a_past_deadline_as_closed(scan_data):
    voucher = "adviesvoucher-mkb-drenthe"  # the subsidy of Oriënteren
    expired = _with_instrument(scan_data, voucher, open_until=(TODAY - timedelta(days=1)).isoformat())
    shown = evaluate(expired, "AAAAAAA", "assen", TODAY).subsidies[0]["instruments"][0]
    assert (shown["id"], shown["status"], shown["status_label"]) == (voucher, "gesloten", "Gesloten")


def test_offer_opening_later_says_when_and_comes_after_the_open_ones(scan_data, monkeypatch):
    import scan_core.recommend
    monkeypatch.setattr(scan_core.recommend, "MAX_INSTRUMENTS", 100)  # the whole ranking, not only six
    target = "it-hub-innovatieprojecten"
    later = _with_instrument(scan_data, target, open_from=(TODAY + timedelta(days=10)).isoformat())
    recs = evaluate(later, "CCCCCCC", "assen", TODAY).recommendations
    rec = next(r for r in recs if r.id == target)
    assert rec.status_label == f"Opent op {TODAY + timedelta(days=10):%d-%m-%Y}" and not rec.usable_now
    assert not any(r.usable_now for r in recs[recs.index(rec):-1]), "every open offer comes before it (the intake is last)"


def test_closed_intake_is_not_offered(scan_data):
    intake = scan_data["ladder"]["intake"]["instrument"]
    closed = _with_instrument(scan_data, intake, status="gesloten")
    assert intake not in _rec_ids(evaluate(closed, "AAAAAAA", None, TODAY))


# ---------------------------------------------------------------- SVG


def _parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == SVG_NS + "svg"
    return root


def _title_desc(root: ET.Element) -> tuple[str, str]:
    return root.find(SVG_NS + "title").text, root.find(SVG_NS + "desc").text


@pytest.mark.parametrize("answers", ["CCDDBAE", "AACCDDE", "FFFFFFF"])
def test_svgs_parse_and_describe_the_result(scan_data, answers):
    result = evaluate(scan_data, answers, None, TODAY)
    title, desc = _title_desc(_parse(result.svg["ladder"]))
    assert title and f"Je zit in de fase {result.phase.name}" in desc
    if result.between:
        assert result.between.name in desc
    title, desc = _title_desc(_parse(result.svg["answers"]))
    assert title
    for q, letter in zip(scan_data["ladder"]["questions"], answers):
        assert f"{q['title']}: {letter} (" in desc


def test_svg_text_is_escaped(scan_data):
    data = copy.deepcopy(scan_data)
    data["ladder"]["steps"][2]["name"] = 'Fun<de>ren & "zo"'
    data["ladder"]["questions"][0]["title"] = "Tools <script>&amp;"
    result = evaluate(data, "CCCCCCA", None, TODAY)
    ladder = _parse(result.svg["ladder"])
    assert 'Je zit in de fase Fun<de>ren & "zo"' in _title_desc(ladder)[1]
    assert 'Fun<de>ren & "zo"' in [t.text for t in ladder.iter(SVG_NS + "text")]
    answers = _parse(result.svg["answers"])
    assert "Tools <script>&amp;" in [t.text for t in answers.iter(SVG_NS + "text")]
    assert not list(answers.iter("script")) and not list(answers.iter(SVG_NS + "script"))


# ---------------------------------------------------------------- inputs


def test_evaluate_rejects_bad_inputs_in_dutch(scan_data):
    with pytest.raises(ScanInputError, match="gemeente 'atlantis' is onbekend"):
        evaluate(scan_data, "CCDDBAE", "atlantis", TODAY)
    with pytest.raises(ScanInputError, match="geen datum"):
        evaluate(scan_data, "CCDDBAE", None, "2026-11-22")
    with pytest.raises(ScanInputError, match="7 antwoorden nodig"):
        evaluate(scan_data, "CCDDBA", None, TODAY)


def test_evaluate_json_matches_evaluate(scan_data):
    from sitegen.scan.scan_data import dumps
    text = evaluate_json(dumps(scan_data), "v1.CCDDBAE.emmen", None, "2026-11-22")
    assert text == evaluate(scan_data, "CCDDBAE", "emmen", date(2026, 11, 22)).to_json()
    out = json.loads(text)
    assert out["code"] == "v1.CCDDBAE.emmen" and out["gemeente"] == {"slug": "emmen", "name": "Emmen"}
    assert out["date"] == "2026-11-22"
    # an explicit gemeente wins over the code's
    assert json.loads(evaluate_json(dumps(scan_data), "v1.CCDDBAE.emmen", "assen", "2026-11-22"))["gemeente"]["slug"] == "assen"
