"""Guard for sitegen.pyodide_assets.trim_stdlib: a smaller python_stdlib.zip must still boot
Pyodide, unpack the wheel and compute a result. (Not the default: bench/bench_widget.py --trimmed
showed no clear gain at 20 Mbit/s; see the bench's output.)"""
from __future__ import annotations

import shutil

import pytest

from sitegen.scan_page import CSP
from sitegen.serve import start_server
from helpers import wait_for_result
from sitegen.pyodide_assets import trim_stdlib


@pytest.fixture(scope="module")
def trimmed_url(site_dir, tmp_path_factory):
    copy = tmp_path_factory.mktemp("trimmed") / "site"
    shutil.copytree(site_dir, copy)
    zip_path = copy / "pyodide" / "python_stdlib.zip"
    before = zip_path.stat().st_size
    assert trim_stdlib(zip_path) < before * 0.7
    server, url = start_server(copy, [("Content-Security-Policy", CSP)], use_headers_file=False)
    yield url
    server.shutdown()


def test_scan_runs_on_a_trimmed_stdlib(page, trimmed_url):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{trimmed_url}/scan/#v1.CCBCDCC")
    assert wait_for_result(page) == "funderen"
    assert errors == []
