"""The registration workbook partners fill in, generated from data/ with openpyxl (never by hand).

Three sheets: Registraties (the header and drop-down lists), Uitleg (every column in Dutch, B1)
and Lijsten (the values the drop-downs offer, visible: the reader refuses hidden sheets with data).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .columns import COLUMNS, DATA_SHEET, MAX_TALENT, YES_NO
from .vocabulary import Vocabulary

ROWS = 5000  # rows the drop-downs cover; a partner with more uses several files or copies the row
LISTS_SHEET = "Lijsten"


def _list_column(sheet, column: int, title: str, values: list[str]) -> str:
    sheet.cell(1, column, title).font = Font(bold=True)
    for i, value in enumerate(values, start=2):
        sheet.cell(i, column, value)
    letter = get_column_letter(column)
    sheet.column_dimensions[letter].width = max(14, min(60, max(len(v) for v in values) + 2))
    return f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"


def _validation(ws, key: str, formula: str, strict: bool, prompt: str) -> None:
    index = [c.key for c in COLUMNS].index(key) + 1
    letter = get_column_letter(index)
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=strict,
                        errorTitle="Kies uit de lijst", error="Kies een waarde uit de lijst (blad Lijsten).",
                        promptTitle=COLUMNS[index - 1].header, prompt=prompt[:255], showInputMessage=True)
    dv.add(f"{letter}2:{letter}{ROWS + 1}")
    ws.add_data_validation(dv)


def build_workbook(vocabulary: Vocabulary, dataset) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = DATA_SHEET
    for i, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, i, column.header)
        cell.font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = max(16, len(column.header) + 4)
    ws.freeze_panes = "A2"

    lists = wb.create_sheet(LISTS_SHEET)
    partner_names = {p.id: p.name for p in dataset.partners}
    partners = _list_column(lists, 1, "Partner (code)", vocabulary.partners)
    _list_column(lists, 2, "Partner (naam)", [partner_names[p] for p in vocabulary.partners])
    gemeenten = _list_column(lists, 3, "Gemeente", [name for _, name in vocabulary.gemeenten])
    steps = _list_column(lists, 4, "Trede", [name for _, name in vocabulary.steps])
    instruments = _list_column(lists, 5, "Instrument (code)", vocabulary.instruments)
    instrument_names = {i.id: i.name for i in dataset.instruments}
    _list_column(lists, 6, "Instrument (naam)", [instrument_names[i] for i in vocabulary.instruments])
    yes_no = _list_column(lists, 7, "ja/nee/onbekend", list(YES_NO))

    explain = {c.key: c.explanation for c in COLUMNS}
    _validation(ws, "partner", partners, True, explain["partner"])
    _validation(ws, "gemeente", gemeenten, True, explain["gemeente"])
    _validation(ws, "start_step", steps, True, explain["start_step"])
    _validation(ws, "follow_up_step", steps, True, explain["follow_up_step"])
    # Several instruments go in one cell, comma-separated: the list helps, but does not forbid that.
    _validation(ws, "instruments", instruments, False, explain["instruments"])
    _validation(ws, "referred_to", partners, True, explain["referred_to"])
    _validation(ws, "basisniveau", yes_no, True, explain["basisniveau"])
    _validation(ws, "talent_kept", yes_no, True, explain["talent_kept"])
    talent_col = get_column_letter([c.key for c in COLUMNS].index("talent") + 1)
    number = DataValidation(type="whole", operator="between", formula1="0", formula2=str(MAX_TALENT), allow_blank=True,
                            showErrorMessage=True, error=f"Schrijf een heel getal van 0 tot en met {MAX_TALENT}.")
    number.add(f"{talent_col}2:{talent_col}{ROWS + 1}")
    ws.add_data_validation(number)
    for key in ("start_date", "follow_up_date"):
        letter = get_column_letter([c.key for c in COLUMNS].index(key) + 1)
        for row in range(2, ROWS + 2):
            ws[f"{letter}{row}"].number_format = "DD-MM-YYYY"

    guide = wb.create_sheet("Uitleg", 1)
    guide.append(["Kolom", "Verplicht", "Wat vul je in"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append([column.header, "ja" if column.required else "nee", column.explanation])
    guide.append([])
    for line in (
        "Eén rij per bedrijf. Zet de rijen op het blad Registraties; verander de kopregel niet.",
        "Gebruik geen formules, geen samengevoegde cellen en geen verborgen bladen: dan wordt het bestand geweigerd.",
        "Lever het bestand als .xlsx, of als CSV UTF-8 (gescheiden door puntkomma's). Hoogstens 50 MB.",
        "De provincie publiceert alleen aantallen. Kleine aantallen worden verborgen. Referenties worden nooit gepubliceerd.",
    ):
        guide.append([line])
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 100
    for row in guide.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return wb


def write_template(out: Path, vocabulary: Vocabulary, dataset) -> Path:
    """Written beside the target and renamed, so a half-written workbook never stands at `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".xlsx", dir=out.parent)
    os.close(handle)
    try:
        build_workbook(vocabulary, dataset).save(temp_name)
        os.replace(temp_name, out)
    finally:
        Path(temp_name).unlink(missing_ok=True)
    return out
