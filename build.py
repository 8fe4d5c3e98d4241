#!/usr/bin/env python3
"""Drenthe Digitaal: check the data and build the site.

    python build.py check              controleer alle gegevens in data/
    python build.py stale              toon gegevens die langer dan 12 maanden niet zijn nagekeken
    python build.py build [--out site] bouw de site (na controle) in site/
    python build.py schemas [--check]  schrijf (of controleer) de JSON Schema-bestanden in schemas/
    python build.py hosting            schrijf build/hosting/nginx.conf en apache.htaccess uit site/_headers
    python build.py monitor 2026-Q4 MAP  tel de registraties van de partners (MAP buiten de repository)
    python build.py monitor-template   schrijf het Excel-sjabloon voor de registraties

Thin on purpose: it parses arguments and calls sitegen.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sitegen.build_site import BuildError, BuildPaths, build, check
from sitegen.errors import DataErrors


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; schrijf JJJJ-MM-DD") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build.py", description="Controleer de gegevens en bouw de site.")
    parser.add_argument("--date", type=_date, default=None,
                        help="de datum van vandaag (JJJJ-MM-DD); standaard de echte datum")
    parser.add_argument("--data", type=Path, default=None, help="map met de YAML-bestanden (standaard data/)")
    parser.add_argument("--seeds", type=Path, default=None,
                        help="map met de brondocumenten, om regelnummers en citaten te controleren (standaard ../shared/seeds)")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="controleer alle gegevens")
    c.add_argument("--format", choices=["text", "github"], default="text",
                   help="github: ook elke fout als aantekening bij de regel in een pull request")
    b = sub.add_parser("build", help="bouw de site")
    b.add_argument("--out", type=Path, default=Path("site"), help="map voor de site (standaard site/)")
    s = sub.add_parser("schemas", help="schrijf de JSON Schema-bestanden")
    s.add_argument("--check", action="store_true", help="controleer alleen of ze kloppen met de modellen")
    from sitegen import commands
    commands.add_subcommands(sub)
    args = parser.parse_args(argv)
    today = args.date or date.today()
    paths = BuildPaths(data_dir=args.data, seeds_dir=args.seeds)
    try:
        if args.command == "check":
            dataset = check(paths, today)
            for notice in dataset.notices:
                print(notice)
            print(f"Alles in orde: {len(dataset.partners)} partners, {len(dataset.instruments)} instrumenten, "
                  f"{len(dataset.ladder.steps)} treden en {len(dataset.ladder.questions)} vragen gecontroleerd.")
            return 0
        if args.command == "build":
            print("De site wordt gebouwd:")
            build(args.out.resolve(), today, paths)
            return 0
        if args.command == "schemas":
            from sitegen.data.schemas import check_schemas, write_schemas
            if args.check:
                stale = check_schemas()
                if stale:
                    print("Deze schema's lopen achter op de modellen: " + ", ".join(stale)
                          + ". Draai: python build.py schemas", file=sys.stderr)
                    return 1
                print("De schema's kloppen met de modellen.")
                return 0
            for path in write_schemas():
                print(f"geschreven: {path}")
            return 0
        return commands.run(args, paths, today)
    except DataErrors as exc:
        if getattr(args, "format", "") == "github":
            from sitegen.data.annotations import github_annotations
            print(github_annotations(exc.errors))
        print(exc.report(), file=sys.stderr)
        return 1
    except BuildError as exc:
        print(f"De bouw is gestopt: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
