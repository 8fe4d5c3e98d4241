"""Command line for advisers and tests:

    python -m scan_core CCDDBAE [--gemeente emmen] [--date 2026-11-22] [--json | --card] [--data PATH]
    python -m scan_core CCDDBAE --compare v1.AABBAAB [--earlier-date 2026-05-01] [--json]

Also takes an answer code (v1.CCDDBAE.emmen). Bad input: a Dutch message on stderr, exit 2.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .answers import decode_code, encode_code, parse_answers
from .compare import compare
from .errors import ScanInputError, shown
from .evaluate import evaluate
from .handoff import card_text
from .result import ScanResult

DEFAULT_DATA = Path("site") / "scan" / "scan-data.json"
# Lower-case answers are fine, but only a-f become A-F: str.upper() would turn the ligature ﬀ
# (U+FB00) into "FF" and so accept a code that is not one.
_ANSWER_CASE = str.maketrans("abcdef", "ABCDEF")


class _DutchParser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own errors are English; say it in Dutch
        self.print_usage(sys.stderr)
        self.exit(2, f"Fout in de opdracht: {message}\n")


def _parser() -> argparse.ArgumentParser:
    p = _DutchParser(prog="python -m scan_core", description="De snelle zelfscan op de opdrachtregel.")
    p.add_argument("answers", help="7 letters A-F (bijv. CCDDBAE) of een code (bijv. v1.CCDDBAE.emmen)")
    p.add_argument("--gemeente", help="gemeente van het bedrijf, bijv. emmen")
    p.add_argument("--date", help="datum van vandaag (JJJJ-MM-DD); standaard de echte datum")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="geef de uitkomst als JSON")
    out.add_argument("--card", action="store_true", help="geef de gesprekskaart (één A4) als tekst")
    p.add_argument("--compare", metavar="EERDERE_CODE", help="vergelijk met een eerdere uitkomst, bijv. v1.AABBAAB")
    p.add_argument("--earlier-date", help="datum van de eerdere uitkomst (JJJJ-MM-DD), als je die weet")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"scangegevens (standaard {DEFAULT_DATA})")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        try:
            data = json.loads(args.data.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ScanInputError(f"De scangegevens staan niet in {shown(args.data, 200)}. Draai eerst 'make site' of geef --data.") from None
        except (OSError, ValueError):
            raise ScanInputError(f"{shown(args.data, 200)} is geen leesbaar JSON-bestand met scangegevens.") from None
        answers, gemeente = args.answers.strip(), args.gemeente
        if answers.startswith("v"):
            answers, code_gemeente = decode_code(answers, {g["slug"] for g in data["gemeenten"]})
            gemeente = gemeente or code_gemeente
        else:
            answers = parse_answers(answers.translate(_ANSWER_CASE))
        try:
            today = date.fromisoformat(args.date) if args.date else date.today()  # the only clock read
        except ValueError:
            raise ScanInputError(f"'{shown(args.date, 20)}' is geen datum; gebruik JJJJ-MM-DD.") from None
        result = evaluate(data, answers, gemeente, today)
        if args.compare:
            earlier = args.compare.strip()
            earlier = earlier if earlier.startswith("v") else encode_code(earlier.translate(_ANSWER_CASE))
            compared = compare(data, earlier, args.earlier_date, result.code, today)
    except ScanInputError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    except (LookupError, TypeError, ValueError, AttributeError):
        print(f"Fout: de scangegevens in {shown(args.data, 200)} zijn onvolledig of kapot. Draai 'make site' opnieuw.",
              file=sys.stderr)
        return 2
    if args.compare:
        print(json.dumps(compared, ensure_ascii=False, sort_keys=True) if args.json else compare_text(compared))
    elif args.card:
        print(card_text(result, result.summary))
    else:
        print(result.to_json() if args.json else as_text(result))
    return 0


def compare_text(c: dict) -> str:
    out = [f"{c['then']['label']}: {c['then']['code']}, fase {c['then']['phase']['name']}",
           f"Nu: {c['now']['code']}, fase {c['now']['phase']['name']}", c["phase_text"], c["counts_text"], ""]
    out += [f"  {q['number']}. {q['title']}: {q['then']} -> {q['now']} ({q['change']})" for q in c["questions"]]
    return "\n".join(out)


def as_text(r: ScanResult) -> str:
    out = [f"Code: {r.code}" + (f" (gemeente {r.gemeente['name']})" if r.gemeente else ""),
           f"Fase: {r.phase.name}" + (f" (je zit tussen {r.phase.name} en {r.between.name})" if r.between else ""),
           f"Betekenis: {r.meaning}. Eén concrete actie: {r.action}.", "", "Waarom:"]
    out += [f"  {line}" for line in r.reasoning]
    out += ["", "Je antwoorden en de volgende stap:"]
    for a in r.answers:
        mark = "  ! " if a.priority else "    "
        out.append(f"{mark}{a.number}. {a.title}: {a.letter} — volgende stap: {a.advice}")
    out += [f"  {note}" for note in r.priority_notes]
    out += ["", "Subsidie voor deze fase:"]
    for s in r.subsidies:
        out.append(f"  {s['text']}")
        out += [f"    - {i['name']} ({i['status_label']})" for i in s["instruments"]]
    out.append(f"  {r.subsidy_caveat}")
    out += ["", "Wie helpt je verder:"] + [f"  {x['text']}" for x in r.routes]
    out += ["", "Aanbevolen:"]
    out += [f"  - {x.name} [{x.status_label}] {x.why} Voor wie: {x.target_group}" for x in r.recommendations]
    out += ["", r.caveat, r.step_up]
    return "\n".join(out)
