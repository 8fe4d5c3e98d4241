"""The rest of the site (mkdocs-material pages and the pages filled from a shell): axe-core finds no
WCAG 2.2 AA problem on any page type, and a keyboard user reaches the content and the search."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_accessibility import AXE_OPTIONS

# One page of each kind the build makes (sitegen/pages/, sitegen/exports/, content/).
PAGE_TYPES = {
    "home": "",
    "ladder": "ladder/",
    "trede": "ladder/funderen/",
    "partners": "partners/",
    "partner": "partners/ibdo/",
    "instrumenten": "instrumenten/",
    "instrument": "instrumenten/adviesvoucher-mkb-drenthe/",
    "themas": "themas/",
    "thema": "themas/security/",
    "activiteit": "activiteiten/advisering/",
    "gemeente": "gemeenten/emmen/",
    "ecosysteem": "ecosysteem/",
    "ecosysteem per gemeente": "ecosysteem/gemeenten/",
    "open data": "open-data/",
    "monitor": "monitor/",
    "voor gemeenten": "voor-gemeenten/",
    "vind hulp": "vind-hulp/",
    "begrippen": "begrippen/",
    "privacy": "privacy/",
    "toegankelijkheid": "toegankelijkheid/",
    "bijdragen": "bijdragen/",
    "agenda": "agenda/",
    "van advies naar uitvoering": "van-advies-naar-uitvoering/",
    "sectoren": "sectoren/",
    "sector": "sectoren/maakindustrie/",
    "niet gevonden": "404.html",
}


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_nothing_on_each_page_type(page, site_url, built_site, name):
    path = PAGE_TYPES[name]
    assert (built_site / (path or "index.html")).exists() or (built_site / path / "index.html").exists(), path
    page.goto(f"{site_url}/{path}")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("path", ["", "partners/ibdo/", "instrumenten/ibdo-intake/"])
def test_keyboard_skip_link_leads_into_the_content_and_search_is_reachable(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert skip[0] == "Ga naar inhoud"
    assert page.locator(f"[id='{skip[1][1:]}']").count() == 1  # the link has a target on this page
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('article')"), "na de skiplink hoort de focus in de inhoud"
    page.goto(f"{site_url}/{path}")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('aria-label')") == "Zoeken":
            break
    else:
        pytest.fail("het zoekveld is niet binnen drie keer Tab te bereiken")
    page.keyboard.type("subsidie")
    page.wait_for_selector(".md-search-result__item", timeout=15000)


# The pages of bench/bench_lighthouse.py but the scan (its own tests watch its console).
LIGHTHOUSE_PAGES = ["", "partners/ibdo/", "instrumenten/adviesvoucher-mkb-drenthe/", "ecosysteem/",
                    "gemeenten/emmen/", "voor-gemeenten/", "open-data/", "vind-hulp/"]


@pytest.mark.parametrize("path", LIGHTHOUSE_PAGES)
def test_the_rules_lighthouse_named_find_nothing(page, site_url, path):
    """Lighthouse's accessibility and best-practices findings on Material's pages (issue 16): the
    search dialog without a name (axe aria-dialog-name, a best practice outside the WCAG tags the
    test above runs), and an error in the console (the scan preview refused by frame-ancestors)."""
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    results = Axe().run(page, options={"runOnly": {"type": "rule", "values": ["aria-dialog-name"]}})
    assert results.violations_count == 0, results.generate_report()
    assert errors == []
