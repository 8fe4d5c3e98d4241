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


def _stale_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "markdown", "count"], default="text",
                        help="text (standaard), markdown (voor een issue) of count (alleen het aantal)")


def _stale(args: argparse.Namespace, paths, today: date) -> int:
    """`python build.py stale`: always exit 0; an old entry is work to do, not a broken build."""
    from sitegen.build_site import check
    from sitegen.data.settings import read_settings
    from sitegen.exports import stale

    dataset = check(paths, today)
    entries = stale.stale_entries(dataset, today)
    closed = stale.events_of_closed_instruments(dataset, today)
    fmt = getattr(args, "format", "text")
    if fmt == "count":
        print(len(entries) + len(closed))
    elif fmt == "markdown":
        settings = read_settings(paths.config_file)
        print(stale.as_markdown(entries, today, settings.repository_url, settings.branch), end="")
        print(stale.closed_events_markdown(closed, settings.repository_url, settings.branch), end="")
    else:
        print(stale.as_text(entries, today))
        if closed:
            print(stale.closed_events_text(closed))
    return 0


COMMANDS["stale"] = ("toon gegevens die langer dan 12 maanden niet zijn nagekeken, en bijeenkomsten bij een "
                     "gesloten regeling", _stale)
ARGUMENTS["stale"] = _stale_arguments


def _register_apply_issue() -> None:
    from sitegen import apply_issue
    COMMANDS["apply-issue"] = ("zet een ingevuld formulier ('Gegevens wijzigen of toevoegen' of 'Bijeenkomst toevoegen') "
                               "om in een wijziging van data/",
                               apply_issue.run)
    ARGUMENTS["apply-issue"] = apply_issue.add_arguments


_register_apply_issue()


def _register_hosting() -> None:
    from sitegen.exports import hosting
    COMMANDS["hosting"] = ("schrijf de headers voor nginx en Apache uit site/_headers (standaard in build/hosting/)",
                           hosting.run)
    ARGUMENTS["hosting"] = hosting.add_arguments


_register_hosting()


def _review_requests(args: argparse.Namespace, paths, today: date) -> int:
    """`python build.py review-requests [--out DIR]`: per partner a text to confirm their entries."""
    from sitegen.build_site import check
    from sitegen.data.settings import read_settings
    from sitegen.exports import review_requests

    dataset = check(paths, today)
    settings = read_settings(paths.config_file)
    review_requests.report(review_requests.write_requests(dataset, args.out, settings, today), args.out, settings)
    return 0


def _register_review_requests() -> None:
    from sitegen.exports import review_requests
    COMMANDS["review-requests"] = ("schrijf per partner een tekst om de eigen gegevens te bevestigen "
                                   "(standaard in build/review-requests/)", _review_requests)
    ARGUMENTS["review-requests"] = review_requests.add_arguments


_register_review_requests()


def _monitor_command(name: str):
    def handler(args: argparse.Namespace, paths, today: date) -> int:
        from sitegen.build_site import check
        from sitegen.monitor import command
        return getattr(command, name)(args, paths, today, lambda: check(paths, today))
    return handler


def _register_monitor() -> None:
    from sitegen.monitor import command
    COMMANDS["monitor"] = ("tel de registraties van de partners (een map buiten de repository) en schrijf "
                           "data/monitor/<kwartaal>.yaml, alleen aantallen", _monitor_command("run_monitor"))
    ARGUMENTS["monitor"] = command.add_monitor_arguments
    COMMANDS["monitor-template"] = ("schrijf het Excel-sjabloon waarin partners hun registraties invullen",
                                    _monitor_command("run_template"))
    ARGUMENTS["monitor-template"] = command.add_template_arguments


_register_monitor()
