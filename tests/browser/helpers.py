"""What a keyboard user does on the scan page, as small steps the tests share."""
from __future__ import annotations

from urllib.parse import urlparse

LETTERS = "ABCDEF"
RESULT_TIMEOUT_MS = 90_000  # a cold Pyodide on a busy test machine


def focused(page, expression: str = "el.tagName"):
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()")


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab reached no element matching {selector}")


def open_scan(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#view-start:not([hidden]), .view:not([hidden])")


def start_by_keyboard(page) -> None:
    tab_to(page, "[data-action=start]")
    page.keyboard.press("Enter")


def answer_by_keyboard(page, letter: str) -> None:
    """On a question page with focus on the heading: choose letter with arrows, then Volgende."""
    page.keyboard.press("Tab")
    current = focused(page, "el.value")
    assert current in LETTERS, f"Tab from the heading should reach a radio, got {current!r}"
    page.keyboard.press("Space")
    steps = LETTERS.index(letter) - LETTERS.index(current)
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    page.keyboard.press("Tab")
    assert focused(page, "el.textContent.trim()") == "Volgende"
    page.keyboard.press("Enter")


def answer_all_by_keyboard(page, letters: str) -> None:
    for letter in letters:
        answer_by_keyboard(page, letter)


def show_result_by_keyboard(page) -> None:
    page.wait_for_selector("#view-check:not([hidden])")
    tab_to(page, "[data-action=result]")
    page.keyboard.press("Enter")


def wait_for_result(where) -> str:
    """The phase slug on screen; `where` is a page or the frame locator of an embedded scan.
    On a busy test machine Pyodide can need more than the 15 s watchdog: then the page shows
    the fallback and, once ready, offers the result; take it."""
    where.locator("main[data-result], #view-fallback:not([hidden])").first.wait_for(timeout=RESULT_TIMEOUT_MS)
    if not where.locator("main").get_attribute("data-result"):
        where.locator("#fallback-late:not([hidden]) button").click(timeout=RESULT_TIMEOUT_MS)
        where.locator("main[data-result]").wait_for(timeout=RESULT_TIMEOUT_MS)
    return where.locator("main").get_attribute("data-result")


def visible_view(page) -> str:
    return page.get_attribute(".view:not([hidden])", "data-view")


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def foreign_requests(urls: list[str], base_url: str) -> list[str]:
    origin = urlparse(base_url).netloc
    return [u for u in urls if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != origin]
