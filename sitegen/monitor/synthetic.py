"""Synthetic registrations, for tests and the bench only: never on the public site, never in data/.

Deterministic by seed. Six partners, the 13 gemeenten (bigger ones get more firms), four quarters
of a year, most firms in the lower treden, a share with a follow-up. Besides writing the partners'
files, generate() returns the truth per firm (what the rows mean), so a test can count it a
second, independent way. The weights are a plausible shape for testing, not facts about Drenthe.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .columns import HEADERS

PARTNERS = ("ibdo", "it-hub-drenthe", "edih-noord-nederland", "ai-hub-noord-nederland",
            "digitale-werkplaats-drenthe", "techhub-assen")
# Relative size only (bigger gemeenten, more firms): a test shape, not a statistic.
GEMEENTE_WEIGHTS = {"emmen": 10, "assen": 7, "hardenberg": 6, "hoogeveen": 5, "meppel": 4, "coevorden": 3,
                    "midden-drenthe": 3, "tynaarlo": 3, "noordenveld": 3, "borger-odoorn": 3, "aa-en-hunze": 2,
                    "de-wolden": 2, "westerveld": 2}
STEP_WEIGHTS = (30, 30, 20, 12, 6, 2)  # orienteren … transformeren: most firms low on the ladder
INSTRUMENTS = {
    "ibdo": ("ibdo-intake", "ibdo-vouchers", "adviesvoucher-mkb-drenthe", "ibdo-digitaliseringsbenchmark"),
    "it-hub-drenthe": ("it-hub-innovatieprojecten", "it-lab-drenthe-talentwerkplaats", "subsidie-digitale-en-ai-gereedheid"),
    "edih-noord-nederland": ("edih-digitale-en-ai-scans", "edih-test-before-invest", "edih-trainingen-en-ai-skills"),
    "ai-hub-noord-nederland": ("ai-hub-use-cases-en-kennisdeling", "subsidie-digitale-en-ai-gereedheid"),
    "digitale-werkplaats-drenthe": ("digitale-werkplaats-drenthe-prescan", "digitale-werkplaats-drenthe-roadmap"),
    "techhub-assen": ("techhub-assen-studentenprojecten",),
}
TALENT_PARTNERS = {"it-hub-drenthe", "ai-hub-noord-nederland", "techhub-assen"}
LETTERS = "ABCDEF"
SECURITY = 4  # the fifth answer in a code


@dataclass(frozen=True)
class Firm:
    """What one synthetic row means, as the generator intended it."""
    partner: str
    gemeente: str
    start_date: date
    start_step: int
    follow_up_date: date | None
    follow_up_step: int | None
    instruments: tuple[str, ...]
    security_letter: str | None   # from the latest code; None without a code
    basisniveau_typed: str        # "ja"/"nee"/"onbekend"/"" as written in the row
    talent: int
    talent_kept: str              # "ja"/"nee"/"onbekend"/""
    row: tuple                    # the cells as written


def _code(rng: random.Random, step: int, security: str, gemeente: str | None) -> str:
    """Seven answers, four of them `step`'s letter (security's included), so the trede is known by
    design: no other letter can be chosen four times."""
    mine = LETTERS[step]
    repeats = 3 if security == mine else 4
    others = [LETTERS[min(5, max(0, step + rng.choice((-1, 1))))] for _ in range(6 - repeats)]
    others = [o if o != mine else LETTERS[step + 1 if step < 5 else step - 1] for o in others]
    rest = [mine] * repeats + others
    rng.shuffle(rest)
    answers = "".join(rest[:SECURITY] + [security] + rest[SECURITY:])
    return f"v1.{answers}.{gemeente}" if gemeente else f"v1.{answers}"


def _day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def generate(seed: int, firms: int, year: int, today: date, step_names: list[str]) -> list[Firm]:
    rng = random.Random(seed)
    gemeenten, weights = list(GEMEENTE_WEIGHTS), list(GEMEENTE_WEIGHTS.values())
    first, last = date(year, 1, 1), min(date(year, 12, 31), today)
    out: list[Firm] = []
    for n in range(firms):
        partner = PARTNERS[n % len(PARTNERS)] if n < len(PARTNERS) else rng.choice(PARTNERS)
        gemeente = rng.choices(gemeenten, weights)[0]
        start_date = _day(rng, first, last)
        start_step = rng.choices(range(6), STEP_WEIGHTS)[0]
        start_security = rng.choice(LETTERS[max(0, start_step - 1):start_step + 2])
        start_code = _code(rng, start_step, start_security, gemeente if rng.random() < 0.3 else None) \
            if rng.random() < 0.6 else ""
        follow_up_date = follow_up_step = None
        follow_code = ""
        security = start_security if start_code else None
        if rng.random() < 0.35 and (start_date + timedelta(days=60)) <= last:
            follow_up_date = _day(rng, start_date + timedelta(days=60), min(last, start_date + timedelta(days=240)))
            follow_up_step = min(5, start_step + rng.choices((0, 1, 2), (40, 50, 10))[0])
            security = None
            if rng.random() < 0.6:
                security = rng.choice(LETTERS[max(0, follow_up_step - 1):follow_up_step + 2])
                follow_code = _code(rng, follow_up_step, security, None)
        offered = INSTRUMENTS[partner]
        instruments = tuple(dict.fromkeys(rng.sample(offered, rng.randint(0, min(2, len(offered))))))
        basis_typed = "" if security else rng.choice(("ja", "nee", "onbekend", ""))
        talent = rng.choice((0, 0, 1, 2, 3, 5)) if partner in TALENT_PARTNERS and rng.random() < 0.4 else 0
        kept = rng.choice(("ja", "ja", "nee", "onbekend", "")) if talent else ""
        referred = rng.choice(("it-hub-drenthe", "edih-noord-nederland", "")) if partner == "ibdo" else ""
        reference = f"{partner[:4].upper()}-{year}-{n:06d}"
        start_typed = "" if start_code else step_names[start_step]
        follow_typed = step_names[follow_up_step] if follow_up_date and not follow_code else ""
        row = (partner, reference, start_date.strftime("%d-%m-%Y"), gemeente, start_code, start_typed,
               follow_up_date.strftime("%d-%m-%Y") if follow_up_date else "", follow_code, follow_typed,
               ", ".join(instruments), referred, basis_typed, str(talent) if talent else "", kept)
        out.append(Firm(partner, gemeente, start_date, start_step, follow_up_date, follow_up_step, instruments,
                        security, basis_typed, talent, kept, row))
    return out


def write_folder(folder: Path, firms: list[Firm], fmt: str = "csv") -> list[Path]:
    """One file per partner, as a partner would deliver it: csv (UTF-8 with BOM, ';') or xlsx."""
    folder.mkdir(parents=True, exist_ok=True)
    by_partner: dict[str, list[tuple]] = {}
    for firm in firms:
        by_partner.setdefault(firm.partner, []).append(firm.row)
    paths = []
    for partner, rows in by_partner.items():
        path = folder / f"{partner}.{fmt}"
        if fmt == "csv":
            with path.open("w", encoding="utf-8-sig", newline="") as stream:
                writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
                writer.writerow(HEADERS)
                writer.writerows(rows)
        else:
            write_xlsx(path, rows)
        paths.append(path)
    return paths


def write_xlsx(path: Path, rows: list[tuple], header: tuple = HEADERS) -> None:
    """As Excel saves a filled template: text as shared strings, dates as date cells, numbers as numbers."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Registraties"
    ws.append(header)
    for row in rows:
        ws.append([_excel_value(cell) for cell in row])
    wb.save(path)


def _excel_value(cell):
    if cell == "" or cell is None:
        return None
    if isinstance(cell, str) and len(cell) == 10 and cell[2] == "-" and cell[5] == "-" and cell[6:].isdigit():
        try:
            return date(int(cell[6:]), int(cell[3:5]), int(cell[:2]))  # "05-10-2026", as the generator writes dates
        except ValueError:
            return cell  # a test's impossible date stays text, as a partner would have typed it
    if isinstance(cell, str) and cell.isdigit() and len(cell) <= 3:
        return int(cell)  # talent: a small number; a long digit string (a reference) stays text
    return cell
