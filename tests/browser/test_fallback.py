"""When WebAssembly is blocked, the page says so and still helps: never an endless spinner."""
from __future__ import annotations

from helpers import answer_all_by_keyboard, open_scan, show_result_by_keyboard, start_by_keyboard, wait_for_result


def test_blocked_webassembly_shows_fallback(page, base_url_no_wasm, scan_data):
    # Every file, the worker too, is served with a CSP without 'wasm-unsafe-eval'.
    open_scan(page, f"{base_url_no_wasm}/scan/?watchdog=1500")
    start_by_keyboard(page)
    answer_all_by_keyboard(page, "CCBCDCC")
    show_result_by_keyboard(page)
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=30000)
    assert "kan nu niet worden berekend" in page.inner_text("#fallback-title")

    text = page.inner_text("#fallback-list")
    for question in scan_data["ladder"]["questions"]:
        letter = dict(zip([q["id"] for q in scan_data["ladder"]["questions"]], "CCBCDCC"))[question["id"]]
        band = "low" if letter in "AB" else "mid" if letter in "CD" else "high"
        assert question["next_steps"][band] in text
    intake = page.locator("#view-fallback a", has_text="IBDO")
    assert intake.count() >= 1, "the adviser route is offered"

    # The answers are kept: the check page still has them.
    page.go_back()
    page.wait_for_selector("#view-check:not([hidden])")
    assert "B. " in page.inner_text("#check-list div:nth-child(3)")


def test_watchdog_setting_on_the_page(site_dir):
    html = (site_dir / "scan" / "index.html").read_text(encoding="utf-8")
    assert 'data-watchdog-ms="15000"' in html


def test_watchdog_when_the_download_stalls_then_late_result(page, base_url):
    # The wasm download never finishes (no error, no end): only the watchdog can notice.
    held = []
    page.route("**/pyodide.asm.wasm.br", lambda route: held.append(route))
    page.goto(f"{base_url}/scan/?watchdog=1500#v1.CCBCDCC")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=30000)
    assert held, "the worker asked for the wasm file"
    assert not page.is_visible("#fallback-late")
    # Trying again waits for the same download: no second copy of Pyodide.
    page.click("#view-fallback [data-action=retry]")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=30000)
    assert len(held) == 1
    # The line recovers: the page offers the result, without swapping the page unasked.
    held[0].continue_()
    page.wait_for_selector("#fallback-late:not([hidden])", timeout=90000)
    assert page.is_visible("#view-fallback")
    page.click("#fallback-late button")
    assert wait_for_result(page) == "funderen"


def test_missing_runtime_zip_gives_the_fallback_at_once(page, base_url):
    # A host that did not upload scan/runtime.zip.br: Pyodide cannot start Python. The page must
    # say so as soon as that is known, not after the watchdog (15 s by default here).
    page.route("**/scan/runtime.zip.br", lambda route: route.fulfill(status=404, body="niet gevonden"))
    page.goto(f"{base_url}/scan/#v1.CCBCDCC")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=10000)
    assert page.get_attribute("main", "data-engine") == "failed"
    assert page.locator("#view-fallback a", has_text="IBDO").count() >= 1


def test_going_back_while_the_result_loads_keeps_your_place(page, base_url):
    # The watchdog fires while the visitor is back on the check page: the page stays there.
    held = []
    page.route("**/pyodide.asm.wasm.br", lambda route: held.append(route))
    open_scan(page, f"{base_url}/scan/?watchdog=1500")
    start_by_keyboard(page)
    answer_all_by_keyboard(page, "CCBCDCC")
    show_result_by_keyboard(page)
    page.wait_for_selector("#view-result:not([hidden])")
    page.go_back()
    page.wait_for_selector("#view-check:not([hidden])")
    page.wait_for_selector("main[data-engine=failed]", state="attached", timeout=30000)
    page.wait_for_timeout(300)
    assert page.is_visible("#view-check") and not page.is_visible("#view-fallback")
