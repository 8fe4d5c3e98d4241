"""The audit of every built page (issue 26, finding 3): what no template of ours and no allowed
Markdown emits stops the build with the built file and line, on editor pages and generated
pages alike; the real site has nothing to report."""
from __future__ import annotations

import re

import pytest

from repo_paths import SEEDS, TODAY
from sitegen import build_site
from sitegen.build_site import BuildPaths, build
from sitegen.engine.html_audit import audit_page, audit_site, comment_problems, theme_inline_scripts
from sitegen.errors import BuildError

REFRESH = '<meta http-equiv="refresh" content="0;url=https://elders.example/">'
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')

# Inside the content of a Material page (an editor page and a partner page made from the data).
IN_CONTENT = [
    REFRESH,
    '<base href="https://elders.example/">',
    '<link rel="stylesheet" href="https://elders.example/x.css">',
    '<link rel="stylesheet" href="../assets/site.css">',
    '<iframe src="https://elders.example/"></iframe>',
    '<object data="https://elders.example/x.swf"></object>',
    '<embed src="https://elders.example/x">',
    '<form action="https://elders.example/"><input name="wachtwoord"></form>',
    "<script>alert(1)</script>",
    '<script src="../assets/javascripts/bundle.js"></script>',
    '<script type="module" src="../assets/configurator.mjs"></script>',
    '<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))</script>',
    "<style>body{display:none}</style>",
    '<p style="position:fixed;inset:0">x</p>',
    "<p onclick=alert(1)>x</p>",
    "<svg onload=alert(1)></svg>",
    '<svg><use href="https://elders.example/#x"/></svg>',
    "<math><mi>x</mi></math>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="java&#x09;script:alert(1)">x</a>',
    '<a href="data:text/html,x">x</a>',
    '<a href="https://www.drenthe.nl/" target="_blank">x</a>',
    "<img src=x onerror=alert(1)>",
    '<img src="https://elders.example/p.gif" alt="">',
    "<input autofocus onfocus=alert(1)>",
    "<textarea>x</textarea>",
    "<!-->" + REFRESH + " -->",
    "<!-- x --!>" + REFRESH + " -->",
    "<![CDATA[x]]>",
    '</article><form action="https://elders.example/"><input name="wachtwoord"></form><article>',
    '</p></p></div></div></div><form class="md-search__form" name="search"><input type="text" name="q"></form>',
    '<div/><span/></div></div><input class="md-search__input" type="text" name="query">',
    "</article>" + REFRESH,
    "<details open ontoggle=alert(1)>x</details>",
    '<div class="md-dialog">x</div>',
    '<script type="application/ld+json">{"x": </script>',
    '<h2 id="__search">x</h2>',
    '<p class="admonition-title" onclick="alert(1)">x</p>',
    '<q class="dd-quote" title="x">x</q>',
    '<th scope="col" onclick="alert(1)">x</th>',
    '<td class="witte-vlek md-dialog">x</td>',
    "<?xml x?>",
]

# Outside the content: in the head or the body of a Material page.
IN_HEAD = [
    REFRESH,
    '<base href="https://elders.example/">',
    '<link rel="stylesheet" href="https://elders.example/x.css">',
    '<link rel="preload" href="../assets/x.js">',
    "<script>alert(1)</script>",
    '<script src="https://elders.example/x.js"></script>',
    '<script src="//elders.example/x.js"></script>',
    '<meta name="referrer" content="unsafe-url">',
    '<script type="text/plain">x</script>',
    "<style>body{display:none}</style>",
]
IN_BODY = [
    '<iframe src="https://elders.example/"></iframe>',
    '<form class="md-search__form" name="search" action="https://elders.example/"></form>',
    '<meta charset="utf-8">',
    '<div class="md-header" onclick="alert(1)">x</div>',
    '<a href="javascript:alert(1)" class="md-nav__link">x</a>',
    '<svg viewbox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg viewbox="0 0 1 1" xmlns="http://www.w3.org/2000/svg"><foreignobject></foreignobject></svg>',
]
# The configurator's page allows its own form, not a form that leaves the site.
IN_CONFIGURATOR = [
    '<form class="dd-configurator__form" action="https://elders.example/"></form>',
    '<select id="x" name="x" onchange="alert(1)"></select>',
    '<button type="submit" formaction="https://elders.example/">x</button>',
    '<input id="x" name="x" type="password">',
]
# The scan page (our own template, no Material).
IN_SCAN_MAIN = [
    "<script>alert(1)</script>",
    '<iframe src="https://elders.example/"></iframe>',
    "<style>main{display:none}</style>",
    "<img src=x>",
    '<a href="javascript:alert(1)">x</a>',
    '<form action="https://elders.example/"></form>',
    REFRESH,
    '<button type="button" onclick="alert(1)">x</button>',
]
IN_SCAN_HEAD = [REFRESH, '<base href="https://elders.example/">',
                '<link rel="stylesheet" href="https://elders.example/x.css">',
                '<script src="https://elders.example/x.js"></script>']


def _insert(html: str, at: int, payload: str) -> tuple[str, int]:
    """payload on a line of its own at position `at`; returns the page and that line."""
    return html[:at] + "\n" + payload + "\n" + html[at:], html.count("\n", 0, at) + 2


def _assert_stopped_at(html: str, where: str, line: int) -> None:
    problems = audit_page(html, where)
    assert problems, "niet gevonden"
    assert {(p.file, p.line) for p in problems} == {(where, line)}, problems


@pytest.fixture(scope="module")
def pages(built_site):
    read = lambda path: (built_site / path).read_text(encoding="utf-8")  # noqa: E731
    return {name: read(name) for name in ("over/index.html", "partners/ibdo/index.html",
                                          "voor-gemeenten/index.html", "scan/index.html", "index.html",
                                          "monitor/index.html")}


def test_the_real_site_has_nothing_to_report(built_site):
    assert audit_site(built_site) == sum(1 for _ in built_site.rglob("*.html"))


def test_the_theme_s_inline_scripts_are_read_from_its_templates(pages):
    patterns = theme_inline_scripts()
    assert len(patterns) >= 3
    bodies = re.findall(r"<script>(.*?)</script>", pages["partners/ibdo/index.html"], re.S)
    assert bodies and all(any(p.fullmatch(b) for p in patterns) for b in bodies)
    assert not any(p.fullmatch(bodies[0] + ";alert(1)") for p in patterns)


@pytest.mark.parametrize("page", ["over/index.html", "partners/ibdo/index.html", "index.html"])
@pytest.mark.parametrize("payload", IN_CONTENT)
def test_foreign_html_in_the_content_stops_at_its_line(pages, page, payload):
    html, line = _insert(pages[page], ARTICLE.search(pages[page]).end(), payload)
    _assert_stopped_at(html, page, line)


@pytest.mark.parametrize("payload", IN_HEAD)
def test_foreign_html_in_the_head_stops_at_its_line(pages, payload):
    html, line = _insert(pages["over/index.html"], pages["over/index.html"].index("</head>"), payload)
    _assert_stopped_at(html, "over/index.html", line)


@pytest.mark.parametrize("payload", IN_BODY)
def test_foreign_html_around_the_content_stops_at_its_line(pages, payload):
    html, line = _insert(pages["partners/ibdo/index.html"], pages["partners/ibdo/index.html"].rindex("</body>"), payload)
    _assert_stopped_at(html, "partners/ibdo/index.html", line)


@pytest.mark.parametrize("payload", IN_CONFIGURATOR)
def test_the_configurator_page_allows_only_its_own_form(pages, payload):
    html = pages["voor-gemeenten/index.html"]
    html, line = _insert(html, ARTICLE.search(html).end(), payload)
    _assert_stopped_at(html, "voor-gemeenten/index.html", line)


def test_the_configurator_s_form_is_only_allowed_on_its_page(pages):
    form = re.search(r'<form class="dd-configurator__form".*?</form>', pages["voor-gemeenten/index.html"], re.S).group(0)
    html = pages["over/index.html"]
    problems = audit_page(_insert(html, ARTICLE.search(html).end(), form)[0], "over/index.html")
    assert any("<form>" in p.message for p in problems), problems


@pytest.mark.parametrize("payload", IN_SCAN_MAIN)
def test_foreign_html_on_the_scan_page_stops_at_its_line(pages, payload):
    html = pages["scan/index.html"]
    html, line = _insert(html, re.search(r"<main[^>]*>", html).end(), payload)
    _assert_stopped_at(html, "scan/index.html", line)


@pytest.mark.parametrize("payload", IN_SCAN_HEAD)
def test_foreign_html_in_the_scan_page_s_head_stops_at_its_line(pages, payload):
    html = pages["scan/index.html"]
    html, line = _insert(html, html.index("</head>"), payload)
    _assert_stopped_at(html, "scan/index.html", line)


def test_a_theme_page_s_form_or_input_is_not_allowed_in_the_content_of_the_scan_page_either(pages):
    html = pages["scan/index.html"]
    html, line = _insert(html, re.search(r"<main[^>]*>", html).end(), '<input type="password" name="p">')
    _assert_stopped_at(html, "scan/index.html", line)


def test_comments_that_a_browser_ends_elsewhere_are_found():
    assert comment_problems("a\n<!-- fijn -->\nb") == []
    assert comment_problems("a\n<!-->x") == [2]
    assert comment_problems("<!--->x -->") == [1]
    assert comment_problems("a\n\n<!-- x --!> y -->") == [3]
    assert comment_problems("<!-- a <!-- b -->") == [1]
    assert comment_problems("<!-- nooit dicht") == [1]


def test_the_build_stops_on_an_injected_page_and_keeps_the_old_site(tmp_path, monkeypatch):
    """A step after mkdocs that puts foreign HTML into an editor page and a page from the data:
    the build stops with both files and their lines, and the site already there is untouched."""
    payloads = {"over/index.html": REFRESH, "partners/ibdo/index.html": "<iframe src=x></iframe>"}

    def inject(dataset, site_dir, today, paths, settings):
        # Stands in for the scan step (left out: it takes a minute), which replaces the page mkdocs
        # made from content/scan.md with our own scan page.
        (site_dir / "scan" / "index.html").unlink()
        for page, payload in payloads.items():
            path = site_dir / page
            html = path.read_text(encoding="utf-8")
            path.write_text(_insert(html, ARTICLE.search(html).end(), payload)[0], encoding="utf-8")
        return "ingevoegd"

    monkeypatch.setattr(build_site, "EXTRA_STEPS", [inject])
    out = tmp_path / "site"
    out.mkdir()
    (out / "oud.txt").write_text("de vorige site", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(out, TODAY, BuildPaths(seeds_dir=SEEDS), quiet=True, work_dir=tmp_path / "work")
    message = str(caught.value)
    reported = dict(re.findall(r"^\s*(\S+\.html):(\d+):", message, re.M))
    assert set(reported) == set(payloads), message
    # The line is that of the page as built (the CSP step has added its meta above it): the
    # message says where those pages are, and the line there holds the foreign HTML.
    staged = tmp_path / "work" / "staging-site" / "site"
    assert str(staged) in message
    for page, payload in payloads.items():
        lines = (staged / page).read_text(encoding="utf-8").split("\n")
        assert lines[int(reported[page]) - 1] == payload
    assert [p.name for p in out.iterdir()] == ["oud.txt"]


def test_a_canonical_link_goes_only_to_the_site_s_own_address(pages):
    html = pages["over/index.html"]
    page, line = _insert(html, html.index("</head>"), '<link rel="canonical" href="https://drenthe.example.org/over/">')
    assert audit_page(page, "over/index.html", site_url="https://drenthe.example.org") == []
    _assert_stopped_at(page, "over/index.html", line)  # no site_url: no canonical link either
    assert [p.line for p in audit_page(page, "over/index.html", site_url="https://drenthe.example.org.elders.example/")] == [line]


def test_a_description_with_quotes_stays_inside_its_meta_attribute():
    """Found by the audit in the payload build: Material writes page.meta.description unescaped
    into <meta name="description" content="…">, so a " in a ladder step's meaning opened new
    attributes (an http-equiv refresh, for one)."""
    from html.parser import HTMLParser

    import yaml

    from sitegen.pages.markdown import yaml_string

    evil = 'Tekst" http-equiv="refresh" content="0;url=https://elders.example/'
    value = yaml.safe_load(f'description: "{yaml_string(evil)}"')["description"]
    seen = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: seen.append(attrs)
    parser.feed(f'<meta name="description" content="{value}">')  # as Material's base.html writes it
    assert seen == [[("name", "description"), ("content", evil)]]


def _chart(fill: str = "#1a4f7a", extra: str = "") -> str:
    from sitegen.pages.monitor_chart import trend_svg
    svg = trend_svg("t", "Bereik", [("2026-K1", 12), ("2026-K2", "<5")])
    return svg.replace('fill="#1a4f7a"', f'fill="{fill}"').replace("<desc", extra + "<desc", 1)


def test_the_monitor_s_chart_is_allowed_on_the_monitor_pages_only(pages):
    for where in ("monitor/index.html", "monitor/2027/index.html"):
        html = pages["monitor/index.html"]
        assert audit_page(_insert(html, ARTICLE.search(html).end(), _chart())[0], where) == []
    html = pages["over/index.html"]
    problems = audit_page(_insert(html, ARTICLE.search(html).end(), _chart())[0], "over/index.html")
    assert any("<svg>" in p.message for p in problems) and any("<title>" in p.message for p in problems), problems


@pytest.mark.parametrize("fill, extra", [("url(https://elders.example/x.svg#a)", ""), ("#1a4f7a", '<image href="x.png"/>'),
                                          ("#1a4f7a", '<foreignObject><p>x</p></foreignObject>'), ("#1a4f7a", '<use href="#t-title"/>')])
def test_a_chart_with_another_colour_or_element_stops_the_build(pages, fill, extra):
    html = pages["monitor/index.html"]
    html, line = _insert(html, ARTICLE.search(html).end(), _chart(fill, extra))
    assert audit_page(html, "monitor/index.html"), (fill, extra)
