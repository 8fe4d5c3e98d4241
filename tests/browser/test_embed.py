"""A gemeente embeds the scan: a host page on another origin, with a strict CSP of its own.

The site runs on http://127.0.0.1:PORT, the host page on http://localhost:PORT2: two origins and
two sites, as with a gemeente's own website. Chromium refuses storage to the cross-site frame,
so these tests also prove that the scan carries on in memory.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from helpers import RESULT_TIMEOUT_MS, foreign_requests, record_requests, wait_for_result
from sitegen.pages.embed import sri_hash, versioned_path
from sitegen.scan.scan_page import built_policy
from sitegen.serve import start_server

pytestmark = pytest.mark.browser
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def site(built_site):
    # The production header allows https framers only; the test host is http://localhost.
    server, url = start_server(built_site, [("Content-Security-Policy", built_policy(built_site) + "; frame-ancestors 'self' http://localhost:*"),
                                            ("Access-Control-Allow-Origin", "*")], use_headers_file=False)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def host_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("host")


@pytest.fixture(scope="module")
def host(host_dir):
    server, url = start_server(host_dir, use_headers_file=False, host="localhost")
    yield url
    server.shutdown()


def host_page(host_dir: Path, name: str, site: str, body: str) -> str:
    """A gemeente page with its own strict CSP and a script that tries to read what it should not."""
    (host_dir / "spy.js").write_text(
        "window.seen = [];\n"
        "window.addEventListener('message', (e) => window.seen.push(JSON.stringify(e.data)));\n",
        encoding="utf-8")
    html = f"""<!doctype html><html lang="nl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' {site}; frame-src {site}; style-src 'self'">
<title>Gemeente Voorbeeld - ondernemen</title><script src="spy.js"></script></head>
<body><header><p>Gemeente Voorbeeld</p></header><main><h1>Ondernemen in onze gemeente</h1>
<p>Doe de scan hieronder.</p>{body}</main></body></html>"""
    (host_dir / name).write_text(html, encoding="utf-8")
    return name


def script_snippet(site: str, built_site: Path, attrs: str) -> str:
    sri = sri_hash((built_site / versioned_path()).read_bytes())
    return (f'<script src="{site}/{versioned_path()}" integrity="{sri}" crossorigin="anonymous" async></script>'
            f"<drenthe-scan {attrs}></drenthe-scan>")


def scan_frame(page):
    page.wait_for_selector("iframe")
    frame = page.frame_locator("iframe").first
    frame.locator("[data-action=start]").wait_for()
    frame.locator("main[data-engine]").wait_for(state="attached")  # the page's script is running
    return frame


def do_scan(frame, letters: str) -> None:
    frame.locator("[data-action=start]").click()
    for letter in letters:
        frame.locator(f".view:not([hidden]) input[value={letter}]").check()
        frame.locator(".view:not([hidden]) button[type=submit]").click()
    frame.locator(".view:not([hidden]) [data-action=result]").click()
    wait_for_result(frame)
    frame.locator("#result-actions:not([hidden])").wait_for(timeout=RESULT_TIMEOUT_MS)


def frame_heights(page):
    return page.evaluate("""() => {
        const f = document.querySelector('iframe');
        return f.getBoundingClientRect().height; }""")


def test_script_embed_completes_a_scan_with_local_offer_first(page, site, host, host_dir, built_site):
    scan_data = json.loads((built_site / "scan" / "scan-data.json").read_text(encoding="utf-8"))
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests = record_requests(page)
    name = host_page(host_dir, "script.html", site, script_snippet(site, built_site, 'gemeente="emmen"'))
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    start_height = frame_heights(page)
    do_scan(frame, "AABAABA")  # oriënteren: the step where Emmen has offers of its own
    assert "Oriënteren" in frame.locator("#result-body").inner_text()
    # The iframe follows its content: the result is taller than the start page, with no inner scroll bar.
    result_height = frame_heights(page)
    assert result_height > start_height
    inner = page.frames[1].evaluate("() => [document.documentElement.scrollHeight, innerHeight]")
    assert inner[0] <= inner[1] + 2
    # Emmen's own entries first.
    local = {i["id"] for i in scan_data["instruments"] if i["local"] and "emmen" in i["gemeenten"]}
    # Among offers of the same availability (usable now, later, unknown), Emmen's own come first.
    offers = frame.locator("#more-offers li.offer").evaluate_all(
        "els => els.map(li => [li.querySelector('a').getAttribute('href'), li.querySelector('.offer__facts').textContent])")
    ids = [href.rstrip("/").split("/")[-1] for href, _ in offers]
    rank = lambda facts: 0 if " · Open" in facts else 2 if "Status onbekend" in facts else 1  # noqa: E731
    keys = [(rank(facts), i not in local) for (_, facts), i in zip(offers, ids) if i != "ibdo-intake"]
    assert any(i in local for i in ids), ids  # Emmen's own entries are there …
    assert keys == sorted(keys), ids  # … first within their group
    assert errors == []
    assert foreign_requests([u for u in requests if not u.startswith(host)], site) == []


def test_host_page_cannot_read_the_answers(page, site, host, host_dir, built_site):
    name = host_page(host_dir, "spy.html", site, script_snippet(site, built_site, 'gemeente="assen"'))
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    # Chromium refuses storage to this cross-site frame: the scan must carry on in memory.
    storage = next(f for f in page.frames if f.url.startswith(site)).evaluate(
        "() => { try { sessionStorage.setItem('probe', '1'); return 'allowed'; } catch (e) { return 'refused'; } }")
    assert storage == "refused"
    do_scan(frame, "AABBCCD")
    assert "Starten" in frame.locator("#result-body").inner_text()
    assert page.evaluate("() => document.querySelector('iframe').contentDocument") is None
    seen = page.evaluate("() => window.seen")
    assert seen, "the frame should report its height"
    for message in seen:
        assert '"type":"height"' in message and "CC" not in message  # only a height, never answers
    assert page.evaluate("() => document.cookie") == ""


def test_hardenberg_gets_no_drenthe_only_subsidy(page, site, host, host_dir, built_site):
    name = host_page(host_dir, "hardenberg.html", site, script_snippet(site, built_site, 'gemeente="hardenberg"'))
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    do_scan(frame, "AABAABA")
    body = frame.locator("#result-body")
    assert "instrumenten/adviesvoucher-mkb-drenthe/" not in body.inner_html()
    assert "instrumenten/ibdo-intake/" in body.inner_html()  # the human route is always there


def test_plain_iframe_embed_works(page, site, host, host_dir):
    body = (f'<iframe src="{site}/scan/?gemeente=emmen&amp;accent=%231a5f8c" '
            'title="Zelfscan digitalisering voor ondernemers" loading="lazy"></iframe>')
    name = host_page(host_dir, "iframe.html", site, body)
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    do_scan(frame, "FFFFFFF")
    assert "Transformeren" in frame.locator("#result-body").inner_text()
    # Links into the site open a new tab, not the whole site inside the gemeente's frame.
    links = frame.locator("#result-body a[href], .site-footer a[href]")
    assert links.count() > 3
    for i in range(links.count()):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert "opent in een nieuw tabblad" in links.nth(i).text_content()  # also in a closed section
    assert frame.locator(".skip-link").get_attribute("target") is None


def test_settings_from_the_host_theme_reach_the_frame_and_bad_colours_are_refused(page, site, host, host_dir, built_site):
    warnings = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "info") else None)
    body = ('<div class="theme">' + script_snippet(site, built_site, 'gemeente="atlantis" focus="#ffff00"') + "</div>")
    (host_dir / "theme.css").write_text(".theme { --utrecht-button-primary-action-background-color: #8a1538; "
                                        "--utrecht-document-font-family: Georgia, serif; }", encoding="utf-8")
    name = host_page(host_dir, "theme.html", site, body.replace('<div class="theme">', '<link rel="stylesheet" href="theme.css"><div class="theme">'))
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    src = page.get_attribute("iframe", "src")
    assert "accent=%238a1538" in src and "font=Georgia" in src and "focus=" not in src
    assert any("focus" in w and "contrast" in w for w in warnings), warnings
    accent = frame.locator("[data-action=start]").evaluate("el => getComputedStyle(el).backgroundColor")
    assert accent == "rgb(138, 21, 56)"
    do_scan(frame, "CCCCCCC")  # an unknown gemeente: a message, and a working scan without gemeente
    assert any("atlantis" in w for w in warnings), warnings


def test_two_scans_and_removal_mid_scan_never_throw(page, site, host, host_dir, built_site):
    errors, warnings = [], []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: warnings.append(m.text))
    snippet = script_snippet(site, built_site, 'gemeente="emmen"') + '<drenthe-scan gemeente="assen"></drenthe-scan>'
    name = host_page(host_dir, "two.html", site, snippet)
    page.goto(f"{host}/{name}")
    page.wait_for_function("() => document.querySelectorAll('drenthe-scan iframe').length === 2")
    assert any("2 scans" in w for w in warnings), warnings
    frame = page.frame_locator("drenthe-scan iframe").first
    frame.locator("[data-action=start]").click()
    page.evaluate("() => document.querySelector('drenthe-scan').remove()")
    page.wait_for_timeout(300)
    assert page.locator("drenthe-scan iframe").count() == 1
    assert errors == []


def test_moving_reinserting_or_copying_the_element_keeps_one_iframe_whose_height_follows(page, site, host, host_dir, built_site):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    body = '<div id="here">' + script_snippet(site, built_site, 'gemeente="emmen"') + '</div><div id="there"></div>'
    name = host_page(host_dir, "move.html", site, body)
    page.goto(f"{host}/{name}")
    scan_frame(page)
    page.evaluate("() => document.getElementById('there').appendChild(document.querySelector('drenthe-scan'))")
    page.evaluate("() => { window.kept = document.querySelector('drenthe-scan'); window.kept.remove(); }")
    page.wait_for_timeout(200)
    page.evaluate("() => document.getElementById('here').appendChild(window.kept)")
    page.wait_for_timeout(300)  # the IntersectionObserver would have added a second iframe by now
    assert page.locator("drenthe-scan").count() == 1
    assert page.locator("iframe").count() == 1
    assert page.locator("#here > drenthe-scan > iframe").count() == 1
    # The iframe reloaded with its move; its height still follows the scan inside it.
    frame = scan_frame(page)
    frame.locator("[data-action=start]").click()
    frame.locator("#view-q1:not([hidden]), .view:not([hidden]) input[value=A]").first.wait_for()
    inner = next(f for f in page.frames if f.url.startswith(site))
    page.wait_for_function(
        "(h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) <= 1",
        arg=inner.evaluate("() => Math.ceil(document.documentElement.getBoundingClientRect().height)"), timeout=10000)
    # A copy of the element (cloneNode) brings a copy of the iframe, and gets no second one.
    page.evaluate("() => document.getElementById('there').appendChild(document.querySelector('drenthe-scan').cloneNode(true))")
    page.wait_for_timeout(300)
    assert page.locator("drenthe-scan").count() == 2
    assert page.evaluate("() => [...document.querySelectorAll('drenthe-scan')].map(el => el.querySelectorAll('iframe').length)") == [1, 1]
    assert errors == []


def test_missing_element_gives_a_message(page, site, host, host_dir, built_site):
    warnings = []
    page.on("console", lambda m: warnings.append(m.text))
    snippet = script_snippet(site, built_site, "").split("<drenthe-scan")[0]
    name = host_page(host_dir, "missing.html", site, snippet)
    page.goto(f"{host}/{name}")
    page.wait_for_function("() => customElements.get('drenthe-scan') !== undefined")
    page.wait_for_timeout(200)
    assert any("geen <drenthe-scan>" in w for w in warnings), warnings


def test_axe_on_the_host_page_and_inside_the_frame(page, site, host, host_dir, built_site):
    name = host_page(host_dir, "axe.html", site, script_snippet(site, built_site, 'gemeente="emmen"'))
    page.goto(f"{host}/{name}")
    scan_frame(page)
    axe = Axe()
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
    host_result = axe.run(page, options=options)
    assert host_result.violations_count == 0, host_result.generate_report()
    frame = next(f for f in page.frames if f.url.startswith(site))
    frame_result = axe.run(frame, options=options)
    assert frame_result.violations_count == 0, frame_result.generate_report()


def test_configurator_snippet_works_on_a_blank_page(page, site, host, host_dir):
    page.goto(f"{site}/voor-gemeenten/")
    page.select_option("#dd-gemeente", "hardenberg")
    snippet = page.input_value("#dd-snippet")
    assert "gemeente=\"hardenberg\"" in snippet and "integrity=\"sha384-" in snippet
    # The live preview shows the real scan.
    page.frame_locator("#dd-preview iframe").locator("[data-action=start]").wait_for()
    name = host_page(host_dir, "pasted.html", site, snippet)
    page.goto(f"{host}/{name}")
    frame = scan_frame(page)
    do_scan(frame, "BBBBBBB")
    assert "Starten" in frame.locator("#result-body").inner_text()


def test_configurator_refuses_an_unreadable_colour(page, site):
    page.goto(f"{site}/voor-gemeenten/")
    page.fill("#dd-accent", "#ffff66")
    page.dispatch_event("#dd-accent", "change")
    assert "te weinig contrast" in page.inner_text("#dd-accent-error")
    assert "accent=" not in page.input_value("#dd-snippet")
