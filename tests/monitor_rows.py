"""Helpers for the registration tests: one valid row, changed per test, written as a partner would."""
from __future__ import annotations

import csv
from pathlib import Path

from sitegen.monitor.columns import COLUMNS, HEADERS
from sitegen.monitor.synthetic import write_xlsx

VALID = {
    "partner": "ibdo", "reference": "IBDO-2026-001", "start_date": "5-10-2026", "gemeente": "Emmen",
    "start_code": "v1.CCCCCCC", "start_step": "", "follow_up_date": "", "follow_up_code": "", "follow_up_step": "",
    "instruments": "ibdo-intake", "referred_to": "", "basisniveau": "", "talent": "", "talent_kept": "",
}


def row(**changes) -> tuple:
    values = {**VALID, **changes}
    return tuple(values[c.key] for c in COLUMNS)


def rows(n: int, **changes) -> list[tuple]:
    """n valid rows with their own references."""
    return [row(**{"reference": f"IBDO-2026-{i:03d}", **changes}) for i in range(n)]


def write_csv(path: Path, lines: list[tuple], header: tuple = HEADERS, encoding: str = "utf-8-sig") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(lines)
    return path


def write_workbook(path: Path, lines: list[tuple], header: tuple = HEADERS) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_xlsx(path, lines, header)
    return path
