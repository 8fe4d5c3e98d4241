"""Every built HTML page carries a Content-Security-Policy <meta> before its first script (issue 14)."""
from __future__ import annotations

import html as html_module
import re

import pytest

from sitegen.engine.csp import PolicyError, inline_script_hashes, protect_page

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"\s*/?>')


def directives(policy: str) -> dict[str, str]:
    policy = html_module.unescape(policy)
    return {d.strip().split(" ", 1)[0]: d.strip() for d in policy.split(";") if d.strip()}


def test_every_page_has_a_policy_before_its_first_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        match = META.search(html)
        assert match, f"{page.relative_to(built_site)} heeft geen CSP"
        first_script = html.find("<script")
        assert first_script == -1 or match.start() < first_script, page
        policy = directives(match.group(1))
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], page
        assert policy["img-src"] == "img-src 'self' data:", page
        assert policy["connect-src"] == "connect-src 'self'", page
        if page.relative_to(built_site).as_posix() == "scan/index.html":
            assert policy["script-src"] == "script-src 'self' 'wasm-unsafe-eval'"
        else:
            # Exactly the inline scripts the page has, by hash: none more, none missing.
            assert policy["script-src"].split()[2:] == inline_script_hashes(html), page


def test_material_pages_of_different_depths_have_different_hashes(built_site):
    home = META.search((built_site / "index.html").read_text(encoding="utf-8")).group(1)
    deep = META.search((built_site / "partners" / "ibdo" / "index.html").read_text(encoding="utf-8")).group(1)
    assert directives(home)["script-src"] != directives(deep)["script-src"]


def test_a_data_block_needs_no_hash_and_a_script_does():
    page = ('<html><head><meta charset="utf-8"><script>var a=1</script>'
            '<script type="application/ld+json">{"x":1}</script><script src="a.js"></script></head></html>')
    out = protect_page(page, "test.html")
    assert out.index("Content-Security-Policy") < out.index("<script")
    assert len(inline_script_hashes(page)) == 1


def test_a_page_with_its_own_unsafe_policy_stops_the_build():
    page = ('<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
            "content=\"script-src 'self' 'unsafe-inline'\"></head></html>")
    with pytest.raises(PolicyError):
        protect_page(page, "scan/index.html")
