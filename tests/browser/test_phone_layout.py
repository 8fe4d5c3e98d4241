"""On a phone (375 × 667, issue 24): no page scrolls sideways, and the home page's first screen
holds both ways in: the scan and the help finder."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser

from conftest import PHONE


def every_page(site_dir) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


# Shown parts of the page that scroll sideways on their own (Material wraps every table in such a
# box): a reader must swipe sideways inside them. Code examples (<pre>) may; a table may not.
INNER_SCROLL = """() => [...document.querySelectorAll('body *')].filter(e => {
  const overflow = getComputedStyle(e).overflowX;
  return (overflow === 'auto' || overflow === 'scroll') && e.clientWidth > 0
    && e.scrollWidth > e.clientWidth + 1 && !e.closest('pre');
}).map(e => `${e.className || e.tagName}: ${e.scrollWidth} px in ${e.clientWidth} px`)"""


def test_no_built_page_scrolls_sideways_on_a_phone(phone, site_url, built_site):
    wide = []
    for path in every_page(built_site):
        phone.goto(f"{site_url}/{path}", wait_until="load")
        width = phone.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"{path}: de pagina is {width} px breed")
        wide += [f"{path}: {box}" for box in phone.evaluate(INNER_SCROLL)]
    assert not wide, f"{len(wide)} keer moet je op een telefoon opzij schuiven:\n" + "\n".join(wide[:40])


@pytest.mark.parametrize("label", ["Doe de scan", "Vind hulp"])
def test_the_home_pages_first_phone_screen_holds_both_calls_to_action(phone, site_url, label):
    phone.goto(f"{site_url}/")
    link = phone.locator("article a", has_text=label).first
    assert link.is_visible(), f"'{label}' staat niet als link in de inhoud van de home page"
    box = link.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], \
        f"'{label}' staat niet op het eerste scherm van een telefoon (onderkant op {box['y'] + box['height']:.0f} px)"


def test_a_gemeente_page_leads_with_the_scan_a_contact_route_and_what_is_open_now(phone, site_url):
    """On the first two phone screens: the scan preset to the gemeente, who to talk to, open now by step."""
    phone.goto(f"{site_url}/gemeenten/emmen/")
    two_screens = 2 * PHONE["height"]
    scan = phone.locator("article a", has_text="Doe de scan voor Emmen")
    assert scan.get_attribute("href").endswith("scan/?gemeente=emmen")
    for part in [scan, phone.locator("#contact"), phone.locator(".dd-open-now li").last]:
        box = part.bounding_box()
        assert box and box["y"] + box["height"] <= two_screens, f"{part} staat niet op de eerste twee schermen"
    assert phone.locator(".dd-open-now li").count() == 6  # one line per step of the ladder
