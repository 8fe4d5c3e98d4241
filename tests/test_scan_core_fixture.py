"""Recommendations on a small hand-written scan data file, where every expected list is known.

tests/fixtures/scan_data_small.json has the shape of site/scan/scan-data.json (ARCHITECTURE.md)
with the real ladder, but with made-up offers that each test one rule: a gemeente-only offer
in Emmen and one in Hardenberg, a Drenthe-only voucher (not for Hardenberg), a closed one, one
that expired on 2026-06-30, one that opens on 2027-01-01, one `in voorbereiding`. The real data
changes as editors work; these lists do not, so the ranking rule is pinned down exactly here.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from repo_paths import ROOT, TODAY
from scan_core import evaluate, evaluate_json

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "scan_data_small.json"
INTAKE = "ibdo-intake"


@pytest.fixture(scope="module")
def small() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def _ids(data: dict, answers: str, gemeente: str | None, today: date = TODAY) -> list[str]:
    return [r.id for r in evaluate(data, answers, gemeente, today).recommendations]


def test_fixture_has_the_shape_the_build_writes(small):
    from sitegen.scan.scan_data import build_scan_data
    real = build_scan_data(ROOT / "data", TODAY)
    assert set(small) == set(real)
    assert set(small["ladder"]) == set(real["ladder"])
    assert {k for i in small["instruments"] for k in i} == {k for i in real["instruments"] for k in i}
    optional = {"contact"}  # only where a source gives one; the fixture has made-up ones
    assert {k for p in small["partners"] for k in p} - optional == {k for p in real["partners"] for k in p} - optional
    assert small["activity_words"] == real["activity_words"]


# Oriënteren (all A: every question is a priority). Step up: Starten. Ranking: usable now, then in
# preparation or opening later, then status unknown; within each, the gemeente's own offers, then
# more priority themes, then the phase before the step up, then the name; 6 at most, then the intake.
ORIENTEREN = [
    ("emmen", ["emmen-lokaal", "starterstraject", "cyber-basis", "adviesvoucher-mkb-drenthe", "later-open",
               "kennisbank", INTAKE]),
    ("hardenberg", ["hardenberg-lokaal", "starterstraject", "cyber-basis", "later-open", "kennisbank",
                    "zelfhulpgids", INTAKE]),
    (None, ["starterstraject", "cyber-basis", "adviesvoucher-mkb-drenthe", "later-open", "kennisbank",
            "zelfhulpgids", INTAKE]),
]


@pytest.mark.parametrize("gemeente, expected", ORIENTEREN)
def test_ranking_for_orienteren(small, gemeente, expected):
    assert _ids(small, "AAAAAAA", gemeente) == expected


def test_closed_and_expired_never_shown_and_expiry_counts_from_the_day_after(small):
    for gemeente in ("emmen", "hardenberg", None):
        for day in (date(2026, 1, 1), TODAY, date(2027, 3, 1)):
            ids = _ids(small, "AAAAAAA", gemeente, day)
            assert "gesloten-regeling" not in ids
            assert ("verlopen-regeling" in ids) == (day <= date(2026, 6, 30))
    # on its last day it is still open, and its four priority themes put it right after the local one
    assert _ids(small, "AAAAAAA", "emmen", date(2026, 6, 30))[:3] == ["emmen-lokaal", "verlopen-regeling", "starterstraject"]
    assert "verlopen-regeling" not in _ids(small, "AAAAAAA", "emmen", date(2026, 7, 1))


def test_opening_later_is_labelled_and_a_past_voucher_drops_off(small):
    result = evaluate(small, "AAAAAAA", "emmen", TODAY)
    later = next(r for r in result.recommendations if r.id == "later-open")
    assert (later.status, later.status_label) == ("open", "Opent op 01-01-2027")
    next_year = evaluate(small, "AAAAAAA", "emmen", date(2027, 1, 1))
    assert "adviesvoucher-mkb-drenthe" not in [r.id for r in next_year.recommendations]  # open_until 2026-12-31
    assert next(r for r in next_year.recommendations if r.id == "later-open").status_label == "Open"
    voucher = next_year.subsidies[0]["instruments"][0]
    assert (voucher["id"], voucher["status"], voucher["status_label"]) == ("adviesvoucher-mkb-drenthe", "gesloten", "Gesloten")


def test_why_says_what_is_particular_to_each_offer(small):
    recs = {r.id: r for r in evaluate(small, "AAAAAAA", "emmen", TODAY).recommendations}
    assert recs["starterstraject"].why == (
        "Helpt bij wat eerst aandacht vraagt: "
        "Digitale tools, systemen en online kanalen, Data & sturing en Processen. Voor de stap omhoog naar Starten.")
    assert recs["emmen-lokaal"].why == (
        "Helpt bij wat eerst aandacht vraagt: "
        "Digitale tools, systemen en online kanalen. Speciaal voor ondernemers in Emmen.")
    assert recs["kennisbank"].why == "Past bij je fase, Oriënteren."  # no themes: only the phase is left to say
    first = [r.why for r in evaluate(small, "AAAAAAA", "emmen", TODAY).recommendations[:3]]
    assert len(set(first)) == 3, "the first three offers each say something of their own"
    # outside the priorities an offer names its own themes
    optimaliseren = {r.id: r for r in evaluate(small, "DDDDDDA", None, TODAY).recommendations}  # priority: strategy
    assert optimaliseren["subsidie-digitale-en-ai-gereedheid"].why == (
        "Gaat over: Digitale tools, systemen en online kanalen en Data & sturing.")
    assert recs[INTAKE].why.startswith("Wil je liever eerst met iemand praten?")
    assert recs["starterstraject"].target_group == "Mkb-bedrijven (testgegevens)"
    assert all(r.kind == "instrument" and r.url == f"instrumenten/{r.id}/" for r in recs.values())


def test_in_voorbereiding_is_shown_and_labelled(small):
    result = evaluate(small, "CCCCCCC", "assen", TODAY)
    assert [r.id for r in result.recommendations] == ["subsidie-digitale-en-ai-gereedheid", INTAKE]
    rec = result.recommendations[0]
    assert (rec.status, rec.status_label) == ("in voorbereiding", "In voorbereiding")
    subsidy = result.subsidies[0]["instruments"]
    assert [(s["id"], s["status_label"]) for s in subsidy] == [("subsidie-digitale-en-ai-gereedheid", "In voorbereiding")]


def test_hardenberg_gets_no_drenthe_only_subsidy(small):
    funderen = evaluate(small, "CCCCCCC", "hardenberg", TODAY)
    assert [r.id for r in funderen.recommendations] == [INTAKE]
    assert funderen.subsidies[0]["instruments"] == []
    assert "niet voor bedrijven in Hardenberg" in funderen.subsidies[0]["text"]
    innoveren = evaluate(small, "EEEEEEE", "hardenberg", TODAY)
    assert [r.id for r in innoveren.recommendations] == ["praktijkplek-ai", "mit", INTAKE]
    assert [s["id"] for s in innoveren.subsidies[0]["instruments"]] == ["mit"]  # EFRO here is Drenthe-only
    # the same answers in Emmen: both; MIT is open, EFRO's status is unknown, so MIT first
    assert _ids(small, "EEEEEEE", "emmen") == ["praktijkplek-ai", "mit", "efro", INTAKE]


def test_top_step_has_no_step_up(small):
    assert _ids(small, "FFFFFFF", "emmen") == ["mit", "efro", INTAKE]


def test_ranking_puts_usable_now_first_then_in_preparation_then_unknown(small):
    data = json.loads(json.dumps(small))
    for item in data["instruments"]:
        if item["id"] == "zelfhulpgids":
            item["status"] = "in voorbereiding"
    recs = evaluate(data, "AAAAAAA", None, TODAY).recommendations
    assert [r.id for r in recs] == ["starterstraject", "cyber-basis", "adviesvoucher-mkb-drenthe",
                                    "later-open", "zelfhulpgids", "kennisbank", INTAKE]
    assert [r.usable_now for r in recs[:5]] == [True, True, True, False, False]
    # within a group today's rules still hold: a local offer first, even with fewer priority themes
    assert _ids(data, "AAAAAAA", "emmen")[:2] == ["emmen-lokaal", "starterstraject"]


def test_each_offer_carries_its_kind_word_status_closing_date_and_partner(small):
    recs = {r.id: r for r in evaluate(small, "AAAAAAA", "emmen", TODAY).recommendations}
    voucher = recs["adviesvoucher-mkb-drenthe"]
    assert (voucher.kind_word, voucher.status_label, voucher.open_until) == ("Financiering", "Open", "2026-12-31")
    assert voucher.partner == {"id": "provincie-drenthe", "name": "Provincie Drenthe", "url": "partners/provincie-drenthe/"}
    assert recs["emmen-lokaal"].kind_word == "Advies"
    assert set(small["activity_words"]) == {i["activity_type"] for i in small["instruments"]} | set(small["activity_words"])
    assert all(len(word.split()) == 1 for word in small["activity_words"].values())


@pytest.mark.parametrize("answers, phase, between, priorities", [
    ("AAAAAAA", "orienteren", None, ["tools", "data", "processes", "skills", "security", "ai", "strategy"]),
    ("FFFFFFF", "transformeren", None, ["tools", "data", "processes", "skills", "security", "ai", "strategy"]),
    ("CCBCDCC", "funderen", None, ["processes"]),
    ("AABBCCD", "starten", "funderen", ["tools", "data"]),
    ("AACCDDE", "funderen", "optimaliseren", ["tools", "data"]),
    ("ABCDEFC", "funderen", None, ["tools"]),
    ("DDDDADD", "optimaliseren", None, ["security"]),
    ("ADDDBDD", "optimaliseren", None, ["tools", "security"]),   # security B: always a priority
    ("DBDDEBF", "optimaliseren", None, ["data", "ai"]),
])
def test_worked_examples(small, answers, phase, between, priorities):
    result = evaluate(small, answers, None, TODAY)
    assert (result.phase.slug, result.between.slug if result.between else None) == (phase, between)
    assert result.priorities == priorities


def test_evaluate_json_on_the_fixture_is_the_documented_shape(small):
    out = json.loads(evaluate_json(FIXTURE.read_text(encoding="utf-8"), "v1.AABBCCD.emmen", None, "2026-11-22"))
    for key in ("code", "phase", "between", "reasoning", "answers", "priorities", "action", "subsidies", "routes",
                "recommendations", "caveat", "gemeente", "date", "svg"):
        assert key in out, key
    assert out["code"] == "v1.AABBCCD.emmen"
    assert out["phase"] == {"slug": "starten", "name": "Starten"}
    assert out["between"] == {"slug": "funderen", "name": "Funderen"}
    assert out["routes"] == [{"text": "IBDO / adviseur digitalisering",
                              "partners": [{"id": "ibdo", "name": "Ik Ben Drents Ondernemer (IBDO)", "url": "partners/ibdo/"}]}]
    assert set(out["svg"]) == {"ladder", "answers"}
    assert [set(r) for r in out["recommendations"]][0] >= {"kind", "id", "name", "url", "why", "status", "target_group"}


def test_daarna_is_the_first_next_step_the_firm_may_use(small):
    """The chain under an offer skips a closed next step and one the firm's gemeente may not use."""
    def next_of(answers, gemeente, ident):
        rec = next(r for r in evaluate(small, answers, gemeente, TODAY).recommendations if r.id == ident)
        return rec.next["id"] if rec.next else None
    assert next_of("AAAAAAA", "assen", "adviesvoucher-mkb-drenthe") == "subsidie-digitale-en-ai-gereedheid"
    assert next_of("AAAAAAA", "emmen", "emmen-lokaal") is None  # its next is only for Hardenberg


def test_events_that_fit_are_in_the_gemeente_or_online_near_the_phase_and_still_to_come(small):
    """Oriënteren in Emmen: Emmen's own evening fits; Assen's (another gemeente) and the online
    webinar of the subsidy (funderen, two treden up) do not. Soonest first; a past event never."""
    ids = lambda answers, gemeente, today=TODAY: [e["id"] for e in evaluate(small, answers, gemeente, today).events]  # noqa: E731
    assert ids("AAAAAAA", "emmen") == ["emmen-avond"]
    assert ids("AAAAAAA", "assen") == ["assen-avond"]
    assert ids("CCCCCCC", "assen") == ["assen-avond", "online-webinar"]  # funderen: starten is near, and the subsidy
    assert ids("FFFFFFF", None) == ["hoog-online"]               # transformeren: only MIT is near
    assert ids("AAAAAAA", "assen", date(2027, 1, 16)) == []       # Assen's evening has passed by then
    assert "voorbij" not in ids("AAAAAAA", None)
