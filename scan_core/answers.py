"""Answers A-F and the answer code for links: v1.CCDDBAE or v1.CCDDBAE.emmen."""
from __future__ import annotations

from .errors import ScanInputError, shown

LETTERS = "ABCDEF"
QUESTION_COUNT = 7
CODE_VERSION = "v1"
_MAX_CODE_LENGTH = 100  # a real code is at most ~40 characters; anything longer is not a code


def parse_answers(text: object) -> str:
    """Seven letters A-F, one per question, in question order."""
    if not isinstance(text, str):
        raise ScanInputError("De antwoorden moeten tekst zijn, zoals CCDDBAE.")
    if len(text) != QUESTION_COUNT:
        raise ScanInputError(
            f"Er zijn {QUESTION_COUNT} antwoorden nodig, één letter per vraag (zoals CCDDBAE); "
            f"'{shown(text, 20)}' heeft er {len(text)}.")
    wrong = sorted({c for c in text if c not in LETTERS})
    if wrong:
        raise ScanInputError(f"Elk antwoord is een letter van A tot en met F; '{shown(''.join(wrong))}' hoort daar niet bij.")
    return text


def encode_code(answers: str, gemeente: str | None = None) -> str:
    code = f"{CODE_VERSION}.{parse_answers(answers)}"
    return f"{code}.{gemeente}" if gemeente else code


def decode_code(code: object, known_gemeenten: set[str] | None = None) -> tuple[str, str | None]:
    """(answers, gemeente) from a code; ScanInputError for anything else."""
    if not isinstance(code, str):
        raise ScanInputError("De code moet tekst zijn, zoals v1.CCDDBAE.")
    if len(code) > _MAX_CODE_LENGTH:
        raise ScanInputError("Dit is geen geldige code: hij is veel te lang. Een code ziet eruit als v1.CCDDBAE.")
    parts = code.split(".")
    if len(parts) not in (2, 3) or not parts[0]:
        raise ScanInputError("Dit is geen geldige code. Een code ziet eruit als v1.CCDDBAE of v1.CCDDBAE.emmen.")
    if parts[0] != CODE_VERSION:
        raise ScanInputError(f"Deze code heeft versie '{shown(parts[0], 10)}'; deze scan kent alleen versie {CODE_VERSION}.")
    answers = parse_answers(parts[1])
    gemeente = parts[2] if len(parts) == 3 else None
    if gemeente is not None:
        check_gemeente(gemeente, known_gemeenten)
    return answers, gemeente


def check_gemeente(gemeente: str, known: set[str] | None) -> str:
    if not isinstance(gemeente, str) or not gemeente or (known is not None and gemeente not in known):
        raise ScanInputError(f"De gemeente '{shown(gemeente)}' is onbekend. Kies een van: {', '.join(sorted(known or []))}.")
    return gemeente
