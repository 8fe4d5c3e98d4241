"""The help finder, /vind-hulp/ (issue 24), as a visitor uses it: by keyboard, with filters in the
address, with the back button, without JavaScript. The expected offers are counted here from
data/*.yaml directly, not from the build's index."""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from repo_paths import DATA, TODAY
from test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser

FINDER = "vind-hulp/"
CARD_LINKS = "#dd-cards a[href*='/instrumenten/']"


def yaml_file(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def gemeente_ids(gemeente: str) -> set[str]:
    """Every offer that a firm in this gemeente may use, closed ones too (the finder shows those
    last): a region counts for every gemeente in it."""
    regions = {r["slug"]: set(r["gemeenten"]) for r in yaml_file("regions.yaml")["regions"]}
    def covers(entry) -> bool:
        return any(slug == gemeente or gemeente in regions.get(slug, set()) for slug in entry["regions"])
    return {i["id"] for i in yaml_file("instruments.yaml")["instruments"] if covers(i)}


def expected_ids(activity: str, gemeente: str) -> set[str]:
    """The offers of this activity type that a firm in this gemeente may use."""
    of_type = {i["id"] for i in yaml_file("instruments.yaml")["instruments"] if i["activity_type"] == activity}
    return of_type & gemeente_ids(gemeente)


def sector_ids(sector: str) -> set[str]:
    """The offers for this sector: those that name it, and those that name none (for every sector)."""
    return {i["id"] for i in yaml_file("instruments.yaml")["instruments"]
            if not i.get("sectors") or sector in i["sectors"]}


def availability_group(entry: dict) -> int:
    """As a visitor reads the status: 0 usable today, 1 in preparation or opening later, 2 status
    unknown, 3 closed (status gesloten, or its closing date has passed on the build day)."""
    def day(key):
        value = entry.get(key)
        return value if isinstance(value, date) or value is None else date.fromisoformat(value)
    until, opens = day("open_until"), day("open_from")
    if entry["status"] == "gesloten" or (until and until < TODAY):
        return 3
    if entry["status"] == "open" and not (opens and opens > TODAY):
        return 0
    return 1 if entry["status"] in ("open", "in voorbereiding") else 2


def is_local(entry: dict) -> bool:
    """An offer of one or more gemeenten only, not of a wider region."""
    gemeenten = {g["slug"] for g in yaml_file("regions.yaml")["gemeenten"]}
    return all(slug in gemeenten for slug in entry["regions"])


def shown_order(page) -> list[str]:
    hrefs = page.eval_on_selector_all(CARD_LINKS, "links => links.map(a => a.getAttribute('href'))")
    return [re.search(r"/instrumenten/([^/]+)/", h).group(1) for h in hrefs]


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


def test_a_sector_gives_its_own_offers_and_those_for_every_sector(watched, site_url):
    sectors = yaml_file("sectors.yaml")["sectors"]
    named = {s for i in yaml_file("instruments.yaml")["instruments"] for s in i.get("sectors", [])}
    sector = next(s["slug"] for s in sectors if s["slug"] in named)
    expected = sector_ids(sector)
    assert expected != all_ids(), "elk aanbod past bij deze sector: de test zegt dan niets"
    watched.goto(f"{site_url}/{FINDER}")
    watched.wait_for_selector("#dd-finder:not([hidden])")
    watched.locator("details[data-key=sector] > summary").click()
    hint = watched.locator("details[data-key=sector] fieldset")
    assert "Aanbod zonder sector is voor elke sector" in hint.inner_text()
    watched.locator(f"label[for=dd-sector-{sector}]").click()
    watched.wait_for_function(f"() => location.search.includes('sector={sector}')")
    wait_for_count(watched, len(expected))
    show_all_results(watched)
    assert shown_ids(watched) == expected
    watched.reload()  # in the address, like the other filters
    wait_for_count(watched, len(expected))
    assert watched.locator(f"#dd-sector-{sector}").is_checked()
    assert watched.errors == []


def test_open_offers_come_first_and_with_a_gemeente_its_own_offers_lead_each_group(page, site_url):
    """The scan's order (scan_core/recommend.py): availability first; with a gemeente chosen, that
    gemeente's own offers before region-wide ones within each group; closed offers last."""
    by_id = {i["id"]: i for i in yaml_file("instruments.yaml")["instruments"]}
    page.goto(f"{site_url}/{FINDER}")
    wait_for_count(page, len(all_ids()))
    show_all_results(page)
    groups = [availability_group(by_id[i]) for i in shown_order(page)]
    assert groups == sorted(groups) and groups[0] == 0

    expected = gemeente_ids("emmen")
    page.goto(f"{site_url}/{FINDER}?gemeente=emmen")
    wait_for_count(page, len(expected))
    show_all_results(page)
    order = shown_order(page)
    keys = [(availability_group(by_id[i]), not is_local(by_id[i])) for i in order]
    assert any(local is False for _, local in keys), "geen eigen aanbod van Emmen: de test zegt dan niets"
    assert keys == sorted(keys), [(i, k) for i, k in zip(order, keys)]
