"""Issue 17: from a result to a first step. The first screen on a phone, the offers within two
screens, the hand-off by mail, the gesprekskaart on one page, the comparison by keyboard, and an
engine that loads only once the scan starts."""
from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from helpers import focused, open_scan, record_requests, start_by_keyboard, tab_to, wait_for_result
from test_accessibility import assert_no_violations

from conftest import PHONE
# (answers, gemeente): low, middle, high, a between-note, a gemeente's own offers, Hardenberg.
ANSWER_SETS = [("AAAAAAA", None), ("CCBCDCC", None), ("CCDDBAE", "emmen"), ("AABBCCD", None),
               ("DDDDADD", "assen"), ("EEEEEEE", "hardenberg"), ("FFFFFFF", "emmen")]


def _open_result(page, base_url, code):
    page.goto(f"{base_url}/scan/#{code}")
    return wait_for_result(page)


def _bottom(page, selector):
    return page.eval_on_selector(selector, "el => el.getBoundingClientRect().bottom + window.scrollY")


@pytest.mark.parametrize("letters, gemeente", ANSWER_SETS)
def test_first_screen_on_a_phone(phone, base_url, scan_data, letters, gemeente):
    code = f"v1.{letters}" + (f".{gemeente}" if gemeente else "")
    slug = _open_result(phone, base_url, code)
    step = next(s for s in scan_data["ladder"]["steps"] if s["slug"] == slug)
    height = PHONE["height"]
    # Screen one, without scrolling: the phase, the between-note, the seed's action, the adviser button.
    assert phone.evaluate("window.scrollY") == 0
    assert phone.inner_text(".phase") == step["name"]
    assert phone.inner_text("[data-action-text]") == step["action"]
    assert _bottom(phone, "[data-action-text]") <= height
    button = phone.locator("[data-action=adviser]")
    assert button.inner_text() == "Bespreek dit met een adviseur"
    assert _bottom(phone, "[data-action=adviser]") <= height
    between = phone.locator("[data-between]")
    if between.count():
        assert scan_data["ladder"]["between_note"] in between.inner_text()
        assert _bottom(phone, "[data-between]") <= height
    # Within two screens: the subsidy and route lines, then up to three offers.
    lines = phone.locator("#result-body .line")
    assert lines.nth(0).inner_text().startswith("Subsidie:")
    assert lines.nth(1).inner_text().startswith("Wie helpt je:")
    assert step["route"]["text"] in lines.nth(1).inner_text()
    offers = phone.locator("#result-body ol.offers > li")
    assert 1 <= offers.count() <= 3 or "niet voor bedrijven" in lines.nth(0).inner_text()
    if offers.count():
        assert _bottom(phone, "#result-body ol.offers > li:last-child") <= 2 * height
    words = set(scan_data["activity_words"].values())
    later_seen = False
    for i in range(offers.count()):
        facts = offers.nth(i).locator(".offer__facts").inner_text().split(" · ")
        assert facts[0] in words, f"the kind in one word, not {facts[0]!r}"
        assert facts[1] in ("Open", "In voorbereiding", "Status onbekend") or facts[1].startswith("Opent op")
        usable = "offer--later" not in offers.nth(i).get_attribute("class")
        assert not (usable and later_seen), "usable now comes first"
        later_seen = later_seen or not usable
    # The seed's order: phase, action, subsidy, route.
    text = phone.inner_text("#result-body")
    assert text.index(step["name"]) < text.index(step["action"]) < text.index("Subsidie:") < text.index("Wie helpt je:")
    if gemeente:
        assert f"voor een bedrijf in de gemeente {next(g['name'] for g in scan_data['gemeenten'] if g['slug'] == gemeente)}" in text


def test_adviser_button_leads_to_the_mail_with_its_text(context, base_url, scan_data):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    _open_result(page, base_url, "v1.CCBCDCC")
    tab_to(page, "[data-action=adviser]")
    page.keyboard.press("Enter")
    assert focused(page, "el.id") == "handoff-title"
    preview = page.input_value("#mail-preview")
    assert preview.startswith("Onderwerp: Mijn uitkomst van de digitale zelfscan: fase Funderen")
    assert f"Link naar mijn uitkomst: {base_url}/scan/#v1.CCBCDCC" in preview
    assert "Fase: Funderen (Basis op orde)" in preview
    for question in scan_data["ladder"]["questions"]:
        assert f"{question['number']}. {question['title']}: " in preview
    assert "Eerst aandacht voor: Processen" in preview
    # Issue 22: security D meets the (voorlopig) basisniveau; one sentence on the region's register.
    assert "Basisniveau digitale veiligheid (voorlopig): ja. Je antwoord D telt mee" in preview
    assert "register van de regio" in preview and "alleen aantallen" in preview
    offers = [line for line in preview.splitlines() if line.startswith("- ")]
    assert len(offers) == 3
    names = page.eval_on_selector_all("#result-body ol.offers > li > a", "links => links.map(a => a.textContent)")
    assert [o[2:].split(" (")[0] for o in offers] == names
    # Every mailto: carries the same text; an address only from the data, shown beside its button.
    for href in page.eval_on_selector_all("#handoff-contacts a[href^='mailto:']", "links => links.map(a => a.href)"):
        url = urlparse(href)
        query = parse_qs(url.query)
        assert query["body"][0] == preview.split("\n\n", 1)[1]
        assert query["subject"][0] == "Mijn uitkomst van de digitale zelfscan: fase Funderen"
        addresses = {p.get("contact", {}).get("email") for p in scan_data["partners"] + scan_data["gemeenten"]} - {None}
        assert unquote(url.path) in addresses | {""}
        if url.path:
            assert page.is_visible(f"#handoff-contacts .address:text-is('{unquote(url.path)}')")
    # Only where no public route is known does the contact lead to the partner's page, and say so.
    for contact in page.locator("#handoff-contacts li[data-role]").all():
        assert "We kennen geen e-mailadres" not in contact.inner_text()
        if not contact.locator(".address, a[data-route]").count():
            assert "We vonden geen openbaar contact" in contact.inner_text()
            assert contact.locator("a[href*='/partners/']").count() == 1
    page.click("[data-action=copy-mail]")
    page.wait_for_selector("#mail-status:has-text('gekopieerd')")
    assert page.evaluate("navigator.clipboard.readText()") == preview


def _routes(page, contact_id):
    item = page.locator(f"#handoff-contacts li[data-contact='{contact_id}']")
    return item, item.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def test_adviser_button_reaches_the_route_partner_and_the_gemeente_in_one_step(page, base_url, scan_data):
    """Issue 23: from "Bespreek dit met een adviseur" to a mail, a call or a contact page, for the
    phase's route partner and for the chosen gemeente; a general number says it is one."""
    code = "v1.AAAAAAA.assen"  # Oriënteren: route partner IBDO; gemeente Assen
    route_id = scan_data["ladder"]["steps"][0]["route"]["partners"][0]
    assen = next(g for g in scan_data["gemeenten"] if g["slug"] == "assen")
    _open_result(page, base_url, code)
    tab_to(page, "[data-action=adviser]")
    page.keyboard.press("Enter")
    assert focused(page, "el.id") == "handoff-title"
    route, route_links = _routes(page, route_id)
    partner = next(p for p in scan_data["partners"] if p["id"] == route_id)
    reachable = [h for h in route_links if h.startswith(("mailto:", "tel:", "https://"))]
    assert reachable, route_links
    if partner["contact"]["page"]:
        assert partner["contact"]["page"] in route_links
    gemeente, gemeente_links = _routes(page, "gemeente-assen")
    tel = [h for h in gemeente_links if h.startswith("tel:")]
    assert tel == ["tel:" + re.sub(r"[^0-9+]", "", assen["contact"]["phone"])]
    assert re.fullmatch(r"tel:\+?[0-9]+", tel[0])
    assert any(h.startswith(f"mailto:{assen['contact']['email']}?") for h in gemeente_links)
    assert "algemeen nummer van de gemeente; vraag naar het ondernemersloket" in gemeente.inner_text()
    assert "Ondernemersloket" not in gemeente.inner_text()
    # one step: the call is a link the keyboard reaches
    tab_to(page, f"#handoff-contacts li[data-contact='gemeente-assen'] a[href^='tel:']")


def test_an_address_in_the_link_never_becomes_a_recipient(page, base_url):
    page.goto(f"{base_url}/scan/?email=boef@example.org&to=boef@example.org#v1.CCBCDCC.boef@example.org")
    page.wait_for_selector("#notice:not([hidden])")
    page.goto(f"{base_url}/scan/?email=boef@example.org#v1.CCBCDCC")
    wait_for_result(page)
    hrefs = page.eval_on_selector_all("a[href^='mailto:']", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not any("boef" in h.split("?")[0] for h in hrefs)


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("code", ["v1.CCBCDCC", "v1.AABAABA.emmen"])
def test_the_gesprekskaart_prints_on_one_page(page, base_url, code):
    _open_result(page, base_url, code)
    page.evaluate("window.print = () => {}")  # headless: keep data-print while the PDF is made
    page.click("[data-action=card]")
    assert page.get_attribute("html", "data-print") == "card"
    page.emulate_media(media="print")
    card = page.inner_text("#result-card")
    assert "Gesprekskaart" in card and "Notities" in card and "Fase: " in card
    meets = "ja" if code[7] in "CDEF" else "nog niet"  # the fifth answer is security
    assert f"Basisniveau digitale veiligheid (voorlopig): {meets}" in card and "register van de regio" in card
    assert not page.is_visible("#result-body")
    assert _pdf_pages(page.pdf(format="A4")) == 1


def test_the_whole_result_prints_with_every_section_open(page, base_url):
    _open_result(page, base_url, "v1.CCBCDCC")
    assert not page.is_visible("#more-why li")
    page.emulate_media(media="print")
    for section in ("#more-why li", "#more-charts .table-wrap--answers table", "#more-steps dl", "#more-offers li", "#more-caveat p"):
        assert page.is_visible(section), f"{section} prints"
    assert not page.is_visible("#result-card"), "the card prints only by its own button"


def _to_compare_link(page):
    tab_to(page, "#compare-link", limit=80)


def test_compare_with_an_earlier_link_by_keyboard(page, base_url):
    _open_result(page, base_url, "v1.CCBCDCC")
    _to_compare_link(page)
    page.keyboard.type(f"{base_url}/scan/#v1.AABBAAB")
    page.keyboard.press("Enter")
    page.wait_for_selector("#compare-body .compare__heading")
    assert focused(page, "el.className") == "compare__heading"
    body = page.inner_text("#compare-body")
    assert "De eerdere uitkomst en nu" in body
    assert "Je fase is nu hoger: eerder Oriënteren, nu Funderen." in body
    rows = page.eval_on_selector_all("#compare-body tbody tr", "rows => rows.map(r => r.innerText.split('\\t'))")
    assert rows[2] == ["Processen", "B", "B", "hetzelfde"] and rows[0][3] == "hoger"
    assert page.locator("#compare-body svg title").text_content() == "Je antwoorden toen en nu"
    assert page.inner_text(".phase") == "Funderen", "the current result stays"
    assert_no_violations(page)


@pytest.mark.parametrize("link, message", [
    ("https://example.org/iets", "geen link naar een uitkomst van deze scan"),
    ("#v2.CCCCCCC", "andere versie van de scan"),
    ("#v1.CCC", "geen link naar een uitkomst"),
    ("", "Plak eerst de link"),
])
def test_compare_with_a_bad_link_by_keyboard_keeps_the_result(page, base_url, link, message):
    _open_result(page, base_url, "v1.CCBCDCC")
    _to_compare_link(page)
    page.keyboard.type(link)
    page.keyboard.press("Enter")
    page.wait_for_selector("#compare-error:not([hidden])")
    assert focused(page, "el.id") == "compare-error"
    assert message in page.inner_text("#compare-error")
    assert page.inner_text(".phase") == "Funderen"
    assert page.inner_text("#compare-body") == ""


def _choose_file(page, name: str, payload: str):
    page.set_input_files("#compare-file", files=[{"name": name, "mimeType": "application/json",
                                                   "buffer": payload.encode("utf-8")}])


def test_compare_with_an_earlier_download_and_bad_files(page, base_url):
    _open_result(page, base_url, "v1.CCBCDCC")
    with page.expect_download() as info:
        page.click("[data-action=download]")
    earlier = json.loads(open(info.value.path(), encoding="utf-8").read())
    assert earlier["marker"] == "drenthe-digitaal-zelfscan-uitkomst" and earlier["date"]
    earlier.update(code="v1.FFFFFFF", date="2026-01-15")
    _choose_file(page, "uitkomst.json", json.dumps(earlier))
    page.wait_for_selector("#compare-body .compare__heading")
    assert "De eerdere uitkomst (15 januari 2026) en nu" in page.inner_text("#compare-body")
    assert "Je fase is nu lager: op 15 januari 2026 Transformeren, nu Funderen." in page.inner_text("#compare-body")
    bad = [(json.dumps({"code": "v1.CCCCCCC", "date": "2026-01-01"}), "geen uitkomst van deze scan"),  # someone else's
           ("{kapot", "geen uitkomst van deze scan"),
           (json.dumps({**earlier, "code": "v2.CCCCCCC"}), "versie 'v2'"),
           (json.dumps({**earlier, "date": "2999-01-01"}), "ligt in de toekomst")]
    for payload, message in bad:
        _choose_file(page, "ander.json", payload)
        page.wait_for_selector(f"#compare-error:not([hidden]):has-text(\"{message}\")")
        assert page.inner_text(".phase") == "Funderen"
    assert_no_violations(page)


def test_axe_with_every_section_open_and_the_hand_off(page, base_url):
    _open_result(page, base_url, "v1.CCDDBAE.emmen")
    for summary in page.locator("#result-body summary").all():
        summary.click()
    assert_no_violations(page)


def test_a_visit_that_only_reads_the_start_page_loads_no_engine(page, base_url):
    requests = record_requests(page)
    open_scan(page, f"{base_url}/scan/")
    page.wait_for_timeout(1500)
    engine = [u for u in requests if "/pyodide/" in u or "scan-worker" in u or "runtime.zip" in u or "scan-data" in u]
    assert engine == []
    assert page.get_attribute("main", "data-engine") == "idle"
    start_by_keyboard(page)
    page.wait_for_selector("main:not([data-engine=idle])", state="attached")
    assert page.get_attribute("main", "data-engine") in ("loading", "ready")


def test_all_offers_name_what_comes_after(phone, base_url, scan_data):
    """Issue 25: the chain in the result. In "Alle hulp en regelingen" each offer with a next step
    has one line "Daarna:" linking to it; the first three (two phone screens) leave it out."""
    _open_result(phone, base_url, "v1.AAAAAAA.emmen")
    by_id = {i["id"]: i for i in scan_data["instruments"]}
    items = phone.locator("#result-body ul.offers > li")
    seen = 0
    for k in range(items.count()):
        item = items.nth(k)
        href = item.locator("a").first.get_attribute("href")
        ident = href.rstrip("/").rsplit("/", 1)[-1]
        nexts = [n for n in by_id.get(ident, {}).get("next", []) if n in by_id]
        daarna = item.locator(".offer__next")
        if daarna.count():
            target = daarna.locator("a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
            assert daarna.text_content().startswith("Daarna:") and target in nexts
            seen += 1
    assert seen >= 1
    assert phone.locator("#result-body ol.offers .offer__next").count() == 0
