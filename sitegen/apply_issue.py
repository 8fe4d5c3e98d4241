"""`python build.py apply-issue --body ISSUE.md`: a filled-in issue form becomes an edit of data/.

Exit 0: the YAML file is edited and the same check as `build.py check` passes on all data.
Exit 1: data/ is left as it was; the report says why. The report is Markdown for a comment on the
issue (--report), in Dutch for the person who filled in the form.
"""
from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from sitegen.data.data_edits import EditError, EditResult, apply_request
from sitegen.errors import DataErrors
from sitegen.data.issue_form import FORM_FILE, FormError, parse_request

MAX_BODY = 65_536  # GitHub's own limit for an issue body, in characters

REFUSED_HELP = ("Wat nu? Pas je issue aan: klik bij je bericht op de drie puntjes (…) en kies *Edit*. "
                "Verbeter wat hierboven staat en sla op. Vraag de redactie daarna in een reactie om het "
                "opnieuw te proberen.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--body", type=Path, required=True, help="bestand met de tekst van het issue")
    parser.add_argument("--report", type=Path, default=None,
                        help="schrijf het antwoord voor het issue (Markdown) ook naar dit bestand")


def markdown_text(text: str) -> str:
    """Text that may hold the reporter's own words, shown in a comment as plain text: no mention,
    link, image or HTML, and control characters shown escaped instead of sent on."""
    text = "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)
    return re.sub(r"([\\`*_\[\]<>!@#|~&])", r"\\\1", text)


def refused(problems: list[str], intro: str = "Er klopt iets niet:") -> str:
    items = "\n".join(f"- {markdown_text(p)}" for p in problems)
    return f"**Je wijziging is nog niet verwerkt.** {intro}\n\n{items}\n\n{REFUSED_HELP}\n"


def accepted(result: EditResult, n_partners: int, n_instruments: int) -> str:
    kind = "partner" if result.file.endswith("partners.yaml") else "instrument"
    what = f"nieuwe {kind} `{result.entry_id}`" if result.new else f"{kind} `{result.entry_id}`"
    lines = ["**Je wijziging is verwerkt.** Dank je wel!", "",
             f"- Gegeven: {what}, in `{result.file}`",
             f"- Aangepast: {', '.join(f'`{f}`' for f in result.fields)}",
             "- Bron: " + ("toegevoegd" if result.source_added else "stond er al bij"),
             f"- Controle van alle gegevens: in orde ({n_partners} partners, {n_instruments} instrumenten)", "",
             "De redactie bekijkt de wijziging en neemt haar over als de bron het zegt. "
             "Misschien stelt ze je nog een vraag in dit issue."]
    return "\n".join(lines) + "\n"


def _emit(report: str, args: argparse.Namespace) -> None:
    print(report, end="")
    if args.report:
        args.report.write_text(report, encoding="utf-8")


def run(args: argparse.Namespace, paths, today: date) -> int:
    from sitegen.build_site import check

    try:
        body = args.body.read_text(encoding="utf-8")[:MAX_BODY]
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Het bestand met de tekst van het issue is niet te lezen: {args.body} ({exc})", file=sys.stderr)
        return 1
    try:
        request = parse_request(body, paths.root / FORM_FILE)
        result = apply_request(request, paths.data_dir, today)
    except (FormError, EditError) as exc:
        _emit(refused(exc.problems), args)
        return 1
    target = paths.data_dir / Path(result.file).name
    target.write_text(result.after, encoding="utf-8")
    try:
        dataset = check(paths, today)  # the same check as `build.py check`, on all files
    except DataErrors as exc:
        target.write_text(result.before, encoding="utf-8")  # leave data/ as it was
        _emit(refused([e.message for e in exc.errors],
                      "Na de wijziging klopt de controle van alle gegevens niet:"), args)
        return 1
    _emit(accepted(result, len(dataset.partners), len(dataset.instruments)), args)
    print(result.diff(), file=sys.stderr)  # for the log of the workflow and a person at a terminal
    return 0

