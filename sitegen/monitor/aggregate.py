"""A folder of partner files in, one quarter's aggregate out: read, check, count, suppress.

aggregate_folder() returns the aggregate as a dict (for tests and the bench); write_aggregate()
writes it to data/monitor/<kwartaal>.yaml, checked by the site's own model before it replaces anything.
"""
from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import yaml

from .counting import RULES as COUNTING_RULES, count
from .files import delivery_files
from .problems import MonitorErrors, Problem
from .quarter import Quarter
from .readers import RawRow, read_file
from .rows import Registration, check_row
from .suppression import RULES as SUPPRESSION_RULES, suppress
from .vocabulary import Vocabulary


def read_registrations(folder: Path, vocabulary: Vocabulary, today: date) -> list[Registration]:
    """Every row of every file, checked; MonitorErrors with all problems at once if any."""
    files, problems = delivery_files(folder)
    if not files and not problems:
        problems.append(Problem(folder.name, message="Deze map bevat geen registraties (.xlsx of .csv)."))
    registrations: list[Registration] = []
    seen: dict[tuple[str, str], Registration] = {}
    for path in files:
        for item in read_file(path):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            checked = check_row(item, vocabulary, today)
            if isinstance(checked, list):
                problems += checked
                continue
            key = (checked.partner, checked.reference.casefold())
            if key in seen:
                first = seen[key]
                where = f"{first.file}" + (f":{first.sheet}" if first.sheet else "") + f":rij {first.row}"
                problems.append(_reference_problem(item, f"Deze referentie staat al bij {checked.partner} in {where}. "
                                                         "Eén rij per bedrijf: voeg de rijen samen of geef elk bedrijf een eigen code."))
                continue
            seen[key] = checked
            registrations.append(checked)
    if problems:
        raise MonitorErrors(problems)
    return registrations


def _reference_problem(raw: RawRow, message: str) -> Problem:
    from .columns import column_label
    from .rows import INDEX
    return Problem(raw.file, raw.sheet, raw.row, column_label(INDEX["reference"]), message)


def aggregate_folder(folder: Path, quarter: Quarter, vocabulary: Vocabulary, threshold: int,
                     basisniveau: dict, today: date) -> dict:
    """The aggregate of the contract (ARCHITECTURE.md, "The monitor"), counts only."""
    registrations = read_registrations(folder, vocabulary, today)
    order = {pid: i for i, pid in enumerate(vocabulary.partners)}
    partners = sorted({r.partner for r in registrations}, key=order.__getitem__)
    rules = COUNTING_RULES + [rule.format(t=threshold) for rule in SUPPRESSION_RULES]
    return {
        "quarter": str(quarter),
        "made_on": today,
        "threshold": threshold,
        "partners": partners,
        "basisniveau": basisniveau,
        "rules": rules,
        "indicators": suppress(count(registrations, quarter, vocabulary), threshold),
    }


class _FlowLeaves(yaml.SafeDumper):
    """Maps of counts on one line each ({emmen: 88, assen: '<5'}), the rest in block style."""


def _represent_dict(dumper, data):
    flow = all(not isinstance(v, (dict, list)) for v in data.values()) and len(data) > 3
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_FlowLeaves.add_representer(dict, _represent_dict)


def dumps(aggregate: dict) -> str:
    head = (f"# Monitor Drenthe Digitaal, {aggregate['quarter']}. Gemaakt met build.py monitor. Alleen aantallen.\n"
            "# Niet met de hand wijzigen: maak het bestand opnieuw met het commando (zie CONTRIBUTING.md).\n")
    return head + yaml.dump(aggregate, Dumper=_FlowLeaves, allow_unicode=True, sort_keys=False, width=120)


def write_aggregate(aggregate: dict, data_dir: Path, check) -> Path:
    """Atomically: a temporary file beside the target, checked with `check(path) -> list of errors`
    (the site's own loader), then renamed over it. On any error nothing is left behind."""
    folder = data_dir / "monitor"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{aggregate['quarter']}.yaml"
    handle, temp_name = tempfile.mkstemp(prefix=".tmp-", suffix=".yaml", dir=folder)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(dumps(aggregate))
        errors = check(temp)
        if errors:
            raise MonitorErrors([Problem(target.name, message=f"Het gemaakte bestand klopt niet: {e}") for e in errors])
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target
