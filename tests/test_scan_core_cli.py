"""`python -m scan_core` for advisers: readable Dutch, JSON on request, Dutch errors, exit 2."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from repo_paths import ROOT, TODAY


@pytest.fixture(scope="session")
def data_file(tmp_path_factory) -> Path:
    from sitegen.scan.scan_data import build_scan_data, dumps
    path = tmp_path_factory.mktemp("scan") / "scan-data.json"
    path.write_text(dumps(build_scan_data(ROOT / "data", TODAY)), encoding="utf-8")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scan_core", *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_text_output_is_readable_dutch(data_file):
    proc = run("CCDDBAE", "--gemeente", "emmen", "--date", TODAY.isoformat(), "--data", str(data_file))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Fase: Funderen" in out
    assert "Code: v1.CCDDBAE.emmen (gemeente Emmen)" in out
    assert "volgende stap:" in out and "Aanbevolen:" in out and "Waarom:" in out
    assert "Digitale weerbaarheid hoort bij iedere trede" in out  # security B: the priority note
    assert "{" not in out  # text, not JSON


def test_json_output_uses_the_ladder_slug(data_file):
    proc = run("AACCDDE", "--json", "--date", TODAY.isoformat(), "--data", str(data_file))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["phase"] == {"slug": "funderen", "name": "Funderen"}
    assert out["between"]["slug"] == "optimaliseren"
    assert out["date"] == TODAY.isoformat() and out["gemeente"] is None


def test_code_input_brings_its_gemeente(data_file):
    proc = run("v1.CCDDBAE.emmen", "--json", "--date", TODAY.isoformat(), "--data", str(data_file))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["code"] == "v1.CCDDBAE.emmen" and out["gemeente"]["slug"] == "emmen"


def test_cli_and_evaluate_json_agree(data_file):
    from scan_core import evaluate_json
    proc = run("v1.CCDDBAE.emmen", "--json", "--date", TODAY.isoformat(), "--data", str(data_file))
    expected = evaluate_json(data_file.read_text(encoding="utf-8"), "v1.CCDDBAE.emmen", None, TODAY.isoformat())
    assert proc.stdout.strip() == expected


@pytest.mark.parametrize("args, words", [
    (["CCDDBA"], "7 antwoorden nodig"),
    (["CCDDBAG"], "hoort daar niet bij"),
    (["v2.CCDDBAE"], "versie"),
    (["v1.CCDDBAE.atlantis"], "onbekend"),
    (["CCDDBAE", "--gemeente", "atlantis"], "onbekend"),
    (["CCDDBAE", "--date", "22-11-2026"], "geen datum"),
    (["CCDDBAE", "--onzin"], "Fout in de opdracht"),
    ([], "Fout in de opdracht"),
])
def test_bad_input_exits_2_with_a_dutch_message(data_file, args, words):
    proc = run(*args, "--data", str(data_file))
    assert proc.returncode == 2
    assert words in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout == ""


def test_missing_data_file_points_to_make_site(tmp_path):
    proc = run("CCDDBAE", "--data", str(tmp_path / "nergens.json"))
    assert proc.returncode == 2
    assert "make site" in proc.stderr and "scangegevens" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unreadable_data_file_is_named(tmp_path):
    bad = tmp_path / "scan-data.json"
    bad.write_text("{kapot", encoding="utf-8")
    proc = run("CCDDBAE", "--data", str(bad))
    assert proc.returncode == 2 and "geen leesbaar JSON-bestand" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("content", ["{}", "[]", '{"gemeenten": []}'])
def test_incomplete_data_file_is_named_without_a_traceback(tmp_path, content):
    bad = tmp_path / "scan-data.json"
    bad.write_text(content, encoding="utf-8")
    for answers in ("CCDDBAE", "v1.CCDDBAE"):
        proc = run(answers, "--data", str(bad))
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "scangegevens" in proc.stderr.lower()
