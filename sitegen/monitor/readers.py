"""Rows out of a partner's file (xlsx or csv), as text and dates, never evaluated.

A reader yields RawRow for each non-empty data row and Problem for what is wrong with the file's
shape (sheets, header, merged cells, encoding). What a cell means is rows.py's job.
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .columns import COLUMNS, DATA_SHEET, HEADERS, column_label
from .files import workbook_package_problems
from .problems import Problem
from .sheet_stream import SheetXmlError, stream_rows

_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b")


@dataclass(slots=True)  # one per row: a plain slots class is the cheapest to make
class RawRow:
    file: str
    sheet: str
    row: int
    values: tuple  # one per column in COLUMNS order: str, int, float, datetime or None


def header_problems(file: str, sheet: str, row: int, header: tuple) -> list[Problem]:
    """The header must be exactly the template's columns, in its order."""
    cells = [str(h).strip() if h is not None else "" for h in header]
    while cells and not cells[-1]:
        cells.pop()
    if [c.casefold() for c in cells] == [h.casefold() for h in HEADERS]:
        return []
    wanted = {h.casefold() for h in HEADERS}
    extra = [c for c in cells if c.casefold() not in wanted]
    missing = [h for h in HEADERS if h.casefold() not in {c.casefold() for c in cells}]
    parts = []
    if missing:
        parts.append("deze kolommen ontbreken: " + ", ".join(missing))
    if extra:
        parts.append("deze kolommen horen er niet bij: " + ", ".join(e or "(leeg)" for e in extra))
    if not parts:
        parts.append("de kolommen staan in een andere volgorde")
    return [Problem(file, sheet, row, "", "De kopregel klopt niet: " + "; ".join(parts)
                    + ". Gebruik de kopregel van het sjabloon (build.py monitor-template): " + "; ".join(HEADERS) + ".")]


def _row_or_problem(file: str, sheet: str, number: int, cells: tuple) -> RawRow | Problem | None:
    n = len(COLUMNS)
    if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
        return None
    beyond = [i for i, c in enumerate(cells[n:], start=n) if c is not None and str(c).strip()]
    if beyond:
        return Problem(file, sheet, number, column_label(beyond[0]),
                       "Hier staat iets buiten de kolommen van het sjabloon. Haal het weg of zet het in de juiste kolom.")
    values = tuple(cells[:n]) + (None,) * (n - len(cells[:n]))
    return RawRow(file, sheet, number, values)


def read_xlsx(path: Path) -> Iterator[RawRow | Problem]:
    name = path.name
    problems = workbook_package_problems(path)
    if problems:
        yield from problems
        return
    import openpyxl  # only here: the CSV route and the command's help do not need it
    try:
        # read_only streams the rows; data_only=False gives a formula as its text ("=A1+1"):
        # openpyxl never calculates, and rows.py refuses text that starts like a formula.
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many kinds for a broken file; the partner's answer is the same
        yield Problem(name, message="Deze werkmap kan niet worden gelezen. Open hem in Excel en sla hem opnieuw op als .xlsx.")
        return
    try:
        yield from _read_workbook(path, workbook)
    finally:
        workbook.close()


def _read_workbook(path: Path, workbook) -> Iterator[RawRow | Problem]:
    name = path.name
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible" and _has_values(path, workbook, sheet):
            yield Problem(name, sheet.title, 0, "", "Dit blad is verborgen en bevat gegevens. Maak het zichtbaar "
                          "en zet registraties alleen op het blad " + DATA_SHEET + ", of verwijder het blad.")
    if DATA_SHEET not in workbook.sheetnames:
        yield Problem(name, "", 0, "", f"Het blad '{DATA_SHEET}' ontbreekt. Gebruik het sjabloon (build.py monitor-template) "
                      f"en zet de registraties op het blad '{DATA_SHEET}'.")
        return
    sheet = workbook[DATA_SHEET]
    if sheet.sheet_state != "visible":
        return  # already said above
    if _has_merged_cells(path, sheet):
        yield Problem(name, DATA_SHEET, 0, "", "Dit blad heeft samengevoegde cellen. Maak het samenvoegen ongedaan: "
                      "elke rij vult zijn eigen cellen.")
        return
    try:
        rows = _rows(path, workbook, sheet)
        first = next(rows, None)
        if first is None or first[0] != 1:
            yield Problem(name, DATA_SHEET, 1, "", "Rij 1 is leeg. Zet de kopregel van het sjabloon in rij 1.")
            return
        problems = header_problems(name, DATA_SHEET, 1, first[1])
        if problems:
            yield from problems
            return
        for number, cells in rows:
            item = _row_or_problem(name, DATA_SHEET, number, cells)
            if item is not None:
                yield item
    except SheetXmlError:
        yield Problem(name, DATA_SHEET, 0, "", "Dit blad kan niet worden gelezen. Open de werkmap in Excel en sla hem "
                      "opnieuw op als .xlsx.")


def _rows(path: Path, workbook, sheet) -> Iterator[tuple[int, tuple]]:
    # openpyxl's names for what it read from the workbook (no public accessor): the sheet's part in
    # the zip, the shared strings, the styles that are dates, and the date system.
    with zipfile.ZipFile(path) as archive, archive.open(sheet._worksheet_path) as stream:
        yield from stream_rows(stream, sheet._shared_strings, workbook._date_formats,
                               workbook._timedelta_formats, workbook.epoch)


def _has_values(path: Path, workbook, sheet) -> bool:
    try:
        return any(v is not None and str(v).strip() for _, row in _rows(path, workbook, sheet) for v in row)
    except SheetXmlError:
        return True  # unreadable and hidden: refuse it rather than guess


def _has_merged_cells(path: Path, sheet) -> bool:
    """read_only worksheets do not load <mergeCells>; look for it in the sheet's XML part ourselves,
    streamed, so a large sheet is not held in memory twice."""
    member = sheet._worksheet_path  # openpyxl's name for the sheet's part in the zip (no public accessor)
    tail = b""
    with zipfile.ZipFile(path) as archive, archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            if _MERGE.search(tail + chunk):
                return True
            tail = chunk[-64:]
    return False


_DECLARED_HINT = ("Sla het bestand in Excel op via 'Opslaan als' en kies 'CSV UTF-8 (door komma's gescheiden) (*.csv)'. "
                  "Andere tekensets (zoals Windows-1252) lezen we niet, omdat letters als ë en é dan verkeerd kunnen overkomen.")


def read_csv(path: Path) -> Iterator[RawRow | Problem]:
    name = path.name
    raw = path.read_bytes()
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield Problem(name, message="Dit bestand is opgeslagen als UTF-16 (Unicode-tekst). " + _DECLARED_HINT)
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        yield Problem(name, "", line, "", "Dit bestand is niet opgeslagen als UTF-8. " + _DECLARED_HINT)
        return
    if "\x00" in text:
        yield Problem(name, message="Dit bestand bevat onleesbare tekens (nul-bytes). Sla het opnieuw op als CSV UTF-8.")
        return
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    try:
        header = next(reader, None)
        if header is None:
            yield Problem(name, "", 1, "", "Het bestand is leeg. Zet de kopregel van het sjabloon in de eerste regel.")
            return
        if len(header) == 1 and ("," in header[0] or "\t" in header[0]):
            yield Problem(name, "", 1, "", "De kolommen zijn niet gescheiden door puntkomma's (;). " + _DECLARED_HINT)
            return
        problems = header_problems(name, "", 1, tuple(header))
        if problems:
            yield from problems
            return
        line = reader.line_num + 1
        for cells in reader:
            item = _row_or_problem(name, "", line, tuple(c if c.strip() else None for c in cells))
            if item is not None:
                yield item
            line = reader.line_num + 1
    except csv.Error:
        yield Problem(name, "", reader.line_num, "", "Deze regel kan niet worden gelezen (een aanhalingsteken staat niet goed). "
                      "Sla het bestand opnieuw op vanuit Excel als CSV UTF-8.")


def read_file(path: Path) -> Iterator[RawRow | Problem]:
    return read_csv(path) if path.suffix.lower() == ".csv" else read_xlsx(path)
