"""Content pages (content/*.md) cannot put raw HTML, foreign links or attributes on the site
(issue 26, finding 3). The lint renders each page as mkdocs does and judges the HTML; each
attack is refused by `check` at the line that causes it."""
from __future__ import annotations

import shutil
from html.parser import HTMLParser

import pytest

from payloads import PAYLOADS
from repo_paths import ROOT, SEEDS, TODAY
from sitegen.build_site import BuildPaths, build, check
from sitegen.data.content_lint import PageRenderer, lint_content, lint_text
from sitegen.data.editor_text import link_problem
from sitegen.errors import DataErrors

REFRESH = '<meta http-equiv="refresh" content="0;url=https://elders.example/">'
# The issue's payload: a lone fence, then a meta refresh. Python-Markdown keeps the fence as text.
ISSUE_PAYLOAD = "\n```\n" + REFRESH + "\n"

# (name, Markdown). Each is put on line 5 of a small page; every problem must be on its own lines.
ATTACKS = [
    ("unclosed-fence-meta", "```\n" + REFRESH),
    ("nested-tilde-fences-base", '~~~~\n```\n~~~\n<base href="https://elders.example/">'),
    ("fence-in-fence-link", '```yaml\n~~~\n```\n<link rel="stylesheet" href="https://elders.example/x.css">'),
    ("iframe", '<iframe src="https://elders.example/"></iframe>'),
    ("object", '<object data="https://elders.example/x.swf"></object>'),
    ("embed", '<embed src="https://elders.example/x">'),
    ("form", '<form action="https://elders.example/"><input name="q"></form>'),
    ("script", "<script>alert(1)</script>"),
    ("style-element", "<style>body{display:none}</style>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("inline-span-style", 'Tekst <span style="color:red">rood</span> tekst.'),
    ("details-ontoggle", "<details open ontoggle=alert(1)>x</details>"),
    ("textarea", "<textarea>" + REFRESH + "</textarea>"),
    ("meta-uppercase", '<META HTTP-EQUIV=refresh CONTENT="0;url=https://elders.example/">'),
    ("meta-slash", "<meta/http-equiv=refresh content=0>"),
    ("base-protocol-relative", "<base href=//elders.example/>"),
    ("img-onerror", "<img src=x onerror=alert(1)>"),
    ("image", "![x](https://elders.example/p.gif)"),
    ("raw-link-onclick", '<a href="https://www.drenthe.nl/" onclick="alert(1)">x</a>'),
    ("raw-paragraph", "<p>gewone html</p>"),
    ("raw-tag-split-over-lines", '<a href="https://www.drenthe.nl/"\nonclick=alert(1)>x</a>'),
    ("raw-div-markdown", '<div markdown="1">*x*</div>'),
    ("processing-instruction", "<?php echo 1 ?>"),
    ("doctype", "<!doctype html>"),
    ("cdata", '<![CDATA[<meta http-equiv="refresh" content="0">]]>'),
    ("comment-abrupt", "<!-->" + REFRESH + " -->"),
    ("comment-bang-close", "<!-- x --!>" + REFRESH + " -->"),
    ("html-after-list", "- punt\n- punt\n\n" + REFRESH),
    ("html-right-after-text", "Tekst\n" + REFRESH),
    ("html-in-list-item", '- punt\n\n    <iframe src="https://elders.example/"></iframe>'),
    ("html-in-table", '| a | b |\n|---|---|\n| <iframe src="https://elders.example/"></iframe> | 2 |'),
    ("html-in-admonition", '!!! note "Let op"\n    ' + REFRESH),
    ("html-in-admonition-title", '!!! note "<img src=x onerror=alert(1)>"\n    Tekst.'),
    ("html-in-definition", "Term\n:   <script>alert(1)</script>"),
    ("html-in-quote", '> citaat\n> <iframe src="https://elders.example/"></iframe>'),
    ("admonition-foreign-class", '!!! md-dialog "x"\n    Tekst.'),
    ("table-alignment-style", "| a | b |\n|:--|--:|\n| 1 | 2 |"),
    ("attr-list-onclick", '[klik](https://www.drenthe.nl/){: onclick="alert(1)" }'),
    ("attr-list-heading-autofocus", "## Kop { onfocus=alert(1) autofocus }"),
    ("attr-list-style", '[x](https://www.drenthe.nl/){: style="position:fixed" }'),
    ("attr-list-href", '[x](https://www.drenthe.nl/){: href="javascript:alert(1)" }'),
    ("attr-list-target", "[x](https://www.drenthe.nl/){: target=_blank }"),
    ("attr-list-theme-id", "## Kop { #__search }"),
    ("attr-list-paragraph-class", "Tekst\n{: .md-dialog }"),
    ("raw-link-tab-entity", '<a href="java&#x09;script:alert(1)">x</a>'),
    ("link-tab-entity", "[klik](java&#x09;script:alert(1))"),
    ("link-data", "[klik](data:text/html;base64,PHNjcmlwdD4=)"),
    ("link-angle-javascript", "[a](<javascript:alert(1)>)"),
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("reference-javascript", "[klik][1]\n\n[1]: javascript:alert(1)"),
    ("reference-unused-data", "[1]: data:text/html,x"),
    ("link-http", "[klik](http://elders.example/)"),
]

# Pages that look like an attack but render as text or code: the lint lets them pass.
INERT = [
    "Tekst &#60;meta http-equiv=refresh&#62; en &lt;b&gt;",
    "\t" + REFRESH,
    "`" + REFRESH + "`",
    "```html\n" + REFRESH + "\n```",
    "~~~\n<script>alert(1)</script>\n~~~",
    "Tekst < en > en <a",
    "Tekst {: .andere-klasse } in een zin",
    "[klik][1]\n\n[1]: https://www.drenthe.nl/ \"x\" onclick=\"y\"",
]

FINE = """# Kop { #kop }

[Doe de scan](scan.md){ .md-button .md-button--primary } of [lees meer](https://www.drenthe.nl/pad?a=1&b=2).

<!-- een opmerking voor de redactie -->

!!! tip "Goed om te weten"
    Tekst in een *kader*.

Term
:   Uitleg van de term, met `code <b>`.

| Naam | Wat |
|---|---|
| IBDO | Advies |

1. een
2. twee

> Een citaat.

Mail [ons](mailto:info@example.nl) of bel [050 123 4567](tel:+31501234567). Zie [hieronder](#kop) &amp; verder.

```yaml
- {text: "<b>"}
```
"""


def _page(payload: str) -> str:
    return f"# Titel\n\nEen zin.\n\n{payload}\n\nNog een zin.\n"


@pytest.mark.parametrize("payload", [p for _, p in ATTACKS], ids=[n for n, _ in ATTACKS])
def test_an_attack_on_a_content_page_is_refused_at_its_line(payload):
    errors = lint_text(_page(payload), "content/pagina.md")
    payload_lines = range(5, 5 + payload.count("\n") + 1)
    assert errors, "niet geweigerd"
    assert all(e.file == "content/pagina.md" and e.line in payload_lines for e in errors), errors


def test_there_are_at_least_40_content_attacks():
    assert len(ATTACKS) >= 40


@pytest.mark.parametrize("payload", INERT)
def test_text_that_only_looks_like_html_passes(payload):
    assert lint_text(_page(payload), "content/pagina.md") == []


def test_everything_the_allowed_markdown_makes_passes():
    assert lint_text(FINE, "content/pagina.md") == []


def test_the_real_content_pages_pass():
    assert lint_content(ROOT / "content") == []


def test_the_line_is_the_one_that_causes_it_even_far_from_where_it_shows():
    # The link is on line 3, its address on line 9: the address is the editor's mistake.
    text = "# Titel\n\nZie [de pagina][bron].\n\nTekst.\n\nMeer tekst.\n\n[bron]: javascript:alert(1)\n"
    assert [(e.line, "javascript" in e.message) for e in lint_text(text, "content/p.md")] == [(9, True)]
    # The same tag twice: each report at its own line.
    text = "# Titel\n\n" + REFRESH + "\n\nTekst.\n\n" + REFRESH + "\n"
    assert sorted(e.line for e in lint_text(text, "content/p.md")) == [3, 7]


def test_the_lint_renders_with_mkdocs_yml_s_own_extensions(tmp_path):
    # abbr makes <abbr title> from '*[HTML]: …'. Without it, that line is plain text.
    (tmp_path / "content").mkdir()
    (tmp_path / "overrides").mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - def_list\n", "  - def_list\n  - abbr\n")
    assert "abbr" in config
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    text = "# Titel\n\nEen HTML-pagina.\n\n*[HTML]: Hypertext Markup Language\n"
    assert lint_text(text, "content/p.md") == []
    errors = lint_text(text, "content/p.md", tmp_path / "mkdocs.yml")
    assert [e.line for e in errors] == [3] and "<abbr>" in errors[0].message


def test_the_renderer_is_mkdocs_s_markdown():
    import markdown
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    expected = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    text = FINE + "\n```\n" + REFRESH + "\n"
    renderer = PageRenderer(ROOT / "mkdocs.yml")
    renderer.findings(text)
    assert renderer._md.convert(text) == expected.convert(text)


def test_a_broken_mkdocs_yml_is_a_dutch_message_not_a_traceback(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions:\n  - bestaat_niet\n", encoding="utf-8")
    (tmp_path / "content").mkdir()
    errors = lint_content(tmp_path / "content", tmp_path / "mkdocs.yml")
    assert [(e.file, e.line) for e in errors] == [("mkdocs.yml", 1)] and "niet lezen" in errors[0].message


@pytest.fixture
def content_with_issue_payload(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    over = content / "over.md"
    original = over.read_text(encoding="utf-8")
    over.write_text(original + ISSUE_PAYLOAD, encoding="utf-8")
    return content, original.count("\n") + 3  # the line of the meta refresh


def test_check_refuses_the_issue_payload_at_its_line(content_with_issue_payload):
    content, line = content_with_issue_payload
    with pytest.raises(DataErrors) as caught:
        check(BuildPaths(content_dir=content, seeds_dir=SEEDS), TODAY)
    assert [(e.file, e.line) for e in caught.value.errors] == [("content/over.md", line)]
    assert "<meta>" in caught.value.errors[0].message


def test_the_build_stops_before_the_payload_reaches_a_page(content_with_issue_payload, tmp_path):
    content, _ = content_with_issue_payload
    out = tmp_path / "site"
    with pytest.raises(DataErrors):
        build(out, TODAY, BuildPaths(content_dir=content, seeds_dir=SEEDS), quiet=True, work_dir=tmp_path / "work")
    assert not out.exists()


@pytest.mark.parametrize("name, payload", PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_the_editors_payloads_on_a_content_page_are_refused_or_render_as_text(name, payload):
    """The attack texts of the data fields (tests/payloads.py), now on a content page: the lint
    refuses each, or what mkdocs's renderer makes of it holds no markup beyond text and a safe link."""
    text = _page(payload)
    if lint_text(text, "content/pagina.md"):
        return
    renderer = PageRenderer(ROOT / "mkdocs.yml")
    renderer.findings(text)
    tags = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, dict(attrs)))
    parser.feed(renderer._md.convert(text))
    for tag, attrs in tags:
        assert tag in {"h1", "p", "a"}, (tag, attrs)
        assert set(attrs) <= {"id", "href", "title"}, attrs
        assert link_problem(attrs.get("href", "")) is None, attrs


def test_finding_the_line_has_a_bounded_cost(monkeypatch):
    """A definition written twice: no single removal clears it, so the blame would try every line
    for every problem. The renders per page are capped; the problem is still reported, at the
    first line that names it."""
    from sitegen.data import content_lint

    calls = []
    original = content_lint.PageRenderer.findings
    monkeypatch.setattr(content_lint.PageRenderer, "findings", lambda self, text: calls.append(1) or original(self, text))
    filler = "".join(f"Zin {n}.\n\n" for n in range(250))
    text = "# Titel\n\n[r]: javascript:alert(1)\n[r]: javascript:alert(1)\n\n" + filler
    errors = lint_text(text, "content/p.md")
    assert errors and errors[0].line == 3
    assert len(calls) < text.count("\n") * 0.7  # well below one render per line
