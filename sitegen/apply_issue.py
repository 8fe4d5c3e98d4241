"""`python build.py apply-issue --body ISSUE.md`: a filled-in issue form ("Gegevens wijzigen of
toevoegen" or "Bijeenkomst toevoegen") becomes an edit of data/.

Exit 0: the YAML file is edited and the same check as `build.py check` passes on all data.
Exit 1: data/ is left as it was; the report says why. The report is Markdown for a comment on the
issue (--report), in Dutch for the person who filled in the form: on success with the parsed
change as a table (the workflow repeats it in the pull request), on refusal with the problems as
plain text. Either way it fits in one GitHub comment.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sitegen.data.data_edits import EditError, EditResult, apply_request
from sitegen.data.github_text import (COMMENT_LIMIT, MAX_CELL_CHARS, capped, code_block, code_span, nl_number,
                                      shorten)
from sitegen.data.event_form import apply_event
from sitegen.data.issue_form import EVENT_FORM_FILE, FormError, form_for, parse_request
from sitegen.errors import DataErrors

REFUSED_HELP = ("Wat nu? Pas je issue aan: klik bij je bericht op de drie puntjes (…) en kies *Edit*. "
                "Verbeter wat hierboven staat en sla op. Vraag de redactie daarna in een reactie om het "
                "opnieuw te proberen.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--body", type=Path, required=True, help="bestand met de tekst van het issue")
    parser.add_argument("--report", type=Path, default=None,
                        help="schrijf het antwoord voor het issue (Markdown) ook naar dit bestand")


def refused(problems: list[str], intro: str = "Er klopt iets niet:") -> str:
    """The problems as plain text in a code block (GitHub makes no link or mention there), at most
    MAX_PROBLEMS of them, so the answer always fits in one comment."""
    return f"**Je wijziging is nog niet verwerkt.** {intro}\n\n{code_block(capped(problems))}\n\n{REFUSED_HELP}\n"


def _cell(value) -> str:
    if value is None:
        return "*(niet ingevuld)*"
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    elif isinstance(value, date):
        value = value.isoformat()
    return code_span(shorten(str(value), MAX_CELL_CHARS))


def change_table(rows: list[tuple[str, object, object]]) -> list[str]:
    """The parsed change as GitHub shows it to the maintainer: field, value now, value after.
    Every value is a code span: no Markdown, HTML, mention or link can come out of it."""
    lines = ["| Veld | Nu | Wordt |", "|---|---|---|"]
    lines += [f"| {code_span(name)} | {_cell(old)} | {_cell(new)} |" for name, old, new in rows]
    return lines


def _count(n: int, one: str, more: str) -> str:
    return f"{nl_number(n)} {one if n == 1 else more}"


KIND_BY_FILE = {"partners.yaml": "partner", "instruments.yaml": "instrument", "events.yaml": "bijeenkomst"}


def accepted(result: EditResult, dataset) -> str:
    kind = KIND_BY_FILE[Path(result.file).name]
    what = f"nieuwe {kind} {code_span(result.entry_id)}" if result.new else f"{kind} {code_span(result.entry_id)}"
    lines = ["**Je wijziging is verwerkt.** Dank je wel!", "",
             f"- Gegeven: {what}, in {code_span(result.file)}",
             "- Bron: " + ("toegevoegd" if result.source_added else "stond er al bij"),
             f"- Controle van alle gegevens: in orde ({len(dataset.partners)} partners, "
             f"{len(dataset.instruments)} instrumenten, {_count(len(dataset.events), 'bijeenkomst', 'bijeenkomsten')})", "",
             "Dit is de wijziging, zoals het programma je issue heeft gelezen:", "",
             *change_table(result.rows), "",
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
        with args.body.open(encoding="utf-8", newline="") as f:  # keep a lone CR: the parser refuses it
            body = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Het bestand met de tekst van het issue is niet te lezen: {args.body} ({exc})", file=sys.stderr)
        return 1
    if len(body.replace("\r\n", "\n")) > COMMENT_LIMIT:  # GitHub allows no longer body; cutting it off could change its meaning
        _emit(refused([f"de tekst van het issue is langer dan {nl_number(COMMENT_LIMIT)} tekens; maak hem korter"]), args)
        return 1
    try:
        form = form_for(body, paths.root)  # the change form or "Bijeenkomst toevoegen"
        if form == paths.root / EVENT_FORM_FILE:
            result = apply_event(body, form, paths.data_dir, today)
        else:
            result = apply_request(parse_request(body, form), paths.data_dir, today)
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
    _emit(accepted(result, dataset), args)
    print(result.diff(), file=sys.stderr)  # for the log of the workflow and a person at a terminal
    return 0

