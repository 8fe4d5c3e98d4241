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
    s = {"row": 0, "col": 0, "cells": {}, "type": "n", "style": 0, "value": None, "formula": None,
         "capture": False, "in_is": False, "in_rph": False, "parts": [], "inline": []}

    def start(name, attrs):
        name = name[name.rfind("}") + 1:]
        if name == "c":
            s["col"] = _column(attrs.get("r", ""), s["col"])
            s["type"], style = attrs.get("t", "n"), attrs.get("s")
            s["style"] = int(style) if style and style.isdigit() else 0
            s["value"] = s["formula"] = None
        elif name == "v" or name == "f":
            s["capture"], s["parts"] = True, []
        elif name == "t" and s["in_is"] and not s["in_rph"]:
            s["capture"], s["parts"] = True, []
        elif name == "is":
            s["in_is"], s["inline"] = True, []
        elif name == "rPh":
            s["in_rph"] = True
        elif name == "row":
            r = attrs.get("r")
            s["row"] = int(r) if r and r.isdigit() else s["row"] + 1
            s["col"], s["cells"] = 0, {}

    def end(name):
        name = name[name.rfind("}") + 1:]
        if name == "v":
            s["value"], s["capture"] = "".join(s["parts"]), False
        elif name == "f":
            s["formula"], s["capture"] = "".join(s["parts"]), False
        elif name == "t" and s["capture"]:
            s["inline"].append("".join(s["parts"]))
            s["capture"] = False
        elif name == "is":
            s["in_is"] = False
        elif name == "rPh":
            s["in_rph"] = False
        elif name == "c":
            value = _value(s)
            if value is not None:
                s["cells"][s["col"]] = value
        elif name == "row":
            cells = s["cells"]
            if cells:
                done.append((s["row"], tuple(cells.get(i) for i in range(1, max(cells) + 1))))

    def _value(state):
        if state["formula"] is not None:
            return "=" + state["formula"]  # as openpyxl with data_only=False: the formula's text, never a result
        kind, text = state["type"], state["value"]
        if kind == "inlineStr":
            return "".join(state["inline"]) if state["inline"] else None
        if text is None:
            return None
        try:
            if kind == "n":
                number = _number(text)
                if state["style"] in date_styles:
                    return from_excel(number, epoch, timedelta=state["style"] in timedelta_styles)
                return number
            if kind == "s":
                return shared_strings[int(text)]
            if kind == "b":
                return bool(int(text))
            if kind == "d":
                return from_ISO8601(text)
        except (ValueError, IndexError, OverflowError):
            return "#VALUE!"  # openpyxl's reading of a value it cannot place; the row check refuses it
        return text  # "str" (a formula's text result) and "e" (an error such as #N/A)

    def chars(data):
        if s["capture"]:
            s["parts"].append(data)

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
