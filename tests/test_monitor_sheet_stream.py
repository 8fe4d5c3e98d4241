"""The cell stream reads a sheet as openpyxl does (read_only, data_only=False), and refuses XML tricks."""
from __future__ import annotations

import zipfile
from datetime import date, datetime, time

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from sitegen.monitor.sheet_stream import SheetXmlError, stream_rows


def _openpyxl_rows(path):
    wb = load_workbook(path, read_only=True, data_only=False)
    ws = wb.worksheets[0]
    out = []
    for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        if row:
            out.append((number, tuple(row)))
    wb.close()
    return out


def _stream(path):
    wb = load_workbook(path, read_only=True, data_only=False)
    ws = wb.worksheets[0]
    with zipfile.ZipFile(path) as archive, archive.open(ws._worksheet_path) as stream:
        rows = list(stream_rows(stream, ws._shared_strings, wb._date_formats, wb._timedelta_formats, wb.epoch))
    wb.close()
    return rows


@pytest.mark.parametrize("write_only", [False, True], ids=["shared strings", "inline strings"])
def test_the_stream_reads_every_kind_of_cell_as_openpyxl_does(tmp_path, write_only):
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Registraties") if write_only else wb.active
    ws.append(["tekst", 3, 2.5, True, date(2026, 10, 5), datetime(2026, 10, 5, 14, 30), "=1+1", None, "ë € 😀"])
    ws.append([None, None, "gat ervoor"])
    ws.append([])
    ws.append(["=SUM(B1:B2)", time(12, 0), -4, 1e20, "  spaties  "])
    if not write_only:
        ws.append([CellRichText([TextBlock(InlineFont(b=True), "vet"), " en niet"])])
    path = tmp_path / "a.xlsx"
    wb.save(path)
    assert _stream(path) == _openpyxl_rows(path)


def _sheet_with(path, xml: bytes):
    """A real workbook whose one sheet (Registraties) is replaced by this XML."""
    wb = Workbook()
    wb.active.title = "Registraties"
    wb.active["A1"] = "x"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_an_entity_in_the_sheet_is_refused(tmp_path):
    xml = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
           b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           b'<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    path = _sheet_with(tmp_path / "a.xlsx", xml)
    with zipfile.ZipFile(path) as archive, archive.open("xl/worksheets/sheet1.xml") as stream:
        with pytest.raises(SheetXmlError):
            list(stream_rows(stream, [], set(), set(), None))


def test_a_broken_sheet_becomes_a_dutch_problem(tmp_path, dataset):
    from repo_paths import TODAY
    from sitegen.monitor.aggregate import read_registrations
    from sitegen.monitor.problems import MonitorErrors
    from sitegen.monitor.vocabulary import Vocabulary
    xml = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           b'<row r="1"><c r="A1" t="inlineStr"><is><t>Partner</t></is></c></row><row></sheetData></worksheet>')
    folder = tmp_path / "in"
    folder.mkdir()
    _sheet_with(folder / "ibdo.xlsx", xml)
    with pytest.raises(MonitorErrors) as caught:
        read_registrations(folder, Vocabulary.from_dataset(dataset, "security", ["C"]), TODAY)
    (problem,) = [str(p) for p in caught.value.problems]  # openpyxl or the stream: one Dutch message, no traceback
    assert problem.startswith("ibdo.xlsx:") and "kan niet worden gelezen" in problem and "opnieuw op als .xlsx" in problem
