"""Answer codes (v1.CCDDBAE, v1.CCDDBAE.emmen): exact round trips, and a Dutch message for
everything else. evaluate_json, the browser's entry point, answers {"error": ...} and never raises."""
from __future__ import annotations

import copy
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from repo_paths import TODAY
from scan_core import ScanInputError, decode_code, encode_code, evaluate_json, parse_answers

GEMEENTEN = ["aa-en-hunze", "assen", "borger-odoorn", "coevorden", "de-wolden", "emmen", "hoogeveen",
             "meppel", "midden-drenthe", "noordenveld", "tynaarlo", "westerveld", "hardenberg"]
KNOWN = set(GEMEENTEN)
# Words only Dutch messages use; every message names what is wrong in one of them.
DUTCH = re.compile(r"\b(geen|moet|moeten|heeft|hoort|onbekend|kent|nodig|zoals|gebruik)\b")




def test_gemeenten_in_the_data_are_the_known_ones(scan_data):
    assert {g["slug"] for g in scan_data["gemeenten"]} == KNOWN


@settings(max_examples=300, deadline=None)
@given(answers=st.text(alphabet="ABCDEF", min_size=7, max_size=7), gemeente=st.sampled_from(GEMEENTEN + [None]))
def test_round_trip(answers, gemeente):
    code = encode_code(answers, gemeente)
    assert code == f"v1.{answers}" + (f".{gemeente}" if gemeente else "")
    assert decode_code(code, KNOWN) == (answers, gemeente)


@pytest.mark.parametrize("gemeente", GEMEENTEN)
def test_code_with_each_gemeente_gives_that_gemeente(scan_data_json, gemeente):
    out = json.loads(evaluate_json(scan_data_json, f"v1.CCDDBAE.{gemeente}", None, TODAY.isoformat()))
    assert out["code"] == f"v1.CCDDBAE.{gemeente}"
    assert out["gemeente"]["slug"] == gemeente


BAD_CODES = {
    "too short": "v1.CCDDBA",
    "too long": "v1.CCDDBAEE",
    "unknown letter": "v1.CCDDBAG",
    "digit": "v1.CCDDBA1",
    "lowercase": "v1.ccddbae",
    "lowercase version": "V1.CCDDBAE",
    "unknown version": "v2.CCDDBAE",
    "no version": ".CCDDBAE",
    "unknown gemeente": "v1.CCDDBAE.atlantis",
    "gemeente in capitals": "v1.CCDDBAE.Emmen",
    "empty gemeente": "v1.CCDDBAE.",
    "empty": "",
    "only version": "v1",
    "extra dots": "v1.CCDDBAE.emmen.extra",
    "double dot": "v1..CCDDBAE",
    "spaces": "v1. CCDDBAE",
    "10 kB junk": "v1." + "ÿ<script>" * 1024,
    "10 kB letters": "A" * 10240,
    "non-string None": None,
    "non-string int": 123,
    "non-string list": ["v1", "CCDDBAE"],
}


@pytest.mark.parametrize("code", list(BAD_CODES.values()), ids=list(BAD_CODES))
def test_bad_code_raises_a_dutch_value_error(code):
    with pytest.raises(ScanInputError) as info:
        decode_code(code, KNOWN)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert DUTCH.search(message), message
    assert len(message) < 300  # never echoes 10 kB back


@pytest.mark.parametrize("code", list(BAD_CODES.values()), ids=list(BAD_CODES))
def test_evaluate_json_answers_a_bad_code_with_an_error(scan_data_json, code):
    out = json.loads(evaluate_json(scan_data_json, code, None, TODAY.isoformat()))
    assert list(out) == ["error"]
    assert DUTCH.search(out["error"]) and len(out["error"]) < 300


@pytest.mark.parametrize("answers", ["CCDDBA", "CCDDBAEE", "ccddbae", "CCDDBAG", "", " CCDDBAE", None, 1234567])
def test_bad_answers_raise_a_dutch_value_error(answers):
    with pytest.raises(ScanInputError, match=DUTCH):
        parse_answers(answers)


@pytest.mark.parametrize("gemeente", ["atlantis", "Emmen", "groningen", 123, ["emmen"]])
def test_unknown_gemeente_is_named_as_the_problem(scan_data_json, gemeente):
    out = json.loads(evaluate_json(scan_data_json, "CCDDBAE", gemeente, TODAY.isoformat()))
    assert list(out) == ["error"]
    assert "gemeente" in out["error"].lower()
    assert "emmen" in out["error"]  # the message lists the gemeenten to choose from


@pytest.mark.parametrize("today", ["2026-13-01", "22-11-2026", "", None, 20261122, "x" * 5000])
def test_bad_date_is_an_error(scan_data_json, today):
    out = json.loads(evaluate_json(scan_data_json, "CCDDBAE", None, today))
    assert list(out) == ["error"]
    assert "datum" in out["error"] and len(out["error"]) < 300


def _broken(scan_data: dict, how: str) -> str:
    from sitegen.scan.scan_data import dumps
    data = copy.deepcopy(scan_data)
    if how == "fewer options":
        for q in data["ladder"]["questions"]:
            q["options"] = q["options"][:2]
    elif how == "fewer steps":
        data["ladder"]["steps"] = data["ladder"]["steps"][:3]
    elif how == "instrument not an object":
        data["instruments"][0] = None
    elif how == "bad date in data":
        for item in data["instruments"]:
            item["open_until"] = "morgen"
    elif how == "no ladder":
        del data["ladder"]
    elif how == "gemeenten not a list":
        data["gemeenten"] = "assen"
    return dumps(data)


BROKEN_DATA = ["fewer options", "fewer steps", "instrument not an object", "bad date in data", "no ladder",
               "gemeenten not a list"]


@pytest.mark.parametrize("how", BROKEN_DATA)
def test_broken_scan_data_is_an_error_not_a_crash(scan_data, how):
    for answers in ("FFFFFFF", "v1.FFFFFFF.emmen"):  # F: the last option and the last step
        out = json.loads(evaluate_json(_broken(scan_data, how), answers, None, TODAY.isoformat()))
        assert list(out) == ["error"], how
        assert "scangegevens" in out["error"]


@pytest.mark.parametrize("text", ["", "{", "null", "[]", "{}", "42", '"tekst"', "[" * 100_000, "\x00" * 100])
def test_unreadable_scan_data_json_is_an_error_not_a_crash(text):
    out = json.loads(evaluate_json(text, "CCDDBAE", None, TODAY.isoformat()))
    assert list(out) == ["error"]
    assert "scangegevens" in out["error"]
