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
from sitegen.exports.monitor_export import MONITOR_COLUMNS, monitor_json, monitor_rows
from sitegen.data.models import Instrument, Partner, Source
from sitegen.data.dates import nl_date
from sitegen.data.settings import SiteSettings
from sitegen.data.urls import email_problem, instrument_url, is_web_address, partner_url
from sitegen.errors import BuildError, printable

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
# meant, after a ';', a ',' (Excel outside the Netherlands splits on its list separator, mostly a
# comma), a tab or a line break; spaces before the sign do not stop a formula. The fullwidth
# signs (＝ ＋ － ＠) are guarded too: some spreadsheets and input methods fold them to = + - @.
_FORMULA = re.compile(r"(^|[;,\t\r\n])( *)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])")


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


# Keys whose values are addresses someone opens: web addresses ("page" only inside a contact; the
# records' own "page" is the site-relative path of the entry) and e-mail addresses.
_WEB_KEYS = ("website", "url")


def address_problems(value: object, where: str = "", in_contact: bool = False) -> list[str]:
    """Every address in an export that does not pass sitegen.data.urls (as the parser writes it).
    The models already refuse them; this checks what comes out, whatever fed the export."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{where}.{key}" if where else str(key)
            web = key in _WEB_KEYS or (in_contact and key == "page")
            if item is not None and web and not is_web_address(item):
                found.append(f"{here}: '{printable(str(item))[:80]}' is geen geldig https-adres")
            elif item is not None and key == "email" and email_problem(item):
                found.append(f"{here}: '{printable(str(item))[:80]}' is geen geldig e-mailadres")
            else:
                found += address_problems(item, here, key == "contact")
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += address_problems(item, f"{where}[{n}]", in_contact)
    return found


def _checked(name: str, items: list) -> list:
    if problems := address_problems(items, name):
        raise BuildError("De open data bevat een adres dat niet door de controle komt; er is niets "
                         "geschreven. Draai python build.py check en verbeter de gegevens:\n  "
                         + "\n  ".join(problems[:20]))
    return items


def export_files(dataset: Dataset, today: date, settings: SiteSettings) -> dict[str, str]:
    """Relative path under site/data/ -> file content. Every address in it is checked on the way out."""
    partners = _checked("partners", [partner_record(dataset, p) for p in dataset.partners])
    instruments = _checked("instruments", [instrument_record(dataset, i, today) for i in dataset.instruments])
    files = {
        "partners.json": _dump(_envelope("partners", partners, today, settings)),
        "partners.csv": to_csv(partners, PARTNER_COLUMNS),
        "instruments.json": _dump(_envelope("instruments", instruments, today, settings)),
        "instruments.csv": to_csv(instruments, INSTRUMENT_COLUMNS),
        "ladder.json": _dump(_envelope("ladder", _checked("ladder", dataset.ladder.model_dump(mode="json")), today, settings)),
        "monitor.json": _dump(_envelope("monitor", _checked("monitor", monitor_json(dataset)), today, settings)),
        "monitor.csv": to_csv(monitor_rows(dataset), MONITOR_COLUMNS),
    }
    for stem, objects in hsds_export(dataset, today).items():
        files[f"hsds/{stem}.json"] = _dump(_checked(f"hsds/{stem}", objects))
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
        partner_columns=PARTNER_COLUMNS, instrument_columns=INSTRUMENT_COLUMNS,
        monitor_quarters=[a.quarter for a in dataset.monitor.quarters],
        monitor_threshold=dataset.monitor.settings.threshold if dataset.monitor.settings else None), encoding="utf-8")
    return [page]
