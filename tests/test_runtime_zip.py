"""runtime.zip: what the browser's Python loads instead of Pyodide's python_stdlib.zip.

The parity test (tests/parity) proves it computes the same as CPython on 1,807 cases; these tests
cover what a maintainer meets when building it."""
from __future__ import annotations

import zipfile

import pytest

from repo_paths import ROOT
from sitegen.scan import pyodide_assets
from sitegen.errors import ScanAssetsError
from sitegen.scan.pyodide_assets import build_runtime_zip
from sitegen.scan.wheel import build_wheel

NODE_MODULES = ROOT / "node_modules"
pytestmark = pytest.mark.skipif(not (NODE_MODULES / "pyodide" / "python_stdlib.zip").exists(),
                                reason="node_modules/pyodide ontbreekt (draai npm ci)")


@pytest.fixture(scope="module")
def built(tmp_path_factory, scan_data_json):
    tmp = tmp_path_factory.mktemp("runtime")
    data = tmp / "scan-data.json"
    data.write_text(scan_data_json, encoding="utf-8")
    wheel = build_wheel(tmp / "wheel")
    out = tmp / "runtime.zip"
    build_runtime_zip(NODE_MODULES, wheel, data, out, cache_dir=ROOT / "build" / "pyodide-runtime")
    return out, wheel, data


def test_holds_bytecode_of_scan_core_and_the_stdlib_it_uses(built):
    out, _, _ = built
    names = zipfile.ZipFile(out).namelist()
    assert names and all(name.endswith(".pyc") for name in names), "no sources: nothing to compile in the browser"
    assert "scan_core/evaluate.pyc" in names and "json/__init__.pyc" in names
    # Only what is used: the big packages the scan never touches stay out.
    assert not any(name.startswith(("email/", "unittest/", "xml/", "sqlite3/")) for name in names)
    # Frozen into the wasm (never read from a zip), and optional imports the scan does not need.
    assert not {"os.pyc", "site.pyc", "codecs.pyc", "importlib/_bootstrap.pyc"} & set(names)
    assert not {"ssl.pyc", "bz2.pyc", "lzma.pyc"} & set(names)
    stdlib = zipfile.ZipFile(NODE_MODULES / "pyodide" / "python_stdlib.zip")
    ours = zipfile.ZipFile(out)
    assert sum(i.file_size for i in ours.infolist()) < 0.4 * sum(i.file_size for i in stdlib.infolist())
    # Stored, not deflated: the site compresses the whole file with brotli (much tighter).
    assert {i.compress_type for i in ours.infolist()} == {zipfile.ZIP_STORED}


def test_second_build_comes_from_the_cache_with_the_same_bytes(built, tmp_path):
    out, wheel, data = built
    again = tmp_path / "runtime.zip"
    summary = build_runtime_zip(NODE_MODULES, wheel, data, again, cache_dir=ROOT / "build" / "pyodide-runtime")
    assert summary["cached"] is True
    assert again.read_bytes() == out.read_bytes()


def test_without_node_the_build_says_what_to_install(built, tmp_path, monkeypatch):
    _, wheel, data = built
    monkeypatch.setattr(pyodide_assets.shutil, "which", lambda name: None)
    with pytest.raises(ScanAssetsError, match="Node.js ontbreekt"):
        build_runtime_zip(NODE_MODULES, wheel, data, tmp_path / "runtime.zip", cache_dir=None)
    assert not (tmp_path / "runtime.zip").exists()
