"""Progress over time: an earlier result (a share link's code, or a downloaded JSON's code and date)
beside the current one. Anonymous and in the browser: nothing is stored anywhere.
"""
from __future__ import annotations

import json
from datetime import date

from .answers import LETTERS, decode_code
from .errors import ScanInputError
from .evaluate import parsed_data
from .handoff import dutch_date
from .phase import place
from .svg import compare_svg

CHANGE_WORDS = {1: "hoger", -1: "lager", 0: "hetzelfde"}


def compare(data: dict, earlier_code: str, earlier_date: str | None, current_code: str, today: date) -> dict:
    known = {g["slug"] for g in data["gemeenten"]}
    try:
        then_letters, _ = decode_code(earlier_code, known)
    except ScanInputError as exc:
        raise ScanInputError(f"De eerdere uitkomst is niet te lezen. {exc}") from None
    now_letters, _ = decode_code(current_code, known)
    then_day = None
    if earlier_date is not None:
        try:
            then_day = date.fromisoformat(str(earlier_date)[:10])
        except ValueError:
            raise ScanInputError(f"De datum van de eerdere uitkomst ('{str(earlier_date)[:20]}') is geen datum.") from None
        if then_day > today:
            raise ScanInputError(f"De datum van de eerdere uitkomst ({then_day.isoformat()}) ligt in de toekomst. "
                                 "Kies een uitkomst van vandaag of eerder.")
    ladder = data["ladder"]
    steps = ladder["steps"]
    questions = []
    for q, a, b in zip(ladder["questions"], then_letters, now_letters):
        delta = LETTERS.index(b) - LETTERS.index(a)
        questions.append({"id": q["id"], "number": q["number"], "title": q["title"], "then": a, "now": b,
                          "change": CHANGE_WORDS[(delta > 0) - (delta < 0)]})
    then_phase = place([LETTERS.index(x) for x in then_letters]).phase
    now_phase = place([LETTERS.index(x) for x in now_letters]).phase
    when = f"op {_dutch(then_day)}" if then_day else "eerder"
    label = f"De eerdere uitkomst ({_dutch(then_day)})" if then_day else "De eerdere uitkomst"
    delta = now_phase - then_phase
    if delta > 0:
        phase_text = f"Je fase is nu hoger: {when} {steps[then_phase]['name']}, nu {steps[now_phase]['name']}."
    elif delta < 0:
        phase_text = f"Je fase is nu lager: {when} {steps[then_phase]['name']}, nu {steps[now_phase]['name']}."
    else:
        phase_text = f"Je fase is hetzelfde gebleven: {steps[now_phase]['name']}."
    counts = {w: sum(q["change"] == w for q in questions) for w in CHANGE_WORDS.values()}
    return {
        "then": {"code": f"v1.{then_letters}", "date": then_day.isoformat() if then_day else None,
                 "label": label, "phase": {"slug": steps[then_phase]["slug"], "name": steps[then_phase]["name"]}},
        "now": {"code": f"v1.{now_letters}", "date": today.isoformat(),
                "phase": {"slug": steps[now_phase]["slug"], "name": steps[now_phase]["name"]}},
        "phase_text": phase_text,
        "counts_text": (f"Hoger: {counts['hoger']} {_vraag(counts['hoger'])}. Lager: {counts['lager']}. "
                        f"Hetzelfde: {counts['hetzelfde']}."),
        "questions": questions,
        "svg": compare_svg([(q["title"], LETTERS.index(q["then"]), LETTERS.index(q["now"])) for q in questions],
                           [s["name"] for s in steps]),
    }


def _vraag(n: int) -> str:
    return "vraag" if n == 1 else "vragen"


def _dutch(day: date | None) -> str:
    return dutch_date(day.isoformat()) if day else ""


def compare_json(scan_data_json: str, earlier_code: str, earlier_date: str | None, current_code: str,
                 today_iso: str) -> str:
    """The worker's entry point for the comparison: never raises; {"error": "<Dutch>"} on bad input."""
    try:
        data = parsed_data(scan_data_json)
        try:
            today = date.fromisoformat(today_iso)
        except (TypeError, ValueError):
            raise ScanInputError(f"'{str(today_iso)[:20]}' is geen datum; gebruik JJJJ-MM-DD.") from None
        result = compare(data, earlier_code, earlier_date or None, current_code, today)
        return json.dumps(result, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    except ScanInputError as exc:
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    except (LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        return json.dumps({"error": f"De scangegevens zijn onvolledig of kapot ({type(exc).__name__})."},
                          ensure_ascii=False)
