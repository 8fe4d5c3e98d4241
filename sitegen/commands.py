"""Extra build.py subcommands (e.g. `stale`), registered here so build.py stays thin."""
from __future__ import annotations

import argparse
from datetime import date

COMMANDS: dict[str, tuple[str, callable]] = {}


def add_subcommands(sub: argparse._SubParsersAction) -> None:
    for name, (help_text, _) in COMMANDS.items():
        sub.add_parser(name, help=help_text)


def run(args: argparse.Namespace, paths, today: date) -> int:
    _, handler = COMMANDS[args.command]
    return handler(args, paths, today)
