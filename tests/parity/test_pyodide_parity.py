"""Parity: scan_core in Pyodide (the browser) gives byte-identical results to CPython.

One Node process loads the self-hosted Pyodide from node_modules/pyodide with the runtime.zip the
build ships (bytecode of the stdlib modules in use and of scan_core; so this also proves the zip
misses no module any of these paths needs) and runs evaluate_json over every distinct answer multiset (792), 1,000 seeded random
answer orders, gemeenten, dates and codes, and a set of bad inputs; CPython runs the same cases.
"""
from __future__ import annotations

import copy
import itertools
import json
import random
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from repo_paths import ROOT, TODAY

PYODIDE = ROOT / "node_modules" / "pyodide" / "pyodide.mjs"
HARNESS = ROOT / "tests" / "parity" / "run_pyodide.mjs"
LETTERS = "ABCDEF"

pytestmark = [
    pytest.mark.pyodide,
    pytest.mark.skipif(not PYODIDE.exists(), reason="node_modules/pyodide ontbreekt (draai npm ci)"),
]


def _varied(data: dict) -> dict:
    """Dates around TODAY on many offers, so closing, expiry and 'Opent op' labels occur."""
    data = copy.deepcopy(data)
    for n, item in enumerate(data["instruments"]):
        shift = timedelta(days=(n * 37) % 900 - 450)
        if n % 4 == 0:
            item["open_until"] = (TODAY + shift).isoformat()
        elif n % 4 == 1:
            item["open_from"] = (TODAY + shift).isoformat()
        elif n % 4 == 2:
            item["status"] = "gesloten"
    return data


def _cases(gemeenten: list[str]) -> list[dict]:
    rng = random.Random(20261122)
    choices = gemeenten + [None]
    cases = []
    for n, combo in enumerate(itertools.combinations_with_replacement(LETTERS, 7)):
        cases.append({"answers_or_code": "".join(combo), "gemeente": choices[n % len(choices)],
                      "today": TODAY.isoformat(), "data": 0})
    assert len(cases) == 792
    for n in range(1000):
        answers = "".join(rng.choice(LETTERS) for _ in range(7))
        gemeente = rng.choice(choices)
        today = (date(2020, 1, 1) + timedelta(days=rng.randrange(365 * 12))).isoformat()
        if n % 5 == 0:  # as a code, with its gemeente inside
            case = {"answers_or_code": f"v1.{answers}" + (f".{gemeente}" if gemeente else ""), "gemeente": None}
        else:
            case = {"answers_or_code": answers, "gemeente": gemeente}
        cases.append({**case, "today": today, "data": n % 2})
    for bad in ["", "CCDDBA", "ccddbae", "v2.CCDDBAE", "v1.CCDDBAE.atlantis", "v1.CCDDBAE.emmen.x",
                "x" * 10240, "v1." + "ÿ" * 200, "CCDDBAé"]:
        cases.append({"answers_or_code": bad, "gemeente": None, "today": TODAY.isoformat(), "data": 0})
    for gemeente in ["Emmen", "atlantis"]:
        cases.append({"answers_or_code": "CCDDBAE", "gemeente": gemeente, "today": TODAY.isoformat(), "data": 0})
    for today in ["2026-13-01", "", "22-11-2026"]:
        cases.append({"answers_or_code": "CCDDBAE", "gemeente": None, "today": today, "data": 0})
    cases.append({"answers_or_code": "CCDDBAE", "gemeente": None, "today": TODAY.isoformat(), "data": 2})
    return cases


def test_pyodide_gives_byte_identical_results(tmp_path):
    from scan_core import evaluate_json
    from sitegen.scan.scan_data import build_scan_data, dumps
    from sitegen.scan.pyodide_assets import build_runtime_zip
    from sitegen.scan.wheel import build_wheel

    node = shutil.which("node")
    assert node, "node ontbreekt"
    data = build_scan_data(ROOT / "data", TODAY)
    texts = [dumps(data), dumps(_varied(data)), '{"kapot": true}']
    paths = []
    for n, text in enumerate(texts):
        path = tmp_path / f"scan-data-{n}.json"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    cases = _cases([g["slug"] for g in data["gemeenten"]])
    (tmp_path / "cases.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    # The very zip the site ships: built from the wheel, on the real data, cached like the build.
    runtime = tmp_path / "runtime.zip"
    build_runtime_zip(ROOT / "node_modules", build_wheel(tmp_path / "wheel"), Path(paths[0]), runtime,
                      cache_dir=ROOT / "build" / "pyodide-runtime")

    proc = subprocess.run([node, str(HARNESS), str(runtime), paths[0], str(tmp_path / "cases.json"),
                           str(tmp_path / "out.json"), *paths[1:]],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(got) == len(cases)

    expected = [evaluate_json(texts[c["data"]], c["answers_or_code"], c["gemeente"], c["today"]) for c in cases]
    mismatches = [(c, e, g) for c, e, g in zip(cases, expected, got) if e != g]
    if mismatches:
        case, e, g = mismatches[0]
        at = next((i for i, (x, y) in enumerate(zip(e, g)) if x != y), min(len(e), len(g)))
        pytest.fail(f"{len(mismatches)} of {len(cases)} results differ; first: {case}\n"
                    f"CPython: …{e[max(0, at - 80):at + 80]}\nPyodide: …{g[max(0, at - 80):at + 80]}")
    # the cases really cover what users see: every phase, errors, closed offers, 'Opent op'
    results = [json.loads(e) for e in expected]
    assert {r["phase"]["slug"] for r in results if "phase" in r} == {s["slug"] for s in data["ladder"]["steps"]}
    assert sum("error" in r for r in results) >= 15
    labels = {rec["status_label"] for r in results if "recommendations" in r for rec in r["recommendations"]}
    assert any(label.startswith("Opent op") for label in labels)
    print(proc.stderr.strip())
