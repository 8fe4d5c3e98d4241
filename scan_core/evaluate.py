"""Evaluate one scan: answers in, the result of DESIGN.md out. The only place the scan is scored."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

from .answers import LETTERS, check_gemeente, decode_code, encode_code, parse_answers
from .basisniveau import basisniveau
from .errors import ScanInputError, shown
from .handoff import REGISTER_NOTE, contacts, mail_subject, summary_text
from .phase import place
from .reasoning import explain
from .events import fitting_events
from .recommend import phase_offers, recommend
from .result import AnswerAdvice, ScanResult, StepRef
from .svg import answers_svg, ladder_svg

SECURITY = "security"
BANDS = ("low", "low", "mid", "mid", "high", "high")  # A-B, C-D, E-F


def evaluate(data: dict, answers: str, gemeente: str | None, today: date) -> ScanResult:
    answers = parse_answers(answers)
    known = {g["slug"]: g["name"] for g in data["gemeenten"]}
    if gemeente is not None:
        check_gemeente(gemeente, set(known))
    if not isinstance(today, date):
        raise ScanInputError("De datum ontbreekt of is geen datum (JJJJ-MM-DD).")
    ladder = data["ladder"]
    steps, questions = ladder["steps"], ladder["questions"]
    step_names = [s["name"] for s in steps]
    indices = [LETTERS.index(letter) for letter in answers]
    placement = place(indices)

    lowest = min(indices)
    priorities = [q["id"] for q, s in zip(questions, indices) if s == lowest]
    notes = []
    for q, s in zip(questions, indices):
        # Digital safety belongs to every step (seed 000 §5): A or B always asks for attention first.
        if q["id"] == SECURITY and s <= 1:
            if SECURITY not in priorities:
                priorities.append(SECURITY)
            if q.get("priority_advice"):
                notes.append(q["priority_advice"])
    priorities = [q["id"] for q in questions if q["id"] in priorities]

    advice = [AnswerAdvice(id=q["id"], number=q["number"], title=q["title"], letter=letter,
                           answer=q["options"][s]["text"], step=steps[s]["slug"],
                           advice=q["next_steps"][BANDS[s]], priority=q["id"] in priorities)
              for q, letter, s in zip(questions, answers, indices)]
    theme_names = {t["slug"]: t["name"] for t in ladder["themes"]}
    subsidies, routes = phase_offers(data, placement.phase, gemeente, today)
    phase_step = steps[placement.phase]
    between = steps[placement.between] if placement.between is not None else None
    result = ScanResult(
        code=encode_code(answers, gemeente),
        phase=StepRef(phase_step["slug"], phase_step["name"]),
        between=StepRef(between["slug"], between["name"]) if between else None,
        reasoning=explain(placement, step_names, lowest,
                          [q["title"] for q, s in zip(questions, indices) if s == lowest], ladder["between_note"]),
        answers=advice,
        priorities=priorities,
        priority_notes=notes,
        meaning=phase_step["meaning"],
        action=phase_step["action"],
        subsidies=subsidies,
        routes=routes,
        recommendations=recommend(data, placement.phase, priorities, gemeente, today, theme_names),
        events=fitting_events(data, placement.phase, gemeente, today),
        caveat=ladder["caveat"],
        subsidy_caveat=ladder["subsidy_caveat"],
        step_up=ladder["step_up"],
        gemeente={"slug": gemeente, "name": known[gemeente]} if gemeente else None,
        date=today.isoformat(),
        svg={"ladder": ladder_svg(step_names, placement.phase, placement.between),
             "answers": answers_svg([(q["title"], letter, s) for q, letter, s in zip(questions, answers, indices)],
                                    step_names)},
        handoff={"contacts": contacts(data, placement.phase, gemeente),
                 "subject": mail_subject(phase_step["name"]), "register": REGISTER_NOTE},
        basisniveau=basisniveau(data, answers, [q["id"] for q in questions]),
    )
    return replace(result, summary=summary_text(result, ladder["intake"]["instrument"], theme_names))


_last_parsed: tuple[str, dict] | None = None


def parsed_data(scan_data_json: str) -> dict:
    """The worker passes the same 50 KB scan data with every call: parse it once, not per answer.

    Safe because evaluate() never changes the data it is given; a different text is parsed anew.
    """
    global _last_parsed
    if _last_parsed is not None and _last_parsed[0] == scan_data_json:
        return _last_parsed[1]
    data = json.loads(scan_data_json)
    _last_parsed = (scan_data_json, data)
    return data


def evaluate_json(scan_data_json: str, answers_or_code: str, gemeente: str | None, today_iso: str) -> str:
    """The browser worker's one entry point: never raises, returns the result or {"error": "..."}."""
    try:
        data = parsed_data(scan_data_json)
        known = {g["slug"] for g in data["gemeenten"]}
        if isinstance(answers_or_code, str) and answers_or_code.startswith("v"):
            answers, code_gemeente = decode_code(answers_or_code, known)
            gemeente = gemeente or code_gemeente
        else:
            answers = answers_or_code
        try:
            today = date.fromisoformat(today_iso)
        except (TypeError, ValueError):
            raise ScanInputError(f"'{shown(today_iso, 20)}' is geen datum; gebruik JJJJ-MM-DD.") from None
        return evaluate(data, answers, gemeente or None, today).to_json()
    except ScanInputError as exc:
        return json.dumps({"error": str(exc)}, ensure_ascii=False)
    except (LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
        # broken scan data (a missing key, a short list, JSON nested too deep): say so, never crash the page
        return json.dumps({"error": f"De scangegevens zijn onvolledig of kapot ({type(exc).__name__})."},
                          ensure_ascii=False)
