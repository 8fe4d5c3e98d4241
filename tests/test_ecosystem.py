"""Pages for policy makers: the ecosystem map (white spots), local offer per gemeente, the glossary."""
from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sitegen.engine.deferred import DEFERRED_DIR
from repo_paths import TODAY
from sitegen.pages.ecosystem import Cell, EcosystemWriter, current_offer, write_ecosystem
from sitegen.data.settings import SiteSettings


@pytest.fixture
def writer(dataset, tmp_path) -> EcosystemWriter:
    return EcosystemWriter(dataset, tmp_path, TODAY, SiteSettings())


def cell(m, row_label: str, column_label: str) -> Cell:
    col = [label for label, _ in m.columns].index(column_label)
    return next(cells[col] for label, _, cells in m.rows if label == row_label)


def test_a_cell_counts_the_open_offer_for_that_step_and_theme(writer, dataset):
    m = writer.step_theme()
    step, theme = dataset.ladder.steps[2], dataset.ladder.themes[0]
    expected = {i.id for i in current_offer(dataset, TODAY) if step.slug in i.steps and theme.slug in i.themes}
    assert {i.id for i in cell(m, step.name, theme.name).instruments} == expected
    assert len(m.rows) == 6 and len(m.columns) == len(dataset.ladder.themes)


def test_empty_cells_say_witte_vlek_in_words(writer):
    m = writer.step_activity()
    empty = [c for c in m.cells if not c.instruments]
    assert empty, "in the real data some step × activity combinations have no offer"
    assert all(">witte vlek</a></td>" in c.html() for c in empty)
    assert m.white_spots == len(empty)


def test_a_white_spot_links_to_the_help_finder_with_that_cells_filters(writer):
    """Issue 24: from a white spot a policy maker or adviser sees what there is nearby."""
    m = writer.step_activity()
    row_label, _, cells = m.rows[0]
    for (column, _), c in zip(m.columns, cells):
        if not c.instruments:
            assert c.href.startswith("../vind-hulp/?trede=orienteren&activiteit="), c.href
            href = c.href.replace("&", "&amp;")
            assert f'<td class="witte-vlek" data-label="{column}"><a href="{href}">witte vlek</a></td>' in m.html()
            break
    else:
        pytest.skip("de eerste trede heeft geen witte vlek in deze gegevens")


def test_editor_classification_is_marked_in_the_count(dataset):
    estimated = [i for i in dataset.instruments if i.classification == "redactie"][:2]
    sourced = [i for i in dataset.instruments if i.classification == "bron"][:1]
    html = Cell(estimated + sourced, "x/").html()
    assert html == '<td><a href="x/">3</a> (2 redactie)</td>'
    assert "redactie" not in Cell(sourced, "x/").html()


def test_a_closed_subsidy_does_not_fill_a_white_spot(dataset, tmp_path):
    ins = next(i for i in dataset.instruments if i.status == "open")
    closed = ins.model_copy(update={"open_from": None, "open_until": TODAY - timedelta(days=1)})
    index = dataset.instruments.index(ins)
    dataset.instruments[index] = closed
    try:
        ids = {i.id for i in current_offer(dataset, TODAY)}
        m = EcosystemWriter(dataset, tmp_path, TODAY, SiteSettings()).step_theme()
    finally:
        dataset.instruments[index] = ins
    assert ins.id not in ids
    assert all(ins.id not in {i.id for i in c.instruments} for c in m.cells)


def test_the_table_is_accessible_html(writer):
    html = writer.step_theme().html()
    assert "<caption>" in html
    assert html.count('<th scope="row">') == 6
    assert '<th scope="col">Trede</th>' in html
    assert "\n\n" not in html  # one raw HTML block for Markdown


def test_gemeente_counts_only_instruments_that_name_the_gemeente(writer, dataset):
    steps, _ = writer.gemeente_matrices()
    for g in dataset.regions.gemeenten:
        row = next(cells for label, _, cells in steps.rows if label == g.name)
        for s, c in zip(dataset.ladder.steps, row):
            expected = {i.id for i in current_offer(dataset, TODAY) if g.slug in i.regions and s.slug in i.steps}
            assert {i.id for i in c.instruments} == expected, (g.slug, s.slug)
    regional = next(i for i in dataset.instruments if i.regions == ["drenthe"])
    assert all(regional not in c.instruments for c in steps.cells)


def test_each_filled_cell_has_a_list_page(dataset, tmp_path):
    written = write_ecosystem(dataset, tmp_path, TODAY, SiteSettings())
    writer = EcosystemWriter(dataset, tmp_path, TODAY, SiteSettings())
    for m in (writer.step_theme(), writer.step_activity()):
        for c in m.cells:
            if c.instruments:
                page = tmp_path / "ecosysteem" / (c.href.rstrip("/") + ".md")
                assert page in written
                # The list itself skips Markdown and waits beside the docs (sitegen.engine.deferred.DeferredHtml).
                rel = page.relative_to(tmp_path).as_posix()
                deferred = tmp_path / DEFERRED_DIR
                text = "".join(f.with_suffix(".html").read_text(encoding="utf-8")
                               for f in deferred.glob("*.page") if f.read_text(encoding="utf-8") == rel)
                assert all(f"instrumenten/{i.id}/" in text for i in c.instruments)


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.in_article, self.text = [], False, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article = True
        if tag == "a" and self.in_article:
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article = False

    def handle_data(self, data):
        if self.in_article:
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.mark.parametrize("rel", ["ecosysteem/index.html", "ecosysteem/gemeenten/index.html"])
def test_every_link_on_the_map_pages_works(built_site, rel):
    path = built_site / rel
    page = parse(path)
    assert len(page.hrefs) > 20
    for href in page.hrefs:
        if href.startswith(("http", "#", "mailto:")):
            continue
        target = (path.parent / href.split("#")[0].split("?")[0]).resolve()  # ?…: the finder's filters
        assert (target / "index.html").is_file() or target.is_file(), href
    assert "witte vlek" in " ".join(page.text)


def test_the_map_is_in_the_navigation_under_voor_beleid(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    for label in ("Voor beleid", "Ecosysteemkaart", "Open data", "Begrippenlijst"):
        assert label in nav
    assert "treden-themas" not in nav


def test_glossary_cites_its_source_and_carries_the_corrections(built_site):
    text = " ".join(parse(built_site / "begrippen" / "index.html").text)
    text = re.sub(r"\s+", " ", text)
    assert "regels 5536-5624" in text
    assert "statistische analyse" in text and "door statische analyse" not in text
    mining = text.split("Process mining", 1)[1].split("Cybersecurity", 1)[0]
    assert mining.strip().startswith("Het in kaart brengen")
    for term in ("Digitale transformatie", "Cloud computing", "Internet of things (IoT)", "Blockchain"):
        assert term in text


def test_the_gemeente_pages_count_and_list_only_the_offer_that_is_not_closed(dataset, tmp_path):
    """Like the map: 'Aanbod per gemeente' leaves out what a firm can no longer use."""
    import re
    from sitegen.pages.markdown import PageWriter
    emmen_offer = [i for i in dataset.instruments if "emmen" in dataset.gemeenten_in(i.regions)]
    ins = next(i for i in emmen_offer if i.status == "open")
    closed = ins.model_copy(update={"open_from": None, "open_until": TODAY - timedelta(days=1)})
    index = dataset.instruments.index(ins)
    dataset.instruments[index] = closed
    try:
        PageWriter(dataset, tmp_path, TODAY, SiteSettings()).write_facets()
        expected = len([i for i in dataset.instruments if "emmen" in dataset.gemeenten_in(i.regions)
                        and i.status != "gesloten" and not (i.open_until and i.open_until < TODAY)])
    finally:
        dataset.instruments[index] = ins
    overview = (tmp_path / "gemeenten" / "index.md").read_text(encoding="utf-8")
    assert re.search(rf"\| \[Emmen\]\(emmen\.md\) \| {expected} \|", overview), overview
    assert expected < len(emmen_offer)
    assert closed.name not in (tmp_path / "gemeenten" / "emmen.md").read_text(encoding="utf-8")
