"""Open data: what a re-user downloads from /data/ and reads on /open-data/."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from repo_paths import TODAY
from sitegen.exports.open_data import export_files, write_open_data
from sitegen.data.settings import SiteSettings


@pytest.fixture(scope="module")
def files(dataset) -> dict[str, str]:
    return export_files(dataset, TODAY, SiteSettings())


def rows(text: str) -> list[dict]:
    """The CSV as a spreadsheet reads it: the BOM says UTF-8, ';' splits the fields."""
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def test_every_partner_and_instrument_is_in_json_and_csv(files, dataset):
    partners = json.loads(files["partners.json"])["partners"]
    instruments = json.loads(files["instruments.json"])["instruments"]
    assert [p["id"] for p in partners] == [p.id for p in dataset.partners]
    assert [i["id"] for i in instruments] == [i.id for i in dataset.instruments]
    assert [r["id"] for r in rows(files["partners.csv"])] == [p.id for p in dataset.partners]
    assert [r["id"] for r in rows(files["instruments.csv"])] == [i.id for i in dataset.instruments]


def test_csv_keeps_lists_text_and_sources_readable(files, dataset):
    ins = dataset.instruments_by_id["adviesvoucher-mkb-drenthe"]
    row = next(r for r in rows(files["instruments.csv"]) if r["id"] == ins.id)
    assert row["steps"] == "; ".join(ins.steps)
    assert row["name"] == ins.name and row["target_group"] == ins.target_group
    assert row["sources"] and "{" not in row["sources"]  # a sentence per source, not a Python dict
    assert row["page"] == f"instrumenten/{ins.id}/"


def test_json_carries_date_licence_and_the_gemeenten_an_entry_covers(files, dataset):
    doc = json.loads(files["instruments.json"])
    assert doc["built"] == TODAY.isoformat() and doc["version"] == 1
    assert doc["licence"] is None  # not decided yet: no made-up licence
    voucher = next(i for i in doc["instruments"] if i["id"] == "adviesvoucher-mkb-drenthe")
    assert set(voucher["gemeenten"]) == set(dataset.gemeenten_in(voucher["regions"]))
    assert all("beschrijving" in s for s in voucher["sources"])


def test_the_licence_setting_reaches_every_file(dataset):
    files = export_files(dataset, TODAY, SiteSettings(open_data_licence="CC0 1.0"))
    for name in ("partners.json", "instruments.json", "ladder.json"):
        assert json.loads(files[name])["licence"] == "CC0 1.0"


def test_a_subsidy_past_its_closing_date_is_exported_as_closed(dataset):
    ins = next(i for i in dataset.instruments if i.status == "open")
    closed = ins.model_copy(update={"open_until": TODAY - timedelta(days=1), "open_from": None})
    dataset.instruments[dataset.instruments.index(ins)] = closed
    try:
        doc = json.loads(export_files(dataset, TODAY, SiteSettings())["instruments.json"])
    finally:
        dataset.instruments[dataset.instruments.index(closed)] = ins
    record = next(i for i in doc["instruments"] if i["id"] == ins.id)
    assert record["status"] == "open" and record["status_on_build_date"] == "gesloten"


def test_the_ladder_has_its_six_steps_and_seven_questions(files):
    ladder = json.loads(files["ladder.json"])["ladder"]
    assert [s["slug"] for s in ladder["steps"]][0] == "orienteren" and len(ladder["steps"]) == 6
    assert len(ladder["questions"]) == 7


def test_open_data_page_says_the_licence_is_not_decided(dataset, tmp_path):
    page = write_open_data(dataset, tmp_path, TODAY, SiteSettings())[0].read_text(encoding="utf-8")
    assert "nog niet vastgesteld" in page
    page = write_open_data(dataset, tmp_path, TODAY, SiteSettings(open_data_licence="CC-BY 4.0"))[0].read_text(encoding="utf-8")
    assert "CC-BY 4.0" in page and "nog niet vastgesteld" not in page
    for rel in re.findall(r"\]\((data/[^)]+)\)", page):  # every file the page names is written
        assert (tmp_path / rel).is_file(), rel


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def test_the_built_site_serves_the_files_the_page_links(built_site):
    html = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    parser = Links()
    parser.feed(html)
    data_links = [h for h in parser.hrefs if "/data/" in h or h.startswith("../data/")]
    assert len(data_links) == 11  # with monitor.json and monitor.csv (issue 22)
    for href in data_links:
        target = (built_site / "open-data" / href).resolve()
        assert target.is_file(), href
    json.loads((built_site / "data" / "hsds" / "services.json").read_text(encoding="utf-8"))


def test_csv_cells_cannot_become_spreadsheet_formulas():
    # Text from a pull request that a spreadsheet would run when a policy maker opens the file.
    from sitegen.exports.open_data import to_csv
    record = {"id": "x", "name": "=HYPERLINK(\"http://example.invalid\")", "description": "+31 592 000",
              "cost": "-100", "website": "@SUM(A1)", "kind": "gewone tekst"}
    row = rows(to_csv([record], list(record)))[0]
    assert row["name"] == "'=HYPERLINK(\"http://example.invalid\")"
    assert row["description"] == "'+31 592 000" and row["cost"] == "'-100" and row["website"] == "'@SUM(A1)"
    assert row["kind"] == "gewone tekst"


FORMULA_SIGNS = "=+-@\uff1d\uff0b\uff0d\uff20"  # and their fullwidth forms ＝ ＋ － ＠


def cells_a_spreadsheet_might_see(value: str) -> list[str]:
    """Every piece of a field that could start a cell: split on ';', ',' (Excel outside the
    Netherlands), tab and line breaks."""
    return [piece.lstrip(" ") for piece in re.split(r"[;,\t\r\n]", value)]


@pytest.mark.parametrize("text", [
    "Tekst;=1+1", "Tekst; =1+1", "Tekst\t=1+1", "Tekst\t@SUM(A1)", "regel één\n+31 592", "a;-2;b",
    "\t=1+1", "\r=1+1", "  =1+1", "=1+1;=2+2",
    # Issue 26: a comma is a cell boundary for Excel with a comma list separator; fullwidth signs.
    "gratis,=cmd|' /C calc'!A0", "gratis, =cmd|' /C calc'!A0", "a,@SUM(A1)", "a,-2,+3",
    "\uff1dcmd|' /C calc'!A0", "gratis,\uff20SUM(A1)", "gratis;\uff0b1",
])
def test_no_piece_of_a_cell_starts_a_formula(text):
    from sitegen.exports.open_data import to_csv
    record = {"id": "x", "name": text, "steps": [text, "gewoon", "=3+3"]}
    row = rows(to_csv([record], list(record)))[0]
    for column in ("name", "steps"):
        for piece in cells_a_spreadsheet_might_see(row[column]):
            assert not piece.startswith(tuple(FORMULA_SIGNS)), (column, row[column])
    assert row["name"].replace("'", "") == text.replace("'", "")  # nothing else changes


def test_a_csv_opened_by_an_excel_that_splits_on_commas_runs_no_formula():
    # Excel outside the Netherlands splits a .csv on its list separator, mostly ','.
    from sitegen.exports.open_data import to_csv
    record = {"id": "x", "cost": "gratis,=cmd|' /C calc'!A0", "target_group": "mkb,+31 592,@x,\uff1d1"}
    text = to_csv([record], list(record))[1:]
    for row in csv.reader(io.StringIO(text), delimiter=","):
        for cell in row:
            assert not cell.lstrip(" ").startswith(tuple(FORMULA_SIGNS)), cell
    assert rows(to_csv([record], list(record)))[0]["cost"] == "gratis,'=cmd|' /C calc'!A0"


def test_the_real_csv_files_have_a_bom_split_on_semicolons_and_run_no_formula(files):
    for name in ("partners.csv", "instruments.csv"):
        raw = files[name].encode("utf-8")
        assert raw.startswith(b"\xef\xbb\xbf"), name  # the BOM: a spreadsheet reads UTF-8, not cp1252
        text = raw.decode("utf-8-sig")
        table = list(csv.reader(io.StringIO(text), delimiter=";"))
        header = table[0]
        assert header[:2] == ["id", "name"]
        assert all(len(row) == len(header) for row in table), name  # ';' splits every row into its columns
        for row in table:
            for value in row:
                for piece in cells_a_spreadsheet_might_see(value):
                    assert not piece.startswith(tuple(FORMULA_SIGNS)), (name, value)
    assert "ë" in files["partners.csv"] or "é" in files["partners.csv"] or "ë" in files["instruments.csv"]


def test_the_open_data_page_says_how_the_csv_is_written(dataset, tmp_path):
    write_open_data(dataset, tmp_path, TODAY, SiteSettings())
    page = (tmp_path / "open-data.md").read_text(encoding="utf-8")
    assert "puntkomma (`;`)" in page and "byte order mark" in page and "ë" in page
    assert "na een puntkomma, een komma, een tab of" in page


