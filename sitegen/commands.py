"""Extra build.py subcommands (e.g. `stale`), registered here so build.py stays thin."""
from __future__ import annotations

import argparse
from datetime import date

COMMANDS: dict[str, tuple[str, callable]] = {}
# Optional: name -> fn(parser) that adds the subcommand's own options.
ARGUMENTS: dict[str, callable] = {}


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    for name, (help_text, _) in COMMANDS.items():
        parser = sub.add_parser(name, help=help_text)
        if name in ARGUMENTS:
            ARGUMENTS[name](parser)


def run(args: argparse.Namespace, paths, today: date) -> int:
    _, handler = COMMANDS[args.command]
    return handler(args, paths, today)


def _register_stale() -> None:
    from . import stale
    COMMANDS["stale"] = ("toon gegevens die langer dan 12 maanden niet zijn nagekeken", stale.run)
    ARGUMENTS["stale"] = stale.add_arguments


_register_stale()
