"""Every page type works under its own Content-Security-Policy (issue 14): the browser reports no
violation while the page loads and while its script does its job (search, the configurator's
preview, a whole scan)."""
from __future__ import annotations

import pytest

from helpers import answer_all_by_keyboard, open_scan, show_result_by_keyboard, start_by_keyboard, wait_for_result
from sitegen.serve import start_server
from test_site_accessibility import PAGE_TYPES

# Runs in every frame before the page's own scripts (Playwright injects it past the CSP).
COLLECT = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(
  e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));"""


@pytest.fixture(scope="module")
def site_url(built_site):
    server, url = start_server(built_site)  # with site/_headers, as a host that reads it
    yield url
    server.shutdown()


def violations(page, console: list[str]) -> list[str]:
    found = list(console)
    for frame in page.frames:
        found += frame.evaluate("() => window.__cspViolations || []")
    return found


@pytest.fixture
def watched(context):
    context.add_init_script(COLLECT)
    page = context.new_page()
    page.set_default_timeout(30000)
    console: list[str] = []
    # frame-ancestors is a header of the scan (https: parents only); this local server speaks
    # http, so the configurator's preview frame is refused here and not on a real host.
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text
            and "frame-ancestors" not in m.text else None)
    return page, console


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_csp_violation_on_each_page_type(watched, site_url, name):
    page, console = watched
    page.goto(f"{site_url}/{PAGE_TYPES[name]}")
    page.wait_for_load_state("networkidle")
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert violations(page, console) == []


def test_search_works_under_the_policy(watched, site_url):
    page, console = watched
    page.goto(f"{site_url}/")
    page.get_by_label("Zoeken").first.click()
    page.keyboard.type("subsidie")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert violations(page, console) == []


def test_configurator_preview_works_under_the_policy(watched, site_url):
    page, console = watched
    page.goto(f"{site_url}/voor-gemeenten/")
    page.select_option("#dd-gemeente", "emmen")
    assert 'gemeente="emmen"' in page.locator("#dd-snippet").input_value()
    page.locator("#dd-preview iframe").wait_for(state="attached")
    assert violations(page, console) == []


def test_a_whole_scan_works_under_the_policy(watched, site_url):
    page, console = watched
    open_scan(page, f"{site_url}/scan/")
    start_by_keyboard(page)
    answer_all_by_keyboard(page, "CCCCCCC")
    show_result_by_keyboard(page)
    assert wait_for_result(page)
    assert violations(page, console) == []
