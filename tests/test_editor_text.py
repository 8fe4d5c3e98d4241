"""The one renderer for editors' text (sitegen/editor_text.py) and the content/ lint (issue 14).

For every attack text: `problems()` (what `build.py check` reports) refuses it with a Dutch
message that says what to write, and `render()` (should the check be bypassed) gives HTML with
no event handler, no image, no attribute beyond href, and no href outside the allowlist.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from payloads import FINE, PAYLOADS
from sitegen.data import editor_text
from sitegen.data.content_lint import lint_page

# Plain texts an attacker could mean as markup, but that show as text: refusing them is not needed.
SHOWN_AS_TEXT = {"html-entity-tag"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def assert_harmless(html: str) -> None:
    for tag, attrs in tags_of(html):
        assert tag in {"p", "em", "strong", "ul", "ol", "li", "a", "br"}, (tag, html)
        assert set(attrs) <= {"href", "start"}, (tag, attrs)
        if "href" in attrs:
            href = attrs["href"]
            assert re.match(r"^(https://[^/\\]|mailto:|tel:|/[^/\\]|#|[a-z0-9._-]+(/|\.md|$))", href), href


def test_there_are_at_least_25_payloads():
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("name,text", PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_check_refuses_each_payload_and_says_what_to_write(name, text):
    found = editor_text.problems(text)
    if name in SHOWN_AS_TEXT:
        assert found == []
        return
    assert found, f"{name}: check would accept {text!r}"
    for message in found:
        assert re.search(r"schrijf|haal|zet", message), message  # each says what to do instead


@pytest.mark.parametrize("name,text", PAYLOADS, ids=[n for n, _ in PAYLOADS])
def test_render_of_each_payload_is_harmless(name, text):
    assert_harmless(str(editor_text.render(text)))


@pytest.mark.parametrize("text", FINE)
def test_the_markdown_subset_still_renders(text):
    assert editor_text.problems(text) == []
    html = str(editor_text.render(text))
    assert_harmless(html)
    assert "<a href=" in html or "<ul>" in html


def test_the_subset_gives_emphasis_lists_and_links():
    html = str(editor_text.render(FINE[0] + "\n\n" + FINE[1]))
    assert "<em>nadruk</em>" in html and "<strong>sterk</strong>" in html
    assert '<a href="https://www.drenthe.nl/pad?a=1&amp;b=2">link</a>' in html
    assert html.count("<li>") == 4 and "<ol>" in html


@pytest.mark.parametrize("url", ["https://www.drenthe.nl/", "/partners/ibdo/", "../ladder/", "#bronnen",
                                 "mailto:info@example.nl", "tel:+31501234567", "index.md"])
def test_allowlisted_links(url):
    assert editor_text.link_problem(url) is None


@pytest.mark.parametrize("url", ["http://x.nl/", "HTTPS://x.nl/", "https:x.nl", "//x.nl", "/\\x.nl", "ftp://x.nl",
                                 "java\nscript:alert(1)", "javascript:alert(1)", " javascript:alert(1)",
                                 "&#106;avascript:alert(1)", "%6Aavascript:alert(1)", "&#47;&#47;x.nl",
                                 "%2F%2Fx.nl", "tel:javascript:alert(1)", "data:image/png;base64,AA=="])
def test_links_off_the_allowlist(url):
    assert editor_text.link_problem(url)


def test_short_text_is_inert_in_generated_markdown():
    import markdown
    inert = editor_text.markdown_inert("1. Oriënteren {: onclick=alert(1) } [x](javascript:alert(2)) <b> *a* | b")
    html = markdown.markdown(f"# {inert}\n\n| a |\n|---|\n| {inert} |", extensions=["attr_list", "tables"])
    assert all(not name.startswith("on") for _, attrs in tags_of(html) for name in attrs), html
    assert "<a " not in html and "<b>" not in html and "<em>" not in html and "<ol>" not in html


def _page(tmp_path, text):
    path = tmp_path / "pagina.md"
    path.write_text(text, encoding="utf-8")
    return lint_page(path, "content/pagina.md")


def test_content_page_may_use_only_id_and_md_button_attribute_lists(tmp_path):
    fine = "# Kop { #kop }\n\n[Doe de scan](scan.md){ .md-button .md-button--primary }\n\n<!-- opmerking -->\n"
    assert _page(tmp_path, fine) == []
    errors = _page(tmp_path, fine + "\nTekst\n\n[x](https://www.drenthe.nl/){ onclick=alert(1) }\n")
    assert [(e.file, e.line) for e in errors] == [("content/pagina.md", 9)]
    assert "{ #anker }" in errors[0].message


@pytest.mark.parametrize("line", ["[klik](java\tscript:alert(1))", "<img src=x onerror=alert(1)>",
                                  "![x](https://elders.example/p.gif)", "[1]: javascript:alert(1)",
                                  "[Tekst](https://www.drenthe.nl/){: .andere-klasse }",
                                  "[klik](//elders.example/)"])
def test_content_page_refuses_at_its_line(tmp_path, line):
    errors = _page(tmp_path, f"# Titel\n\nEen zin.\n\n{line}\n")
    assert errors and all(e.line == 5 for e in errors), errors


def test_code_in_a_content_page_is_not_markup(tmp_path):
    assert _page(tmp_path, "Schrijf `{onclick=x}` niet.\n\n```yaml\n- {text: \"<b>\"}\n```\n") == []
