"""Does the firm meet the Drents basisniveau digitale veiligheid? The definition comes from the scan
data ("basisniveau": which answers to one question count; data/monitor/settings.yaml), never from here,
because the province still has to set it (seed 000 line 175). Without a definition: None."""
from __future__ import annotations

from .answers import LETTERS


def basisniveau(data: dict, answers: str, question_ids: list[str]) -> dict | None:
    definition = data.get("basisniveau")
    if not definition or definition.get("question") not in question_ids:
        return None
    letter = answers[question_ids.index(definition["question"])]
    letters = [x for x in LETTERS if x in definition["letters"]]
    meets = letter in letters
    label = "Basisniveau digitale veiligheid" + (" (voorlopig)" if definition.get("provisional") else "")
    if meets:
        line = f"{label}: ja. Je antwoord {letter} telt mee ({_or(letters)})."
    else:
        line = f"{label}: nog niet. Daarvoor telt antwoord {_or(letters)}; jij koos {letter}."
    return {"meets": meets, "letter": letter, "letters": letters, "question": definition["question"],
            "provisional": bool(definition.get("provisional")), "text": definition.get("text", ""), "line": line}


def _or(letters: list[str]) -> str:
    return letters[0] if len(letters) == 1 else ", ".join(letters[:-1]) + " of " + letters[-1]
