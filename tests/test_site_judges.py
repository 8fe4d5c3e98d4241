"""Every built page passes the checkers nobody here wrote (issue 16): the Nu Html Checker finds
no error, and the defects Lighthouse named in mkdocs-material's pages are gone.
Scores are not asserted (they vary from run to run): bench/bench_lighthouse.py prints them."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from repo_paths import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUR_MARK = "M2 22v-6h6v-6h6V4h8v18z"  # overrides/partials/logo.html


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.vnu
def test_nu_html_checker_finds_no_error_on_any_page(built_site):
    if not shutil.which("java"):
        pytest.fail("Java ontbreekt voor de Nu Html Checker: draai `make test` (installeert default-jre-headless).")
    if not VNU_JAR.exists():
        pytest.fail(f"{VNU_JAR} ontbreekt: draai `make setup` (npm ci installeert vnu-jar).")
    proc = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html",
                           str(built_site)], capture_output=True, text=True)
    messages = json.loads(proc.stderr)["messages"]
    by_message = defaultdict(list)
    for message in messages:
        by_message[message["message"]].append(f"{message['url'].split(str(built_site))[-1]}:{message.get('lastLine')}")
    report = "\n".join(f"{len(where)} × {text}\n    bijv. {', '.join(where[:3])}" for text, where in by_message.items())
    assert len(html_pages(built_site)) > 200  # the checker saw the whole site
    assert not messages, f"{len(messages)} fouten van de Nu Html Checker:\n{report}"


class _Dialogs(HTMLParser):
    """Collects elements with role=dialog and whether they have an accessible name."""

    def __init__(self):
        super().__init__()
        self.unnamed: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("role") == "dialog" or tag == "dialog":
            if not (attrs.get("aria-label") or "").strip() and not attrs.get("aria-labelledby"):
                self.unnamed.append(f"<{tag} class={attrs.get('class')!r}>")


def test_every_dialog_has_an_accessible_name(built_site):
    """Lighthouse aria-dialog-name: Material's search dialog had no name (WCAG 4.1.2)."""
    unnamed = {}
    for page in html_pages(built_site):
        parser = _Dialogs()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.unnamed:
            unnamed[str(page.relative_to(built_site))] = parser.unnamed
    assert not unnamed, f"{len(unnamed)} pagina's met een dialoog zonder naam, bijv. {next(iter(unnamed.items()))}"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Zoeken"' in home


def test_the_scan_may_be_framed_by_the_site_itself(built_site):
    """Lighthouse errors-in-console on /voor-gemeenten/: its preview frames /scan/, and a policy of
    only `frame-ancestors https:` blocked that wherever the site is not served over https."""
    from sitegen.serve import read_headers_file
    scan_rules = dict(read_headers_file(built_site))["/scan/*"]
    policy = dict(scan_rules)["Content-Security-Policy"]
    ancestors = next(d for d in policy.split(";") if d.strip().startswith("frame-ancestors")).split()
    assert "'self'" in ancestors and "https:" in ancestors


def test_the_header_shows_our_own_mark_not_materials_icon(built_site):
    for path in ["index.html", "partners/ibdo/index.html", "404.html"]:
        html = (built_site / path).read_text(encoding="utf-8")
        assert OUR_MARK in html, path
        assert "assets/images/favicon.png" not in html, f"{path}: Material's favicon"
        assert 'href="assets/favicon.svg"' in html or 'favicon.svg"' in html, path


def test_no_page_asks_another_host_for_anything(built_site):
    """Still no foreign requests: no stylesheet, script, font or icon from another host."""
    import re
    foreign = re.compile(r'<(?:link|script|img|iframe)\b[^>]*\b(?:href|src)="(?:https?:)?//', re.I)
    offenders = [str(p.relative_to(built_site)) for p in html_pages(built_site)
                 if foreign.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders[:5]
