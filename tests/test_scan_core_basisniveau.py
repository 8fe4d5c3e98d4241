"""The basisniveau digitale veiligheid in the scan: the definition comes from the data
(data/monitor/settings.yaml via the scan data), the result says whether the firm meets it, and the
mail text and the gesprekskaart say it, with the one sentence about the region's register."""
from __future__ import annotations

import copy
import json
from pathlib import Path

from repo_paths import TODAY
from scan_core import evaluate, evaluate_json
from scan_core.cli import main

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "scan_data_small.json"


def test_scan_data_carries_the_definition_from_the_settings(scan_data, dataset):
    settings = dataset.monitor.settings.basisniveau
    assert scan_data["basisniveau"] == {"question": "security", "letters": settings.letters,
                                        "provisional": settings.provisional, "text": settings.text}


def test_security_answer_decides_and_the_summary_says_it(scan_data):
    meets = evaluate(scan_data, "AAAACAA", None, TODAY)  # question 5 (security) = C
    assert meets.basisniveau["meets"] is True
    assert "Basisniveau digitale veiligheid (voorlopig): ja" in meets.summary
    misses = evaluate(scan_data, "FFFFBFF", None, TODAY)  # everything high but security B
    assert misses.basisniveau["meets"] is False
    assert "Basisniveau digitale veiligheid (voorlopig): nog niet" in misses.summary
    assert "jij koos B" in misses.summary


def test_the_definition_in_the_data_decides_not_the_code(scan_data):
    stricter = copy.deepcopy(scan_data)
    stricter["basisniveau"]["letters"] = ["E", "F"]
    stricter["basisniveau"]["provisional"] = False
    result = evaluate(stricter, "AAAACAA", None, TODAY)
    assert result.basisniveau["meets"] is False
    assert "Basisniveau digitale veiligheid: nog niet. Daarvoor telt antwoord E of F" in result.summary


def test_register_sentence_is_in_the_mail_text_once():
    small = json.loads(FIXTURE.read_text(encoding="utf-8"))
    out = json.loads(evaluate_json(json.dumps(small), "CCCCCCC", None, TODAY.isoformat()))
    sentence = out["handoff"]["register"]
    assert "register van de regio" in sentence and "je antwoorden" in sentence and "alleen aantallen" in sentence
    assert out["summary"].count(sentence) == 1


def test_without_a_definition_there_is_no_basisniveau_line():
    small = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert small["basisniveau"] is None  # the fixture: no definition set
    result = evaluate(small, "CCCCCCC", None, TODAY)
    assert result.basisniveau is None and "Basisniveau" not in result.summary


def test_card_text_says_it(tmp_path, capsys, scan_data_json):
    data = tmp_path / "scan-data.json"
    data.write_text(scan_data_json, encoding="utf-8")
    assert main(["FFFFBFF", "--card", "--data", str(data), "--date", TODAY.isoformat()]) == 0
    card = capsys.readouterr().out
    assert "Basisniveau digitale veiligheid (voorlopig): nog niet" in card
    assert "register van de regio" in card
