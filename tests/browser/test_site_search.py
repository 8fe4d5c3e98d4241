"""Search on the mkdocs pages: the index comes when a visitor opens the search, not with every page
(issue 16: on a phone, Material's index of the whole site was the largest download of a partner
page, and it grows with the data; a 6,000-entry site spent 260 KB on it before anyone searched)."""
from __future__ import annotations

import pytest

from sitegen.serve import start_server

INDEX = "/search/search_index.json"


@pytest.fixture(scope="module")
def site_url(built_site):
    server, url = start_server(built_site)
    yield url
    server.shutdown()


def open_search_desktop(page):
    page.locator("input.md-search__input").click()


def open_search_phone(page):
    page.locator("label.md-header__button[for='__search']").click()


@pytest.mark.parametrize("viewport, open_search", [
    ({"width": 1280, "height": 800}, open_search_desktop),
    ({"width": 375, "height": 740}, open_search_phone),
], ids=["desktop", "telefoon"])
def test_the_search_index_loads_when_the_search_opens_and_search_then_finds(page, site_url, viewport, open_search):
    page.set_viewport_size(viewport)
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(f"{site_url}/partners/ibdo/", wait_until="networkidle")
    assert not [url for url in asked if url.endswith(INDEX)], "de zoekindex hoort pas te komen als iemand zoekt"
    open_search(page)
    page.keyboard.type("subsidie")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert [url for url in asked if url.endswith(INDEX)]


def test_a_page_opened_from_a_search_result_still_marks_the_words_searched(page, site_url):
    """Material's search.highlight: a result links to the page with ?h=…, and that page marks the words."""
    page.goto(f"{site_url}/partners/ibdo/?h=ondernemers")
    page.wait_for_selector("article mark", timeout=15000)
    assert "ondernemers" in page.locator("article mark").first.inner_text().lower()
