"""The scan data JSON that the browser loads: complete, derived from the YAML, honest about regions."""
from __future__ import annotations

import json

from repo_paths import TODAY
from sitegen.scan.scan_data import dumps, scan_data_from
from sitegen.scan.wheel import build_wheel


def test_scan_data_holds_the_seed_scan(dataset):
    data = scan_data_from(dataset, TODAY)
    ladder = data["ladder"]
    assert [s["slug"] for s in ladder["steps"]] == ["orienteren", "starten", "funderen", "optimaliseren", "innoveren", "transformeren"]
    assert len(ladder["questions"]) == 7 and all(len(q["options"]) == 6 for q in ladder["questions"])
    assert "sources" not in ladder
    assert data["built"] == TODAY.isoformat()


def test_drenthe_wide_instruments_do_not_reach_hardenberg(dataset):
    data = scan_data_from(dataset, TODAY)
    subsidy = next(i for i in data["instruments"] if i["id"] == "adviesvoucher-mkb-drenthe")
    assert "emmen" in subsidy["gemeenten"] and "hardenberg" not in subsidy["gemeenten"]
    assert len(subsidy["gemeenten"]) == 12 and subsidy["local"] is False
    intake = next(i for i in data["instruments"] if i["id"] == "ibdo-intake")
    assert "hardenberg" in intake["gemeenten"]


def test_scan_data_is_stable_json(dataset):
    a = dumps(scan_data_from(dataset, TODAY))
    assert a == dumps(scan_data_from(dataset, TODAY))
    assert json.loads(a)["version"] == 1


def test_wheel_is_small_pure_python_and_reproducible(tmp_path):
    import zipfile
    first = build_wheel(tmp_path / "a")
    second = build_wheel(tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
    assert first.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(first).namelist()
    assert "scan_core/__init__.py" in names
    assert all(n.startswith("scan_core") for n in names)
    assert not any(n.endswith((".so", ".pyd", ".pyc")) for n in names)
