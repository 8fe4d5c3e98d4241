"""The cell values of one worksheet, streamed from its XML with expat: openpyxl's meaning, a quarter of its cost.

openpyxl still opens the workbook (sheets, visibility, shared strings, which styles are dates); only
the cells themselves are read here, because openpyxl builds an object per cell and 100,000 rows took
about 15 s of CPU (bench/bench_monitor.py), three times the issue's target. The values follow
openpyxl's read_only, data_only=False reading (worksheet/_reader.py): a formula becomes its text with
'=' in front, never a result; a number in a date style becomes a datetime.
Hostile XML: a DOCTYPE or entity declaration is refused, as defusedxml does; the zip itself was
checked before (files.workbook_package_problems).
"""
from __future__ import annotations

import pyexpat
from typing import IO, Iterator

from openpyxl.utils.datetime import from_ISO8601, from_excel

MAX_COLUMN = 16384  # Excel's last column, XFD
_CHUNK = 1 << 20


class SheetXmlError(ValueError):
    """The sheet's XML is not what Excel writes."""


def _refuse(*_args):
    raise SheetXmlError("DOCTYPE of entiteit in het blad")


def _column(ref: str, previous: int) -> int:
    if not ref:
        return previous + 1
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    if not 0 < n <= MAX_COLUMN:
        raise SheetXmlError(f"celverwijzing {ref[:12]}")
    return n


def _number(text: str):
    return float(text) if ("." in text or "E" in text or "e" in text) else int(text)


def stream_rows(stream: IO[bytes], shared_strings: list, date_styles: set, timedelta_styles: set,
                epoch) -> Iterator[tuple[int, tuple]]:
    """(row number, values from column A to the row's last filled cell) for each row with a value."""
    done: list[tuple[int, tuple]] = []
    # The parser's state as closure variables: this runs twice per element, 14 elements per row.
    row = col = style = 0
    kind = "n"
    cells: dict = {}
    value = formula = None
    capture = in_is = in_rph = False
    parts: list = []
    inline: list = []
    local: dict[str, str] = {}

    def name_of(name: str) -> str:
        short = local.get(name)
        if short is None:
            short = local[name] = name[name.rfind("}") + 1:]
        return short

    def start(name, attrs):
        nonlocal row, col, style, kind, cells, value, formula, capture, in_is, in_rph, parts, inline
        name = name_of(name)
        if name == "c":
            col = _column(attrs.get("r", ""), col)
            kind, st = attrs.get("t", "n"), attrs.get("s")
            style = int(st) if st and st.isdigit() else 0
            value = formula = None
        elif name == "v" or name == "f":
            capture, parts = True, []
        elif name == "t":
            if in_is and not in_rph:
                capture, parts = True, []
        elif name == "row":
            r = attrs.get("r")
            row = int(r) if r and r.isdigit() else row + 1
            col, cells = 0, {}
        elif name == "is":
            in_is, inline = True, []
        elif name == "rPh":
            in_rph = True

    def end(name):
        nonlocal value, formula, capture, in_is, in_rph
        name = name_of(name)
        if name == "v":
            value, capture = "".join(parts), False
        elif name == "c":
            cell = _value()
            if cell is not None:
                cells[col] = cell
        elif name == "row":
            if cells:
                done.append((row, tuple(cells.get(i) for i in range(1, max(cells) + 1))))
        elif name == "f":
            formula, capture = "".join(parts), False
        elif name == "t":
            if capture:
                inline.append("".join(parts))
                capture = False
        elif name == "is":
            in_is = False
        elif name == "rPh":
            in_rph = False

    def _value():
        if formula is not None:
            return "=" + formula  # as openpyxl with data_only=False: the formula's text, never a result
        if kind == "inlineStr":
            return "".join(inline) if inline else None
        text = value
        if text is None:
            return None
        try:
            if kind == "s":
                return shared_strings[int(text)]
            if kind == "n":
                number = _number(text)
                if style in date_styles:
                    return from_excel(number, epoch, timedelta=style in timedelta_styles)
                return number
            if kind == "b":
                return bool(int(text))
            if kind == "d":
                return from_ISO8601(text)
        except (ValueError, IndexError, OverflowError):
            return "#VALUE!"  # openpyxl's reading of a value it cannot place; the row check refuses it
        return text  # "str" (a formula's text result) and "e" (an error such as #N/A)

    def chars(data):
        if capture:
            parts.append(data)

    parser = pyexpat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, chars
    parser.buffer_text = True
    try:
        while chunk := stream.read(_CHUNK):
            parser.Parse(chunk, False)
            yield from done
            done.clear()
        parser.Parse(b"", True)
    except pyexpat.ExpatError as exc:
        raise SheetXmlError(str(exc)) from None
    yield from done
