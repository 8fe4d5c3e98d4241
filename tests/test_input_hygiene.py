"""Input from editors and advisers: ASCII digits only, control characters never echoed, codes
checked before they are normalised."""
from __future__ import annotations

import subprocess
import sys

import pytest

from repo_paths import ROOT
from scan_core.answers import decode_code, parse_answers
from scan_core.errors import ScanInputError
from sitegen.data.annotations import github_annotation
from test_data_errors import PARTNER, append_entry, assert_error, errors_for, line_of
from test_scan_core_cli import data_file, run  # noqa: F401  (data_file is a fixture)

ESC, RLO = "\x1b", "\u202e"


@pytest.mark.parametrize("field, value", [
    ("kvk", '"١٢٣٤٥٦٧٨"'),        # Arabic-Indic digits
    ("kvk", '"１２３４５６７８"'),  # full-width digits
])
def test_kvk_takes_ascii_digits_only(data_copy, field, value):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, extra_lines=[f"{field}: {value}"])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, f"{field}:", first), "kvk")


def test_source_lines_take_ascii_digits_only(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={'lines: "1-22"': 'lines: "١-٥"'})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "lines:", first), "geen regelnummer")


def test_a_control_character_in_the_data_is_shown_escaped(data_copy):
    # YAML's "\e" is the escape character: a value could colour or clear an editor's terminal.
    path, first = append_entry(data_copy, "partners.yaml", PARTNER,
                               extra_lines=['website: "http://x\\e[2J\\u202e.example"'])
    errors = errors_for(data_copy)
    # Named by code and Unicode name (issue 26), never repeated raw.
    assert_error(errors, "partners.yaml", line_of(path, "website:", first), "U+001B", "U+202E (RIGHT-TO-LEFT OVERRIDE)")
    assert not any("Invalid" in e for e in errors), errors  # a stray [ gave Python's English before
    report = "\n".join(errors)
    assert ESC not in report and RLO not in report


def test_github_annotations_carry_no_control_characters(data_copy):
    append_entry(data_copy, "partners.yaml", PARTNER, replace={"kind: hub": 'kind: "hub\\e[31m"'})
    from sitegen.data.dataset import load_dataset
    from sitegen.errors import DataErrors
    from repo_paths import SEEDS, TODAY
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_copy, TODAY, SEEDS)
    lines = [github_annotation(e) for e in caught.value.errors]
    assert lines and not any(ESC in line for line in lines)


@pytest.mark.parametrize("bad", [f"CC{ESC}[2JBAE", f"CCDDBA{RLO}", f"v1.CCDDBAE.em{ESC}men", f"v{ESC}.CCDDBAE"])
def test_scan_core_messages_escape_control_characters(bad):
    with pytest.raises(ScanInputError) as caught:
        if bad.startswith("v"):
            decode_code(bad, {"emmen"})
        else:
            parse_answers(bad)
    message = str(caught.value)
    assert ESC not in message and RLO not in message
    assert "\\x1b" in message or "\\u202e" in message


def test_cli_never_echoes_a_control_character(data_file):  # noqa: F811
    for args in ([f"CCDDBA{ESC}]0;gehackt\a"], ["CCDDBAE", "--date", f"2026{ESC}[2J"],
                 ["CCDDBAE", "--gemeente", f"emmen{RLO}"]):
        proc = run(*args, "--data", str(data_file))
        assert proc.returncode == 2, proc.stderr
        assert ESC not in proc.stderr and RLO not in proc.stderr and "\a" not in proc.stderr, proc.stderr
        assert "\\x1b" in proc.stderr or "\\u202e" in proc.stderr


def test_cli_checks_the_answers_before_changing_their_case(data_file):  # noqa: F811
    # ﬀ (U+FB00) upper-cases to "FF": six characters must not become seven answers.
    proc = run("\ufb00CDDBA", "--data", str(data_file))
    assert proc.returncode == 2
    assert "7 antwoorden nodig" in proc.stderr and "heeft er 6" in proc.stderr
    ok = run("ccddbae", "--data", str(data_file), "--date", "2026-11-23")
    assert ok.returncode == 0, ok.stderr  # plain lower case still works


def test_cli_compare_checks_the_earlier_answers_before_changing_their_case(data_file):  # noqa: F811
    proc = run("CCDDBAE", "--compare", "\ufb00CDDBA", "--date", "2026-11-23", "--data", str(data_file))
    assert proc.returncode == 2 and "heeft er 6" in proc.stderr, proc.stderr
