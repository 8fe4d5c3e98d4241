"""The local server: with --gzip it sends text as a real host does (the Lighthouse bench measures
that), the same bytes once decompressed; without it, or to a client that asks none, plain bytes."""
from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path

import pytest

from sitegen.serve import start_server


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title>" + "<p>tekst</p>" * 200, encoding="utf-8")
    (tmp_path / "runtime.zip.br").write_bytes(b"\x00\x01already compressed")
    return tmp_path


def fetch(url: str, accept_gzip: bool) -> tuple[bytes, str | None]:
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.read(), response.headers.get("Content-Encoding")


def test_gzip_sends_text_compressed_and_the_same_page(small_site):
    server, url = start_server(small_site, use_gzip=True)
    try:
        body, encoding = fetch(f"{url}/", accept_gzip=True)
        assert encoding == "gzip"
        assert gzip.decompress(body) == (small_site / "index.html").read_bytes()
        assert len(body) < (small_site / "index.html").stat().st_size
        assert fetch(f"{url}/", accept_gzip=False) == ((small_site / "index.html").read_bytes(), None)
        assert fetch(f"{url}/runtime.zip.br", accept_gzip=True)[1] is None  # compressed already
    finally:
        server.shutdown()


def test_without_gzip_the_server_sends_plain_bytes(small_site):
    server, url = start_server(small_site)
    try:
        assert fetch(f"{url}/", accept_gzip=True)[1] is None
    finally:
        server.shutdown()
