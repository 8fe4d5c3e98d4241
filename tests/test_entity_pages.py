"""Partner and instrument pages filled into the shell that mkdocs built (sitegen/engine/entity_pages.py).

The whole-site checks are in test_build.py; these use a small hand-made shell, so each rule of the
filling shows on its own."""
from __future__ import annotations

import json
from datetime import date

import pytest

from sitegen.engine.entity_pages import BODY_END, BODY_START, DESCRIPTION_MARK, SHELL_SLUG, TITLE_MARK, EntityPages

SHELL = (f'<html><head><title>{TITLE_MARK} - Site</title><meta name="description" content="{DESCRIPTION_MARK}">'
         f'<link rel="canonical" href="https://x.example/partners/{SHELL_SLUG}/"></head><body>'
         f'<a href="#dd-shell-title" class="md-skip">Naar de inhoud</a><span>{TITLE_MARK}</span>'
         f'<article>{BODY_START}<h1 id="dd-shell-title">{TITLE_MARK}</h1>{BODY_END}</article></body></html>')


def shell_site(tmp_path, kinds=("partners",), shell=SHELL):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for kind in kinds:
        (site / kind / SHELL_SLUG).mkdir(parents=True)
        (site / kind / SHELL_SLUG / "index.html").write_text(shell.replace("partners/", f"{kind}/"), encoding="utf-8")
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": [
        {"location": f"{kinds[0]}/{SHELL_SLUG}/", "title": TITLE_MARK, "text": ""}]}), encoding="utf-8")
    return docs, site


def test_each_entry_gets_its_own_page_with_escaped_title_and_description(tmp_path):
    docs, site = shell_site(tmp_path)
    pages = EntityPages(docs)
    pages.add("partners", "ibdo", 'IBDO <script>x</script>', 'Helpt "ondernemers"', '<h1 id="ibdo">IBDO</h1><p>Tekst</p>')
    assert EntityPages.fill(docs, site) == 1
    html = (site / "partners" / "ibdo" / "index.html").read_text(encoding="utf-8")
    assert "<title>IBDO &lt;script&gt;x&lt;/script&gt; - Site</title>" in html
    assert 'content="Helpt &quot;ondernemers&quot;"' in html
    assert '<link rel="canonical" href="https://x.example/partners/ibdo/">' in html
    assert '<a href="#ibdo" class="md-skip">' in html
    assert "<article><h1 id=\"ibdo\">IBDO</h1><p>Tekst</p></article>" in html
    assert "<script>" not in html and SHELL_SLUG not in html and TITLE_MARK not in html


def test_the_shell_never_stays_behind_not_even_for_a_kind_without_entries(tmp_path):
    docs, site = shell_site(tmp_path, kinds=("partners", "instrumenten"))
    EntityPages(docs).add("partners", "ibdo", "IBDO", "", '<h1 id="ibdo">IBDO</h1>')
    assert EntityPages.fill(docs, site) == 1
    assert not list(site.glob(f"*/{SHELL_SLUG}"))
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in index["docs"]] == ["partners/ibdo/"]


def test_search_gets_the_page_and_each_section(tmp_path):
    docs, site = shell_site(tmp_path)
    body = ('<h1 id="ibdo">IBDO</h1><p>Eerste &amp; beste loket</p><h2 id="aanbod">Aanbod</h2><p>Intake</p>'
            '<h2 id="bronnen">Bronnen</h2><ul><li>Seed 000</li></ul><script type="application/ld+json">{}</script>')
    EntityPages(docs).add("partners", "ibdo", "IBDO", "", body)
    EntityPages.fill(docs, site)
    docs_ = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs_ == [{"location": "partners/ibdo/", "title": "IBDO", "text": "Eerste &amp; beste loket"},
                     {"location": "partners/ibdo/#aanbod", "title": "Aanbod", "text": "Intake"},
                     {"location": "partners/ibdo/#bronnen", "title": "Bronnen", "text": "Seed 000"}]


def test_a_theme_without_the_markers_stops_the_build_with_a_dutch_message(tmp_path):
    docs, site = shell_site(tmp_path, shell=SHELL.replace(BODY_END, ""))
    EntityPages(docs).add("partners", "ibdo", "IBDO", "", '<h1 id="ibdo">IBDO</h1>')
    with pytest.raises(RuntimeError, match="de paginavorm mist een markering"):
        EntityPages.fill(docs, site)


def test_a_seed_source_shows_its_quote_and_where_the_public_can_read_it():
    from sitegen.data.models import Source
    from sitegen.pages.markdown import _html_environment
    footer = _html_environment().get_template("_entity_footer.html.j2")
    sources = [Source(document="001", lines="2455-2457", quote='Nationale Proeftuin "precisielandbouw" & meer'),
               Source(document="002", lines="7-14", quote="Ik Ben Drents Ondernemer")]
    html = footer.render(sources=sources, last_reviewed=date(2026, 12, 1), stale=False, edit_url="", jsonld="{}", form_url="")
    first, second = html.split("<li>")[1:3]
    assert "regels 2455-2457" in first and "Citaat: <q" in first
    assert "Nationale Proeftuin &#34;precisielandbouw&#34; &amp; meer" in first
    assert 'href="https://www.provincie.drenthe.nl/onderwerpen/economie-ondernemen/economische-koers/digitaliserings/"' in first
    assert "niet online gevonden" in second and "Citaat: <q" in second
