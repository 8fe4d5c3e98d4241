"""scan_core's wheel comes from its PEP 517 backend and is the same bytes for the same source.

runtime.zip's cache is keyed on the wheel's bytes: a wheel that changed from one checkout to the
next would cost every build about 70 s."""
from __future__ import annotations

import os
import re
import shutil
import tomllib
import zipfile

import pytest

from repo_paths import ROOT
from sitegen.errors import ScanAssetsError
from sitegen.scan.wheel import build_wheel


def test_the_same_source_in_another_checkout_gives_the_same_bytes(tmp_path):
    """Another folder, other file times (as a fresh git clone has), another build: same bytes."""
    other = tmp_path / "elsewhere" / "scan_core"
    shutil.copytree(ROOT / "scan_core", other, ignore=shutil.ignore_patterns("__pycache__"))
    for n, path in enumerate(sorted(other.iterdir())):
        os.utime(path, (1_900_000_000 + n, 1_900_000_000 + n))
    here = build_wheel(tmp_path / "a")
    there = build_wheel(tmp_path / "b", package_dir=other)
    assert here.name == there.name == f"scan_core-{version()}-py3-none-any.whl"
    assert here.read_bytes() == there.read_bytes()


def version() -> str:
    return re.search(r'__version__ = "([^"]+)"', (ROOT / "scan_core" / "__init__.py").read_text()).group(1)


def test_the_wheel_holds_scan_core_and_its_metadata_only(tmp_path):
    wheel = zipfile.ZipFile(build_wheel(tmp_path))
    sources = sorted(p.name for p in (ROOT / "scan_core").glob("*.py"))
    assert sorted(n.removeprefix("scan_core/") for n in wheel.namelist() if n.startswith("scan_core/")) == sources
    dist_info = {n.split("/", 1)[1] for n in wheel.namelist() if ".dist-info/" in n}
    assert dist_info == {"METADATA", "WHEEL", "RECORD"}
    assert "Requires-Dist" not in wheel.read(f"scan_core-{version()}.dist-info/METADATA").decode()  # stdlib only


def test_the_backend_is_the_locked_one():
    """No build isolation: the backend scan_core/pyproject.toml asks for is the one in the lock."""
    wanted = tomllib.loads((ROOT / "scan_core" / "pyproject.toml").read_text())["build-system"]["requires"]
    locked = set(re.findall(r"^([a-z0-9_.-]+==[^\s;]+)", (ROOT / "requirements.lock").read_text(), re.M))
    assert wanted and set(wanted) <= locked


def test_a_missing_build_config_is_a_dutch_message(tmp_path):
    package = tmp_path / "scan_core"
    shutil.copytree(ROOT / "scan_core", package, ignore=shutil.ignore_patterns("__pycache__", "pyproject.toml"))
    with pytest.raises(ScanAssetsError, match="pyproject.toml ontbreekt"):
        build_wheel(tmp_path / "out", package_dir=package)
