"""Open data: partners and instruments as JSON and CSV, the ladder as JSON, and an HSDS 3.0 export.

The files are written into the docs tree (docs/data/), so mkdocs copies them into site/data/ and
its strict link check sees that the /open-data/ page links to files that exist.
"""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import jinja2

from sitegen.data.dataset import Dataset
from sitegen.data.documents import describe_source
from sitegen.exports.hsds import hsds_export
from sitegen.data.models import Instrument, Partner, Source
from sitegen.data.dates import nl_date
from sitegen.data.settings import SiteSettings
from sitegen.data.urls import instrument_url, partner_url

FOLDER = "data"
FORMAT_VERSION = 1


def status_on(instrument: Instrument, today: date) -> str:
    """The status the site shows on the build date: a past closing date means gesloten."""
    if instrument.open_until and instrument.open_until < today:
        return "gesloten"
    return instrument.status


def _source(source: Source) -> dict:
    out = source.model_dump(mode="json", exclude_none=True)
    out["beschrijving"] = describe_source(source)
    return out


def partner_record(dataset: Dataset, p: Partner) -> dict:
    out = p.model_dump(mode="json")
    out["sources"] = [_source(s) for s in p.sources]
    out["gemeenten"] = dataset.gemeenten_in(p.regions)
    out["local"] = dataset.is_local(p.regions)
    out["page"] = partner_url(p.id)
    return out


def instrument_record(dataset: Dataset, i: Instrument, today: date) -> dict:
    out = i.model_dump(mode="json")
    out["sources"] = [_source(s) for s in i.sources]
    out["status_on_build_date"] = status_on(i, today)
    out["gemeenten"] = dataset.gemeenten_in(i.regions)
    out["local"] = dataset.is_local(i.regions)
    out["page"] = instrument_url(i.id)
    out["next_instruments"] = [n.instrument for n in i.next]  # the chain, as ids (the CSV shows these)
    return out


def _envelope(key: str, items: object, today: date, settings: SiteSettings) -> dict:
    return {"version": FORMAT_VERSION, "built": today.isoformat(),
            "licence": settings.open_data_licence or None, key: items}


def _joined(value) -> str:
    if isinstance(value, list):
        return "; ".join(_joined(v) for v in value)
    if isinstance(value, dict):
        return value.get("beschrijving") or ", ".join(f"{k}={v}" for k, v in value.items())
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


PARTNER_COLUMNS = ["id", "name", "kind", "description", "regions", "gemeenten", "local", "website", "kvk",
                   "former_names", "classification", "last_reviewed", "sources", "page"]
INSTRUMENT_COLUMNS = ["id", "name", "partner", "role", "other_partners", "activity_type", "description", "steps",
                      "themes", "knelpunten", "sectors", "next_instruments", "target_group", "regions", "gemeenten", "local", "status",
                      "status_on_build_date", "status_note", "open_from", "open_until", "cost", "website", "classification",
                      "last_reviewed", "sources", "page"]


# How the CSV files are written, so they open by double-click in Dutch Excel and in LibreOffice:
# - ';' between fields: Excel splits a .csv on the list separator of the regional settings, and with
#   Dutch settings (decimal comma) that is ';'. A comma-separated file opens as one column there.
# - UTF-8 with a byte order mark: without it, Excel reads the file in the Windows code page and ë
#   comes out garbled; with it, Excel and LibreOffice both take UTF-8.
# - Not a "sep=;" first line: only Excel knows it, it makes Excel ignore the BOM, and every other
#   program (LibreOffice, pandas) reads it as a row of data.
CSV_DELIMITER = ";"
CSV_BOM = "\ufeff"

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP).
# A cell may start at the start of the text, and, for a program that splits differently than we
# meant, after a ';', a tab or a line break; spaces before the sign do not stop a formula.
_FORMULA = re.compile(r"(^|[;\t\r\n])( *)(?=[=+\-@])")


def _as_text(cell: str) -> str:
    """Data from a pull request must stay text when a policy maker opens the CSV in a spreadsheet:
    a ' before every formula sign that could start a cell (the spreadsheet then shows text)."""
    cell = _FORMULA.sub(r"\1\2'", cell)
    return "'" + cell if cell.startswith(("\t", "\r")) else cell


def to_csv(records: list[dict], columns: list[str]) -> str:
    """One row per entry; lists joined with '; ' (other_partners as 'partner=…, role=…').
    Fields with ';', quotes or line breaks are quoted, so they stay one cell."""
    buffer = io.StringIO()
    buffer.write(CSV_BOM)
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_as_text(_joined(record.get(c))) for c in columns])
    return buffer.getvalue()


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


def export_files(dataset: Dataset, today: date, settings: SiteSettings) -> dict[str, str]:
    """Relative path under site/data/ -> file content."""
    partners = [partner_record(dataset, p) for p in dataset.partners]
    instruments = [instrument_record(dataset, i, today) for i in dataset.instruments]
    files = {
        "partners.json": _dump(_envelope("partners", partners, today, settings)),
        "partners.csv": to_csv(partners, PARTNER_COLUMNS),
        "instruments.json": _dump(_envelope("instruments", instruments, today, settings)),
        "instruments.csv": to_csv(instruments, INSTRUMENT_COLUMNS),
        "ladder.json": _dump(_envelope("ladder", dataset.ladder.model_dump(mode="json"), today, settings)),
    }
    for stem, objects in hsds_export(dataset, today).items():
        files[f"hsds/{stem}.json"] = _dump(objects)
    return files


def write_open_data(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """PAGE_STEP: the data files (docs/data/…) and the page that explains them (docs/open-data.md)."""
    files = export_files(dataset, today, settings)
    for rel, content in files.items():
        path = docs_dir / FOLDER / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    sizes = {rel: max(1, len(content.encode("utf-8")) // 1024) for rel, content in files.items()}
    page = docs_dir / "open-data.md"
    page.write_text(env.get_template("open_data.md.j2").render(
        licence=settings.open_data_licence, built=nl_date(today), sizes=sizes,
        n_partners=len(dataset.partners), n_instruments=len(dataset.instruments),
        partner_columns=PARTNER_COLUMNS, instrument_columns=INSTRUMENT_COLUMNS), encoding="utf-8")
    return [page]
