"""Which files a delivery folder may hold, and the checks made before a file is opened at all."""
from __future__ import annotations

import zipfile
from pathlib import Path

from .problems import Problem

MAX_FILE_BYTES = 50 * 1024 * 1024          # the limit; checked before a byte is read
MAX_UNPACKED_BYTES = 400 * 1024 * 1024     # a 100,000-row sheet unpacks to about 30 MB
MAX_RATIO = 200                            # XML packs about 10-20 times; a bomb packs thousands of times
MAX_MEMBERS = 2000
ACCEPTED = (".xlsx", ".csv")


def delivery_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The .xlsx and .csv files of a folder, sorted; anything else is a problem, not silently skipped
    (a partner who saved .xls or .ods should hear that their file was not counted)."""
    files, problems = [], []
    for path in sorted(folder.iterdir()):
        name = path.name
        if path.is_symlink():
            problems.append(Problem(name, message="Dit is een snelkoppeling (symlink). Zet het bestand zelf in de map."))
        elif path.is_dir():
            problems.append(Problem(name, message="Dit is een map. Zet alle bestanden los in de map die je opgeeft."))
        elif name.startswith("~$"):
            problems.append(Problem(name, message="Dit is een tijdelijk bestand van Excel: het bestand staat nog open. "
                                    "Sluit Excel en haal dit bestand uit de map."))
        elif name.lower().endswith(".xlsm"):
            problems.append(Problem(name, message="Dit is een werkmap met macro's (.xlsm); die lezen we niet. "
                                    "Sla het bestand op als Excel-werkmap (.xlsx)."))
        elif not name.lower().endswith(ACCEPTED):
            problems.append(Problem(name, message="Dit soort bestand lezen we niet. Lever een Excel-werkmap (.xlsx) "
                                    "of een CSV-bestand (.csv, UTF-8, gescheiden door puntkomma's)."))
        elif path.stat().st_size > MAX_FILE_BYTES:
            size = path.stat().st_size / 1024 / 1024
            problems.append(Problem(name, message=f"Dit bestand is {size:.0f} MB; de grens is 50 MB. "
                                    "Splits het in kleinere bestanden of haal lege opmaak weg."))
        else:
            files.append(path)
    return files, problems


def workbook_package_problems(path: Path) -> list[Problem]:
    """Refuse a workbook whose zip holds macros or unpacks to an absurd size, from the zip's own
    table of contents, before openpyxl reads one member."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return [Problem(name, message="Dit is geen geldige Excel-werkmap (.xlsx). Open het in Excel en sla het opnieuw op als .xlsx.")]
    if any(m.filename.lower().endswith("vbaproject.bin") for m in members):
        return [Problem(name, message="Deze werkmap bevat macro's; die lezen we niet. Sla het bestand op als "
                        "Excel-werkmap zonder macro's (.xlsx).")]
    if len(members) > MAX_MEMBERS:
        return [Problem(name, message=f"Deze werkmap bestaat uit {len(members)} onderdelen; dat is geen gewone "
                        "registratie. Zet de gegevens in een nieuwe werkmap van het sjabloon.")]
    unpacked = sum(m.file_size for m in members)
    packed_ratio = max((m.file_size / max(m.compress_size, 1) for m in members), default=0)
    if unpacked > MAX_UNPACKED_BYTES or packed_ratio > MAX_RATIO:
        return [Problem(name, message="Deze werkmap wordt uitgepakt onwaarschijnlijk groot (een 'zipbom'); we openen "
                        "hem niet. Zet de gegevens in een nieuwe werkmap van het sjabloon.")]
    return []
