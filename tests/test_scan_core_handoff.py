"""From a result to a conversation: contacts from the data only, the plain-text summary, the
gesprekskaart and the comparison with an earlier result (CLI and library)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from repo_paths import TODAY
from scan_core import compare, compare_json, evaluate, evaluate_json
from scan_core.cli import main
from scan_core.errors import ScanInputError
from scan_core.handoff import dutch_date

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "scan_data_small.json"


@pytest.fixture(scope="module")
def small() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_contacts_are_the_route_partner_then_the_intake_then_the_gemeente(small):
    funderen = evaluate(small, "CCCCCCC", "emmen", TODAY).handoff["contacts"]
    assert [(c["role"], c["id"]) for c in funderen] == [("route", "it-hub-drenthe"), ("intake", "ibdo"),
                                                       ("gemeente", "gemeente-emmen")]
    assert funderen[0]["email"] is None and funderen[0]["url"] == "partners/it-hub-drenthe/"
    assert funderen[1]["email"] == "intake@example.org"
    assert funderen[2]["page"] == "https://example.org/ondernemersloket" and funderen[2]["url"] is None
    # the IBDO route and the intake are one contact, and a gemeente without a contact adds none
    orienteren = evaluate(small, "AAAAAAA", "assen", TODAY).handoff["contacts"]
    assert [(c["role"], c["id"]) for c in orienteren] == [("route", "ibdo")]


def test_no_input_can_bring_an_address_in(small):
    """Only the scan data names addresses; a gemeente slug or a code cannot carry one."""
    for bad in ("v1.CCCCCCC.x@evil.example", "v1.CCCCCCC.mailto:x"):
        assert "error" in json.loads(evaluate_json(json.dumps(small), bad, None, TODAY.isoformat()))
    out = json.loads(evaluate_json(json.dumps(small), "v1.CCCCCCC.emmen", None, TODAY.isoformat()))
    addresses = {c["email"] for c in out["handoff"]["contacts"]} - {None}
    assert addresses == {"intake@example.org"}


def test_summary_has_phase_answers_priorities_and_three_offers(small):
    result = evaluate(small, "AAAAAAA", "emmen", TODAY)
    text = result.summary
    assert text.startswith("Fase: Oriënteren (Eerste inzicht)")
    assert "Eén concrete actie: Breng je situatie in kaart" in text
    assert "Gemeente: Emmen" in text
    for a in result.answers:
        assert f"{a.number}. {a.title}: A. {a.answer}" in text
    assert "Eerst aandacht voor: Digitale tools, systemen en online kanalen, Data & sturing" in text
    offers = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(offers) == 3
    assert offers[0] == f"- {result.recommendations[0].name} (Advies, Open, Ik Ben Drents Ondernemer (IBDO))"
    assert "sluit 31 december 2026" in evaluate(small, "AAAAAAA", None, TODAY).summary  # the voucher's open_until
    assert f"Code: v1.AAAAAAA.emmen (uitkomst van {dutch_date(TODAY.isoformat())})" in text
    assert result.handoff["subject"] == "Mijn uitkomst van de digitale zelfscan: fase Oriënteren"


def test_the_result_carries_the_marker_of_this_scan(small):
    out = json.loads(evaluate_json(json.dumps(small), "CCCCCCC", None, TODAY.isoformat()))
    assert out["marker"] == "drenthe-digitaal-zelfscan-uitkomst"


def test_compare_per_question_and_phase(small):
    c = compare(small, "v1.AABBAAB", "2026-05-01", "v1.CCBCDCC", TODAY)
    assert [q["change"] for q in c["questions"]] == ["hoger", "hoger", "hetzelfde", "hoger", "hoger", "hoger", "hoger"]
    assert (c["then"]["phase"]["name"], c["now"]["phase"]["name"]) == ("Oriënteren", "Funderen")
    assert c["phase_text"] == "Je fase is nu hoger: op 1 mei 2026 Oriënteren, nu Funderen."
    assert c["counts_text"] == "Hoger: 6 vragen. Lager: 0. Hetzelfde: 1."
    assert c["svg"].startswith("<svg") and "toen A" in c["svg"]
    lower = compare(small, "v1.FFFFFFF", None, "v1.CCCCCCC", TODAY)
    assert lower["then"]["label"] == "De eerdere uitkomst" and lower["then"]["date"] is None
    assert lower["phase_text"] == "Je fase is nu lager: eerder Transformeren, nu Funderen."
    same = compare(small, "v1.CCCCCCC.emmen", "2026-11-23", "v1.CCCCCCC", TODAY)
    assert same["phase_text"] == "Je fase is hetzelfde gebleven: Funderen."


@pytest.mark.parametrize("earlier, when, message", [
    ("v2.CCCCCCC", None, "versie 'v2'"),
    ("v1.CCCC", None, "Er zijn 7 antwoorden nodig"),
    ("niets", None, "geen geldige code"),
    ("v1.CCCCCCC", "2027-01-01", "ligt in de toekomst"),
    ("v1.CCCCCCC", "gisteren", "geen datum"),
])
def test_compare_refuses_bad_earlier_results_in_dutch(small, earlier, when, message):
    with pytest.raises(ScanInputError, match=message):
        compare(small, earlier, when, "v1.CCCCCCC", TODAY)
    out = json.loads(compare_json(json.dumps(small), earlier, when, "v1.CCCCCCC", TODAY.isoformat()))
    assert message in out["error"]


def test_cli_card_and_compare(tmp_path, capsys):
    data = tmp_path / "scan-data.json"
    data.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["CCCCCCC", "--card", "--date", TODAY.isoformat(), "--data", str(data), "--gemeente", "emmen"]) == 0
    card = capsys.readouterr().out
    assert card.startswith("GESPREKSKAART")
    assert "Fase: Funderen" in card and "Notities:" in card
    assert "Ik Ben Drents Ondernemer (IBDO): intake@example.org" in card
    assert "IT Hub Drenthe: geen openbaar contact gevonden" in card
    assert len(card.splitlines()) <= 60, "the card fits one A4 page as text"
    assert main(["CCBCDCC", "--compare", "AABBAAB", "--date", TODAY.isoformat(), "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "3. Processen: B -> B (hetzelfde)" in out and "nu Funderen" in out
    assert main(["CCBCDCC", "--compare", "v1.AABBAAB", "--earlier-date", "2030-01-01", "--date", TODAY.isoformat(),
                 "--data", str(data)]) == 2
    assert "ligt in de toekomst" in capsys.readouterr().err


def test_a_gemeentes_general_number_is_labelled_as_such_not_as_the_loket(small):
    """regions.yaml `kind: algemeen`: the general municipal route, not the ondernemersloket itself."""
    data = json.loads(json.dumps(small))
    emmen = next(g for g in data["gemeenten"] if g["slug"] == "emmen")
    emmen["contact"] = {"email": None, "phone": "14 0591", "page": None, "kind": "algemeen"}
    contact = evaluate(data, "CCCCCCC", "emmen", TODAY).handoff["contacts"][-1]
    assert contact["role"] == "gemeente" and contact["phone"] == "14 0591"
    assert contact["name"] == "Gemeente Emmen"
    assert contact["note"] == "algemeen nummer van de gemeente; vraag naar het ondernemersloket"
    # a gemeente whose contact is its ondernemersloket keeps the loket's name and gets no note
    loket = evaluate(small, "CCCCCCC", "emmen", TODAY).handoff["contacts"][-1]
    assert loket["name"] == "Ondernemersloket gemeente Emmen" and loket["note"] is None


def test_the_card_names_every_route_and_never_says_no_address_where_one_exists(small, tmp_path, capsys):
    data = json.loads(json.dumps(small))
    hub = next(p for p in data["partners"] if p["id"] == "it-hub-drenthe")
    hub["contact"] = {"email": None, "phone": "+31 528 000000", "page": "https://example.org/ithub", "kind": None}
    path = tmp_path / "scan-data.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["CCCCCCC", "--card", "--date", TODAY.isoformat(), "--data", str(path)]) == 0
    card = capsys.readouterr().out
    assert "IT Hub Drenthe: +31 528 000000, https://example.org/ithub" in card
    assert "geen e-mailadres bekend" not in card


def test_a_partners_general_number_gets_its_own_note_not_the_gemeente_one(small):
    data = json.loads(json.dumps(small))
    hub = next(p for p in data["partners"] if p["id"] == "it-hub-drenthe")
    hub["contact"] = {"email": None, "phone": "0592 000000", "page": None, "kind": "algemeen"}
    route = evaluate(data, "CCCCCCC", None, TODAY).handoff["contacts"][0]
    assert route["id"] == "it-hub-drenthe" and route["note"] == "algemeen nummer; vraag naar wie over dit aanbod gaat"
