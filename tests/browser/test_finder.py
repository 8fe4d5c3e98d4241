"""The help finder, /vind-hulp/ (issue 24), as a visitor uses it: by keyboard, with filters in the
address, with the back button, without JavaScript. The expected offers are counted here from
data/*.yaml directly, not from the build's index."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from repo_paths import DATA
from sitegen.serve import start_server
from test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

FINDER = "vind-hulp/"
CARD_LINKS = "#dd-cards a[href*='/instrumenten/']"


def yaml_file(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def expected_ids(activity: str, gemeente: str) -> set[str]:
    """Every offer of this activity type that a firm in this gemeente may use, closed ones too
    (the finder shows those last): a region counts for every gemeente in it."""
    regions = {r["slug"]: set(r["gemeenten"]) for r in yaml_file("regions.yaml")["regions"]}
    def covers(entry) -> bool:
        return any(slug == gemeente or gemeente in regions.get(slug, set()) for slug in entry["regions"])
    return {i["id"] for i in yaml_file("instruments.yaml")["instruments"]
            if i["activity_type"] == activity and covers(i)}


def all_ids() -> set[str]:
    return {i["id"] for i in yaml_file("instruments.yaml")["instruments"]}


def shown_ids(page) -> set[str]:
    hrefs = page.eval_on_selector_all(CARD_LINKS, "links => links.map(a => a.getAttribute('href'))")
    return {re.search(r"/instrumenten/([^/]+)/", h).group(1) for h in hrefs}


def show_all_results(page) -> None:
    more = page.locator("#dd-more")
    while more.is_visible():
        more.click()


def wait_for_count(page, n: int) -> None:
    words = "1 regeling of activiteit" if n == 1 else f"{n} regelingen en activiteiten"
    page.wait_for_function("(words) => document.getElementById('dd-count').textContent === words", arg=words)


@pytest.fixture(scope="module")
def site_url(built_site):
    server, url = start_server(built_site)
    yield url
    server.shutdown()


@pytest.fixture
def watched(page):
    """The page, with every console error and uncaught exception collected (a CSP refusal is one)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    return page


def test_students_in_emmen_gives_exactly_the_offers_the_data_says(watched, site_url):
    expected = expected_ids("werken-met-studenten", "emmen")
    assert expected, "de gegevens hebben geen aanbod 'werken met studenten' voor Emmen: de test zegt dan niets"
    watched.goto(f"{site_url}/{FINDER}?activiteit=werken-met-studenten&gemeente=emmen")
    wait_for_count(watched, len(expected))
    show_all_results(watched)
    assert shown_ids(watched) == expected
    assert watched.errors == []


def test_filtering_works_by_keyboard_alone(page, site_url):
    page.goto(f"{site_url}/{FINDER}")
    page.wait_for_selector("#dd-finder:not([hidden])")
    target_id = "dd-activiteit-werken-met-studenten"

    def tab_to(check) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate(check):
                return
        pytest.fail(f"niet met Tab te bereiken: {check}")

    tab_to("() => document.activeElement.matches('details[data-key=activiteit] > summary')")
    page.keyboard.press("Enter")  # opens the group
    tab_to(f"() => document.activeElement.id === '{target_id}'")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('activiteit=werken-met-studenten')")
    n = len([i for i in yaml_file("instruments.yaml")["instruments"] if i["activity_type"] == "werken-met-studenten"])
    wait_for_count(page, n)
    # "Wis alle filters" is reachable by keyboard too and brings every offer back.
    tab_to("() => document.activeElement.id === 'dd-clear'")
    page.keyboard.press("Enter")
    wait_for_count(page, len(all_ids()))
    assert "activiteit" not in urlsplit(page.url).query


def test_a_filtered_address_reloads_to_the_same_results_and_back_restores_the_filters(page, site_url):
    page.goto(f"{site_url}/{FINDER}?activiteit=werken-met-studenten&gemeente=emmen")
    expected = expected_ids("werken-met-studenten", "emmen")
    wait_for_count(page, len(expected))
    before = shown_ids(page)
    page.reload()
    wait_for_count(page, len(expected))
    assert shown_ids(page) == before
    assert page.locator("#dd-activiteit-werken-met-studenten").is_checked()
    assert page.locator("#dd-gemeente-emmen").is_checked()

    page.locator("label[for=dd-gemeente-emmen]").click()  # a second filter change: Emmen off
    page.wait_for_function("() => !location.search.includes('gemeente=emmen')")
    assert parse_qs(urlsplit(page.url).query) == {"activiteit": ["werken-met-studenten"]}
    page.go_back()
    page.wait_for_function("() => location.search.includes('gemeente=emmen')")
    wait_for_count(page, len(expected))
    assert page.locator("#dd-gemeente-emmen").is_checked()
    assert shown_ids(page) == before


def test_without_javascript_every_offer_is_reachable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{FINDER}")
    assert page.locator("#dd-finder").is_hidden(), "zonder JavaScript werken de filters niet: dan horen ze er niet te staan"
    hrefs = page.eval_on_selector_all("#dd-all a[href*='/instrumenten/']", "links => links.map(a => a.getAttribute('href'))")
    assert {re.search(r"/instrumenten/([^/]+)/", h).group(1) for h in hrefs} == all_ids()
    jumps = page.eval_on_selector_all("#dd-all nav a", "links => links.map(a => a.getAttribute('href'))")
    assert jumps and all(page.locator(f"[id='{j[1:]}']").count() == 1 for j in jumps)
    context.close()


def test_axe_finds_nothing_on_the_finder_with_filters_open(page, site_url):
    page.goto(f"{site_url}/{FINDER}?activiteit=werken-met-studenten&nu=ja")
    page.wait_for_selector("#dd-finder:not([hidden])")
    page.evaluate("() => document.querySelectorAll('details.dd-finder__group').forEach(d => d.open = true)")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_the_result_count_is_announced_politely(page, site_url):
    page.goto(f"{site_url}/{FINDER}")
    count = page.locator("#dd-count")
    assert count.get_attribute("aria-live") == "polite"
    wait_for_count(page, len(all_ids()))
