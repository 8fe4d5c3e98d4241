"""The built scan page keeps its promises without a browser: strict CSP, no inline script, one
inline style allowed by its hash only, questions in the HTML, headers for /scan/*, and a clear
error without Pyodide."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from sitegen.scan.pyodide_assets import DECODER_WASM, RUNTIME_FILES, RUNTIME_ZIP, SITE_PYODIDE_FILES, copy_pyodide
from sitegen.errors import ScanAssetsError
from sitegen.paths import ROOT
from sitegen.scan.scan_page import HEADERS_BEGIN, INLINE_STYLE, merge_headers, style_hash


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def tags(site_dir):
    parser = Collector()
    parser.feed((site_dir / "scan" / "index.html").read_text(encoding="utf-8"))
    return parser.tags


def test_strict_csp_meta(tags):
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in csp
    assert "script-src 'self' 'wasm-unsafe-eval'" in csp
    assert "connect-src 'self'" in csp


def test_no_inline_script_and_only_the_hashed_style(tags, site_dir):
    for tag, attrs in tags:
        assert "style" not in attrs, f"<{tag} style=…> is blocked by the CSP"
        assert not any(name.startswith("on") for name in attrs), f"<{tag}> has an inline handler"
        if tag == "script":
            assert attrs.get("src") or attrs.get("type") == "application/json"
    html = (site_dir / "scan" / "index.html").read_text(encoding="utf-8")
    styles = INLINE_STYLE.findall(html)
    assert len(styles) == 1 and html.count("<style") == 1
    assert ".button" in styles[0]  # the page's own CSS, not an empty block
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert f"style-src 'self' '{style_hash(styles[0])}'" in csp
    headers = (site_dir / "_headers").read_text(encoding="utf-8")
    assert style_hash(styles[0]) in headers


def test_questions_and_options_are_in_the_html(tags, scan_data):
    radios = [a for t, a in tags if t == "input" and a.get("type") == "radio"]
    assert len(radios) == 7 * 6
    html_ids = {a["name"] for a in radios}
    assert html_ids == {q["id"] for q in scan_data["ladder"]["questions"]}


def test_no_other_host_is_named(site_dir):
    for path in (site_dir / "scan").rglob("*"):
        if path.suffix in {".html", ".mjs", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"(src|href)=\"(https?:)?//", text), path


def test_headers_block_is_replaced_not_repeated():
    first = merge_headers("/*\n  X-Frame-Options: DENY\n", "sha256-abc")
    second = merge_headers(first, "sha256-abc")
    assert first == second
    assert second.count(HEADERS_BEGIN) == 1
    assert second.startswith("/*\n  X-Frame-Options: DENY\n")
    assert "frame-ancestors" in second


def test_pyodide_copy_is_only_the_runtime(site_dir):
    # Not python_stdlib.zip: the worker loads scan/runtime.zip.br in its place. The wasm only as brotli.
    assert sorted(p.name for p in (site_dir / "pyodide").iterdir()) == sorted(SITE_PYODIDE_FILES)
    # The scan loads no packages, so the lock file lists none.
    lock = json.loads((site_dir / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"] == {} and lock["info"]["python"].startswith("3.")
    assert (site_dir / "scan" / (RUNTIME_ZIP + ".br")).is_file() and not (site_dir / "scan" / RUNTIME_ZIP).exists()
    assert (site_dir / "scan" / DECODER_WASM).read_bytes()[:4] == b"\0asm"


def test_missing_brotli_decoder_says_what_to_do(tmp_path):
    node_modules = tmp_path / "node_modules"
    (node_modules / "pyodide").mkdir(parents=True)
    for name in RUNTIME_FILES:
        (node_modules / "pyodide" / name).symlink_to(ROOT / "node_modules" / "pyodide" / name)
    (tmp_path / "site" / "scan").mkdir(parents=True)
    with pytest.raises(ScanAssetsError, match="brotli-decoder ontbreekt.*npm ci"):
        copy_pyodide(node_modules, tmp_path / "site", ROOT / "build" / "pyodide-runtime")


def test_missing_pyodide_says_what_to_do(tmp_path):
    with pytest.raises(ScanAssetsError, match="Draai eerst npm ci"):
        copy_pyodide(tmp_path / "node_modules", tmp_path / "site")
