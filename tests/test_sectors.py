"""Sector as a dimension (issue 25): a sourced vocabulary, `sectors` on instruments only where a
source names them, a page per sector, and sector in the open data (CSV, JSON, HSDS taxonomy)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from repo_paths import SEEDS
from test_data_errors import assert_error, errors_for, line_of


def test_every_sector_page_lists_exactly_the_offers_that_name_it(built_site: Path, dataset):
    for sector in dataset.sectors:
        page = (built_site / "sectoren" / sector.slug / "index.html").read_text(encoding="utf-8")
        article = page[page.index("<article"):page.index("</article>")]
        linked = {part.split("/")[0] for part in article.split('href="../../instrumenten/')[1:]}
        assert linked == {i.id for i in dataset.instruments if sector.slug in i.sectors}, sector.slug
        if not linked:
            assert "witte vlek" in page


def test_an_instrument_page_names_its_sectors_or_every_sector(built_site: Path, dataset):
    with_sector = next(i for i in dataset.instruments if i.sectors)
    page = (built_site / "instrumenten" / with_sector.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../sectoren/{with_sector.sectors[0]}/"' in page
    without = next(i for i in dataset.instruments if not i.sectors)
    assert "Voor elke sector" in (built_site / "instrumenten" / without.id / "index.html").read_text(encoding="utf-8")


def test_sector_is_in_the_open_data(built_site: Path, dataset):
    with_sector = next(i for i in dataset.instruments if i.sectors)
    records = json.loads((built_site / "data" / "instruments.json").read_text(encoding="utf-8"))["instruments"]
    assert next(r for r in records if r["id"] == with_sector.id)["sectors"] == with_sector.sectors
    rows = list(csv.DictReader(io.StringIO((built_site / "data" / "instruments.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert next(r for r in rows if r["id"] == with_sector.id)["sectors"] == "; ".join(with_sector.sectors)
    hsds = built_site / "data" / "hsds"
    taxonomies = json.loads((hsds / "taxonomies.json").read_text(encoding="utf-8"))
    sector_tax = next(t for t in taxonomies if t["name"] == "Sectoren")
    terms = [t for t in json.loads((hsds / "taxonomy_terms.json").read_text(encoding="utf-8")) if t["taxonomy_id"] == sector_tax["id"]]
    assert {t["code"] for t in terms} == {s.slug for s in dataset.sectors}
    services = json.loads((hsds / "services.json").read_text(encoding="utf-8"))
    service = next(s for s in services if s["name"] == with_sector.name)
    term_ids = {t["id"] for t in terms}
    assert len([a for a in service["attributes"] if a["taxonomy_term_id"] in term_ids]) == len(with_sector.sectors)


def test_an_unknown_sector_is_refused_at_its_line(data_copy: Path):
    path = data_copy / "instruments.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("sectors: [maakindustrie]", "sectors: [ruimtevaart]", 1), encoding="utf-8")
    assert_error(errors_for(data_copy), "instruments.yaml", line_of(path, "ruimtevaart"), "onbekende sector 'ruimtevaart'")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds ontbreekt: de bronnen van de sectoren zijn niet te vergelijken")
def test_a_sector_whose_quote_is_not_in_its_source_is_refused(data_copy: Path):
    path = data_copy / "sectors.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('quote: "de versnelling van digitalisering bij het mkb en in domeinen als industrie, zorg en landbouw"',
                                 'quote: "de zorg is een speerpunt"'), encoding="utf-8")
    assert_error(errors_for(data_copy), "sectors.yaml", line_of(path, "de zorg is een speerpunt"), "staat niet in brondocument 001")
