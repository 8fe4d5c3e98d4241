"""One raw row checked and turned into a Registration, or the Dutch problems that say what to write instead.

Allowlists only: every cell must be one of the values the template offers, a date, a whole number
or a scan code scan_core accepts. The partner's reference is kept only to find doubles in the
folder; it never leaves this package.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from scan_core.errors import ScanInputError

from .columns import COLUMNS, MAX_TALENT, YES_NO, column_label
from .problems import Problem
from .readers import RawRow
from .vocabulary import Vocabulary

INDEX = {c.key: i for i, c in enumerate(COLUMNS)}
_FORMULA_START = ("=", "+", "-", "@")
_REFERENCE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]{0,39}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_POSTCODE_HOUSE = re.compile(r"\d{4}\s*[A-Za-z]{2}\s*[-/.]?\s*\d+")
_ONLY_DIGITS = re.compile(r"\d+")
_PHONE = re.compile(r"(?:\+31|0031|0)\d{9}")
_SEPARATORS = str.maketrans("", "", " \t.-/()")
_DATE_NL = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATE_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(slots=True)  # not frozen: a frozen dataclass sets each field through object.__setattr__, 15 times per row
class Registration:
    partner: str
    reference: str
    start_date: date
    gemeente: str
    start_step: int
    follow_up_date: date | None
    follow_up_step: int | None
    instruments: tuple[str, ...]
    referred_to: str | None
    basisniveau: bool | None    # None: onbekend
    talent: int
    talent_kept: bool | None    # None: onbekend or no talent
    file: str
    sheet: str
    row: int

    @property
    def latest_date(self) -> date:
        """The row's most recent measurement: the follow-up if there is one, else the start."""
        return self.follow_up_date or self.start_date


class _RowCheck:
    def __init__(self, raw: RawRow, vocabulary: Vocabulary, today: date):
        self.raw, self.vocabulary, self.today = raw, vocabulary, today
        self.problems: list[Problem] = []
        self._said: set[str] = set()
        self._texts: dict[str, str] = {}

    def problem(self, key: str, message: str) -> None:
        """One problem per cell: the first is what the partner must fix (a refused formula, not 'missing')."""
        if key in self._said:
            return
        self._said.add(key)
        self.problems.append(Problem(self.raw.file, self.raw.sheet, self.raw.row, column_label(INDEX[key]), message))

    def text(self, key: str) -> str:
        """The cell as text ('' when empty); a formula, or text that starts like one, is refused."""
        if key not in self._texts:
            self._texts[key] = self._text(key)
        return self._texts[key]

    def _text(self, key: str) -> str:
        value = self.raw.values[INDEX[key]]
        if value is None:
            return ""
        if value.__class__ is str:  # the common case, first: most cells are plain text
            text = value.strip()
            if not text or text[0] not in "=+-@":
                return text
        if isinstance(value, datetime):
            return value.date().isoformat()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if text.startswith(_FORMULA_START) and not (key == "talent" and isinstance(value, (int, float))):
            self.problem(key, f"Deze cel begint met '{text[0]}', zoals een formule. De monitor rekent formules nooit uit. "
                              "Schrijf de waarde zelf in de cel, zonder = + - of @ vooraan.")
            return ""
        return text

    def date(self, key: str, required: bool) -> date | None:
        value = self.raw.values[INDEX[key]]
        if isinstance(value, datetime):
            day = value.date()
        elif isinstance(value, date):
            day = value
        else:
            text = self.text(key)
            if not text:
                if required:
                    self.problem(key, "Deze datum ontbreekt. Schrijf de datum als dag-maand-jaar, zoals 3-10-2026.")
                return None
            day = _parse_date(text)
            if day is None:
                self.problem(key, f"'{text[:30]}' is geen datum. Schrijf dag-maand-jaar (3-10-2026) of jaar-maand-dag (2026-10-03).")
                return None
        if day > self.today:
            self.problem(key, f"De datum {day:%d-%m-%Y} ligt in de toekomst. Registreer alleen wat al gebeurd is.")
            return None
        return day

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        text = self.text(key).casefold()
        if text and text not in allowed:
            self.problem(key, f"Schrijf hier {', '.join(allowed[:-1])} of {allowed[-1]}, of laat de cel leeg.")
            return ""
        return text


@lru_cache(maxsize=8192)  # a quarter has ~90 days: the same few texts again and again
def _parse_date(text: str) -> date | None:
    for pattern, order in ((_DATE_ISO, (0, 1, 2)), (_DATE_NL, (2, 1, 0))):
        match = pattern.fullmatch(text)
        if match:
            parts = [int(match.group(i + 1)) for i in order]
            try:
                return date(*parts)
            except ValueError:
                return None
    return None


def reference_problem(text: str) -> str | None:
    """Why a reference may name a firm or a person, or is not a plain code; None when it is fine."""
    if not text:
        return "De referentie ontbreekt. Geef elk bedrijf een eigen code, zoals IBDO-2026-014."
    squeezed = text.translate(_SEPARATORS)
    if _EMAIL.search(text):
        return "Dit lijkt een e-mailadres. Gebruik een eigen code die niets over het bedrijf zegt, zoals IBDO-2026-014."
    if _POSTCODE_HOUSE.search(text):
        return "Dit lijkt een postcode met huisnummer. Gebruik een eigen code die niets over het bedrijf zegt."
    if _PHONE.fullmatch(squeezed):
        return "Dit lijkt een telefoonnummer. Gebruik een eigen code die niets over het bedrijf zegt."
    if _ONLY_DIGITS.fullmatch(squeezed) and len(squeezed) in (8, 9):
        return ("Dit lijkt een KvK-nummer (8 cijfers) of een BSN/RSIN (9 cijfers). Gebruik een eigen code die niets "
                "over het bedrijf zegt, zoals IBDO-2026-014.")
    if not _REFERENCE.fullmatch(text):
        return ("Een referentie bestaat uit hoogstens 40 letters, cijfers, punten, streepjes of schuine strepen, "
                "zonder spaties, zoals IBDO-2026-014.")
    return None


def check_row(raw: RawRow, vocabulary: Vocabulary, today: date) -> Registration | list[Problem]:
    c = _RowCheck(raw, vocabulary, today)

    partner = c.text("partner")
    if not partner:
        c.problem("partner", "De partner ontbreekt. Kies de code van jouw organisatie uit de lijst, zoals ibdo.")
    elif partner not in vocabulary.partner_set:
        c.problem("partner", f"De partner '{partner[:40]}' is onbekend. Kies een code van het blad Lijsten, zoals ibdo.")

    # Not through text(): '+31 6 …' should be called a phone number, not a formula. The allowlist
    # refuses any reference that starts with = + - or @ anyway.
    value = raw.values[INDEX["reference"]]
    reference = "" if value is None else str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()
    why = reference_problem(reference)
    if why:
        c.problem("reference", why)

    start_date = c.date("start_date", required=True)
    gemeente_text = c.text("gemeente")
    gemeente = vocabulary.gemeente(gemeente_text) if gemeente_text else None
    if not gemeente:
        c.problem("gemeente", (f"De gemeente '{gemeente_text[:40]}' is onbekend." if gemeente_text else "De gemeente ontbreekt.")
                  + " Kies een van de 13 gemeenten uit de lijst, zoals Emmen.")

    start_step, start_meaning = _measurement(c, "start_code", "start_step", gemeente, required=True)
    follow_up_date = c.date("follow_up_date", required=False)
    follow_up_step, follow_meaning = _measurement(c, "follow_up_code", "follow_up_step", gemeente, required=False)
    has_follow_up_values = bool(c.text("follow_up_code") or c.text("follow_up_step"))
    if follow_up_date and follow_up_step is None and not has_follow_up_values:
        c.problem("follow_up_step", "Er is een vervolgdatum, maar geen vervolgcode of vervolgtrede. Vul een van de twee in, "
                                    "of haal de vervolgdatum weg.")
    if has_follow_up_values and not c.text("follow_up_date") and follow_up_date is None:
        c.problem("follow_up_date", "Er is een vervolgmeting zonder datum. Vul de vervolgdatum in.")
    if start_date and follow_up_date and follow_up_date < start_date:
        c.problem("follow_up_date", f"De vervolgdatum ({follow_up_date:%d-%m-%Y}) ligt vóór de startdatum "
                                    f"({start_date:%d-%m-%Y}). Controleer beide datums.")

    instruments = []
    for part in re.split(r"[,;]", c.text("instruments")):
        part = part.strip()
        if not part:
            continue
        if part not in vocabulary.instrument_set:
            c.problem("instruments", f"Het instrument '{part[:60]}' is onbekend. Gebruik de codes van het blad Lijsten, "
                                     "gescheiden door een komma.")
        elif part not in instruments:
            instruments.append(part)

    referred = c.text("referred_to")
    if referred and referred not in vocabulary.partner_set:
        c.problem("referred_to", f"De partner '{referred[:40]}' is onbekend. Kies een code van het blad Lijsten, of laat de cel leeg.")

    typed = c.choice("basisniveau", YES_NO)
    latest = follow_meaning if follow_up_date else (start_meaning if not has_follow_up_values else None)
    basisniveau = {"ja": True, "nee": False}.get(typed)
    if latest is not None:
        if basisniveau is not None and basisniveau != latest.meets_basisniveau:
            said = "wel" if latest.meets_basisniveau else "niet"
            c.problem("basisniveau", f"Volgens de scancode voldoet het bedrijf {said} aan het basisniveau, maar hier staat "
                                     f"'{typed}'. Laat deze cel leeg: de code bepaalt het.")
        basisniveau = latest.meets_basisniveau

    talent = _talent(c)
    kept_text = c.choice("talent_kept", YES_NO)
    talent_kept = {"ja": True, "nee": False}.get(kept_text)
    if talent_kept is not None and not talent:
        c.problem("talent_kept", "Hier staat ja of nee, maar er is geen talent ingezet. Vul eerst 'Talent ingezet' in, "
                                 "of laat deze cel leeg.")

    if c.problems:
        return c.problems
    return Registration(partner, reference, start_date, gemeente, start_step, follow_up_date, follow_up_step,
                        tuple(instruments), referred or None, basisniveau, talent, talent_kept,
                        raw.file, raw.sheet, raw.row)


def _measurement(c: _RowCheck, code_key: str, step_key: str, gemeente: str | None, required: bool):
    """(step index, CodeMeaning or None) from a scan code and/or a typed trede; both must agree."""
    code, typed = c.text(code_key), c.text(step_key)
    meaning = None
    if code:
        try:
            meaning = c.vocabulary.meaning(code)
        except ScanInputError as exc:
            c.problem(code_key, f"{exc} Neem de code precies over uit de scan.")
            return None, None
        if meaning.gemeente and gemeente and meaning.gemeente != gemeente:
            c.problem(code_key, f"De code hoort bij gemeente '{meaning.gemeente}', maar de rij zegt '{gemeente}'. "
                                "Controleer welke gemeente klopt.")
    step = c.vocabulary.step(typed) if typed else None
    if typed and step is None:
        c.problem(step_key, f"De trede '{typed[:40]}' is onbekend. Kies een trede uit de lijst, zoals Oriënteren.")
        return None, meaning
    if meaning and step is not None and step != meaning.step:
        names = c.vocabulary.steps
        c.problem(step_key, f"Volgens de scancode is de trede {names[meaning.step][1]}, maar hier staat {names[step][1]}. "
                            "Laat deze cel leeg: de code bepaalt de trede.")
        return None, meaning
    if meaning:
        return meaning.step, meaning
    if step is None and required:
        c.problem(code_key, "Vul een startcode van de scan in, of (als er geen scan is) een starttrede.")
    return step, None


def _talent(c: _RowCheck) -> int:
    value = c.raw.values[INDEX["talent"]]
    if isinstance(value, bool):
        value = None
    if isinstance(value, (int, float)):
        number = value
    else:
        text = c.text("talent")
        if not text:
            return 0
        number = int(text) if text.isdigit() else None
    if number is None or number != int(number) or not 0 <= number <= MAX_TALENT:
        c.problem("talent", f"Schrijf hier een heel getal van 0 tot en met {MAX_TALENT}, of laat de cel leeg (0).")
        return 0
    return int(number)
