"""axe-core finds no WCAG 2.2 AA problems on any state of the scan; small screens and 200 % zoom do not scroll sideways."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import (answer_all_by_keyboard, answer_by_keyboard, open_scan, show_result_by_keyboard, start_by_keyboard,
                     visible_view, wait_for_result)

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def assert_no_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def to_start(page, base_url):
    open_scan(page, f"{base_url}/scan/")


def to_question(page, base_url):
    to_start(page, base_url)
    start_by_keyboard(page)


def to_error(page, base_url):
    to_question(page, base_url)
    page.click(".view:not([hidden]) button[type=submit]")
    page.wait_for_selector(".view:not([hidden]) .error-summary:not([hidden])")


def to_check(page, base_url):
    to_question(page, base_url)
    answer_all_by_keyboard(page, "CCBCDCC")


def to_result(page, base_url):
    page.goto(f"{base_url}/scan/#v1.CCBCDCC")
    wait_for_result(page)


STATES = {"start": to_start, "question": to_question, "error": to_error, "check": to_check, "result": to_result}


@pytest.mark.parametrize("state", STATES)
def test_axe_finds_nothing(page, base_url, state):
    STATES[state](page, base_url)
    assert_no_violations(page)


def test_axe_finds_nothing_on_fallback(page, base_url_no_wasm):
    page.goto(f"{base_url_no_wasm}/scan/?watchdog=1000#v1.CCBCDCC")
    page.wait_for_selector("#view-fallback:not([hidden])", timeout=30000)
    assert_no_violations(page)


@pytest.mark.parametrize("state", STATES)
def test_no_sideways_scrolling_at_320px(browser, base_url, state):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    try:
        page = context.new_page()
        STATES[state](page, base_url)
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{state}: page is {width[0]}px wide in a 320px window"
    finally:
        context.close()


def test_reduced_motion_and_print_styles_exist(page, base_url):
    page.emulate_media(reduced_motion="reduce")
    to_result(page, base_url)
    page.emulate_media(media="print")
    assert not page.is_visible("[data-action=print]"), "buttons are left out of the print"
    assert not page.is_visible(".site-header")
    assert page.is_visible(".phase")
    assert visible_view(page) == "result"


def test_a_whole_scan_by_keyboard_at_200_percent_zoom(browser, base_url):
    # 200 % zoom of a 1280 x 720 window: the page gets 640 x 360 CSS pixels, drawn twice as large.
    context = browser.new_context(viewport={"width": 640, "height": 360}, device_scale_factor=2)
    try:
        page = context.new_page()
        open_scan(page, f"{base_url}/scan/")
        start_by_keyboard(page)
        for letter in "CCBCDCC":
            left, right, width, scroll_width = page.evaluate(
                "(() => { const r = document.activeElement.getBoundingClientRect();"
                " return [r.left, r.right, innerWidth, document.documentElement.scrollWidth]; })()")
            assert 0 <= left and right <= width, "the question's heading is cut off at the side"
            assert scroll_width <= width, "the page scrolls sideways at 200 % zoom"
            answer_by_keyboard(page, letter)
        show_result_by_keyboard(page)
        assert wait_for_result(page) == "funderen"
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the result scrolls sideways"
    finally:
        context.close()


def test_the_chosen_answer_shows_in_forced_colours(page, base_url):
    # Windows high contrast replaces backgrounds with the page colour; a dot drawn as a background
    # would vanish. The dot must keep a visible colour that differs from the page.
    page.emulate_media(forced_colors="active")
    to_question(page, base_url)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    dot = page.eval_on_selector(
        ".view:not([hidden]) .radios__input:checked + .radios__label",
        """label => { const s = getComputedStyle(label, '::after');
                      return [s.opacity, s.borderTopWidth, s.borderTopColor, getComputedStyle(document.body).backgroundColor]; }""")
    opacity, width, colour, page_colour = dot
    assert opacity == "1" and float(width.rstrip("px")) >= 6, dot
    assert colour != page_colour, dot
