"""The wasm and runtime.zip travel as brotli files (.br), decoded in the worker. Hosts differ in
how they serve a .br file; the scan must work, or fail plainly, either way."""
from __future__ import annotations

import subprocess

import pytest

from helpers import record_requests, wait_for_result

pytestmark = pytest.mark.browser


def decoded(path) -> bytes:
    """What a browser hands over when the host sends the file with "Content-Encoding: br"."""
    script = "process.stdout.write(require('zlib').brotliDecompressSync(require('fs').readFileSync(process.argv[1])))"
    return subprocess.run(["node", "-e", script, str(path)], capture_output=True, check=True).stdout


def test_only_the_brotli_files_travel(page, base_url):
    requests = record_requests(page)
    page.goto(f"{base_url}/scan/#v1.CCBCDCC")
    assert wait_for_result(page) == "funderen"
    names = {url.rsplit("/", 1)[-1] for url in requests}
    assert {"pyodide.asm.wasm.br", "runtime.zip.br", "brotli-dec.wasm"} <= names
    assert not {"pyodide.asm.wasm", "runtime.zip", "python_stdlib.zip"} & names


def test_a_host_that_decodes_br_itself_still_works(page, base_url, site_dir):
    # Some servers send name.br with "Content-Encoding: br": the worker then gets plain bytes.
    def serve(body):
        return lambda route: route.fulfill(status=200, body=body)

    for name in ("pyodide/pyodide.asm.wasm.br", "scan/runtime.zip.br"):
        page.route(f"**/{name}", serve(decoded(site_dir / name)))
    page.goto(f"{base_url}/scan/#v1.CCBCDCC")
    assert wait_for_result(page) == "funderen"


def test_a_broken_brotli_file_gives_the_fallback_at_once(page, base_url):
    page.route("**/scan/runtime.zip.br", lambda route: route.fulfill(status=200, body=b"\x8b" + b"kapot" * 100))
    page.goto(f"{base_url}/scan/#v1.CCBCDCC")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=10000)
    assert page.get_attribute("main", "data-engine") == "failed"


def test_a_broken_wasm_download_gives_the_fallback_before_the_watchdog(page, base_url, site_dir):
    # Pyodide itself would wait forever for a wasm that does not compile; the decoder notices.
    half = (site_dir / "pyodide" / "pyodide.asm.wasm.br").read_bytes()[:500_000]
    page.route("**/pyodide/pyodide.asm.wasm.br", lambda route: route.fulfill(status=200, body=half))
    page.goto(f"{base_url}/scan/?watchdog=120000#v1.CCBCDCC")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=20000)
    assert page.get_attribute("main", "data-engine") == "failed"
