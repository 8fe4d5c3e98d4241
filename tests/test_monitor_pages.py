"""The monitor pages and exports without a browser: the empty state of the real repository (no
numbers at all), and pages and open data from test aggregates (tests/monitor_fixtures.py)."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from monitor_fixtures import aggregate, write_aggregate
from repo_paths import DATA, ROOT, SEEDS, TODAY
from sitegen.build_site import write_all_pages
from sitegen.data.dataset import load_dataset
from sitegen.data.settings import SiteSettings
from sitegen.exports.open_data import export_files


def _pages(data_dir, tmp_path):
    dataset = load_dataset(data_dir, TODAY, SEEDS)
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "content", docs)
    write_all_pages(dataset, docs, TODAY, SiteSettings())
    return dataset, docs


@pytest.fixture
def with_quarters(data_copy):
    for quarter, made_on, scale in (("2026-Q1", "2026-04-03", 1), ("2026-Q2", "2026-07-03", 4), ("2026-Q3", "2026-10-03", 7)):
        write_aggregate(data_copy, aggregate(quarter, made_on, scale))
    return data_copy


def test_without_an_aggregate_the_page_says_so_and_shows_no_number(tmp_path):
    _, docs = _pages(DATA, tmp_path)
    page = (docs / "monitor" / "index.md").read_text(encoding="utf-8")
    assert "Er zijn nog geen cijfers" in page and "(#aanleveren)" in page and "{ #aanleveren }" in page
    assert "<table" not in page and "<svg" not in page
    # Numbers only in the source lines (document date, line numbers) and the threshold: no count.
    body = [line for line in page.split("---", 2)[2].splitlines() if not line.startswith("Bron:")]
    text = re.sub(r"(?m)^[0-9]+\. ", "", "\n".join(body).replace("&lt;5", "").replace("onder de 5", ""))
    assert not re.search(r"\b[0-9]+\b", text), re.search(r".{40}\b[0-9]+\b.{20}", text)
    assert not list((docs / "monitor").glob("20*.md")), "geen jaarmonitor zonder cijfers"
    emmen = (docs / "gemeenten" / "emmen.md").read_text(encoding="utf-8")
    assert "Er zijn nog geen cijfers van de [monitor" in emmen


def test_the_page_prints_the_definition_and_the_rules_of_the_aggregate(with_quarters, tmp_path):
    _, docs = _pages(with_quarters, tmp_path)
    page = (docs / "monitor" / "index.md").read_text(encoding="utf-8")
    for question in ("Bereiken we het mkb?", "Zetten bedrijven stappen?", "Landt digitaal talent bij Drentse bedrijven?"):
        assert f"## {question}" in page
    assert "Voorlopig telt C, D, E of F bij de vraag over digitale veiligheid." in page  # from the aggregate
    assert "telt twee keer" in page
    assert "Doel uit het beleid" in page and "40 tot 50 mkb-bedrijven per jaar" in page
    assert "Stand 2026: 42 keer gebruikt (3 kwartalen)" in page  # 11 + 14 + 17 uses of the subsidy
    assert '<a href="../instrumenten/ibdo-intake/">' in page
    assert "[2026](2026.md)" in page and (docs / "monitor" / "2026.md").exists()
    emmen = (docs / "gemeenten" / "emmen.md").read_text(encoding="utf-8")
    assert "Monitor voor Emmen per kwartaal" in emmen


def test_a_hidden_year_figure_is_a_lower_bound(with_quarters, tmp_path):
    path = with_quarters / "monitor" / "2026-Q1.yaml"
    agg = aggregate("2026-Q1", "2026-04-03", 1)
    agg["indicators"]["binding"] = {"total": "<5", "of": 12, "by_gemeente": {k: ("<5" if k == "emmen" else 0) for k in
                                                                            agg["indicators"]["binding"]["by_gemeente"]}}
    path.unlink()
    write_aggregate(with_quarters, agg)
    _, docs = _pages(with_quarters, tmp_path)
    annual = (docs / "monitor" / "2026.md").read_text(encoding="utf-8")
    assert "<h3>Regionale binding: minstens 14</h3>" in annual  # 7 + 7 shown, Q1 hidden
    assert "\n\n" not in annual.split("---", 2)[2].strip(), "one raw HTML block"


def test_open_data_holds_the_aggregates_as_json_and_csv(with_quarters):
    dataset = load_dataset(with_quarters, TODAY, SEEDS)
    files = export_files(dataset, TODAY, SiteSettings())
    doc = json.loads(files["monitor.json"])["monitor"]
    assert doc["threshold"] == 5 and [q["quarter"] for q in doc["quarters"]] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    text = files["monitor.csv"]
    assert text.startswith("\ufeffquarter;indicator;breakdown;key;count;") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    hidden = [r for r in rows if r["count"] == "<5"]
    assert hidden and all(r["breakdown"] in ("by_gemeente", "by_step", "total", "of") for r in hidden)
    emmen = next(r for r in rows if r["quarter"] == "2026-Q1" and r["indicator"] == "bereik" and r["key"] == "emmen")
    assert emmen["count"] == str(doc["quarters"][0]["indicators"]["bereik"]["by_gemeente"]["emmen"])


def test_without_an_aggregate_the_exports_are_empty_not_invented(dataset):
    files = export_files(dataset, TODAY, SiteSettings())
    assert json.loads(files["monitor.json"])["monitor"]["quarters"] == []
    assert files["monitor.csv"].strip("\ufeff\r\n").count("\r\n") == 0  # the header only
