"""`build.py monitor KWARTAAL MAP` and `build.py monitor-template`: the monitor's two commands."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .problems import MonitorErrors
from .quarter import Quarter
from .vocabulary import Vocabulary


def add_monitor_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("quarter", metavar="KWARTAAL", help="het kwartaal, zoals 2026-Q4")
    parser.add_argument("folder", metavar="MAP", type=Path,
                        help="de map met de bestanden van de partners (buiten deze repository)")


def add_template_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=Path("build/monitor/registratie-sjabloon.xlsx"),
                        help="waar het sjabloon komt (standaard build/monitor/registratie-sjabloon.xlsx)")


def _vocabulary(dataset) -> Vocabulary:
    basis = dataset.monitor.settings.basisniveau
    return Vocabulary.from_dataset(dataset, basis.question, list(basis.letters))


def _settings_or_none(dataset):
    if dataset.monitor.settings is None:
        print("data/monitor/settings.yaml ontbreekt. Zonder drempel en basisniveau kan de monitor niet tellen.",
              file=sys.stderr)
    return dataset.monitor.settings


def inside(folder: Path, root: Path) -> bool:
    """True when folder (symlinks resolved) is root or under it."""
    return folder.resolve().is_relative_to(root.resolve())


def run_monitor(args: argparse.Namespace, paths, today: date, load_data) -> int:
    """load_data() -> the checked Dataset (build_site.check; passed in: a stage never imports build_site)."""
    from .aggregate import aggregate_folder, write_aggregate

    try:
        quarter = Quarter.parse(args.quarter)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"De map '{folder}' bestaat niet. Geef de map met de bestanden van de partners.", file=sys.stderr)
        return 2
    if inside(folder, paths.root):
        print(f"De map '{folder}' staat in de repository. Registraties van partners horen daar nooit in: "
              "zet ze in een map buiten de repository (bijvoorbeeld in je eigen documenten) en draai het opnieuw.",
              file=sys.stderr)
        return 2
    if quarter.first_day > today:
        print(f"Het kwartaal {quarter} is nog niet begonnen. Kies een kwartaal dat al voorbij is.", file=sys.stderr)
        return 2
    dataset = load_data()  # DataErrors: build.py prints them
    settings = _settings_or_none(dataset)
    if settings is None:
        return 1
    basisniveau = {"question": settings.basisniveau.question, "letters": list(settings.basisniveau.letters),
                   "provisional": settings.basisniveau.provisional, "text": settings.basisniveau.text}
    try:
        aggregate = aggregate_folder(folder, quarter, _vocabulary(dataset), settings.threshold, basisniveau, today)
        target = write_aggregate(aggregate, paths.data_dir, lambda path: aggregate_check(path, dataset, today))
    except MonitorErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Geschreven: {target.relative_to(paths.root) if inside(target, paths.root) else target} "
          f"(partners: {', '.join(aggregate['partners'])}). Alleen aantallen; kleine aantallen zijn verborgen.")
    if quarter.last_day >= today:
        print(f"Let op: het kwartaal {quarter} is nog niet voorbij. Maak het bestand opnieuw als het kwartaal om is.")
    print("Controleer het bestand en stuur het in met een pull request.")
    return 0


def aggregate_check(path: Path, dataset, today: date) -> list[str]:
    """The site's own checks of an aggregate (sitegen.data.monitor), on what we are about to write."""
    from pydantic import ValidationError

    from sitegen.data.monitor import Aggregate, KnownIds, aggregate_errors
    from sitegen.data.yaml_source import read_yaml

    doc, errors = read_yaml(path, f"data/monitor/{path.name}")
    if doc is None:
        return [str(e) for e in errors]
    try:
        agg = Aggregate.model_validate(doc.data)
    except ValidationError as exc:
        return [str(exc)]
    known = KnownIds(tuple(g.slug for g in dataset.regions.gemeenten), frozenset(dataset.instruments_by_id),
                     frozenset(dataset.partners_by_id))
    return [str(e) for e in errors + aggregate_errors(doc, agg, agg.quarter, known, today)]


def run_template(args: argparse.Namespace, paths, today: date, load_data) -> int:
    from .template import write_template

    dataset = load_data()
    if _settings_or_none(dataset) is None:
        return 1
    out: Path = args.out
    write_template(out, _vocabulary(dataset), dataset)
    print(f"Geschreven: {out}. Stuur dit sjabloon naar de partners; zij vullen het blad Registraties.")
    return 0

