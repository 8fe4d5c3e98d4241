"""Read the body of a "Gegevens wijzigen of toevoegen" issue into a change request.

GitHub writes a filled-in issue form as Markdown: "### <label>", a blank line, the answer. The
labels are read from the form itself (.github/ISSUE_TEMPLATE/gegevens-wijzigen.yml), so the form
and this parser cannot drift apart. The body is hostile input: anything unexpected is refused with
a Dutch message, never guessed at; so is anything GitHub would show otherwise than it is read
(sitegen.data.form_rendering). No regex here: the body may be long, and str methods are linear.
The same `answers` reads the form "Bijeenkomst toevoegen" (sitegen.data.event_form); `form_for`
tells the two apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.data.form_rendering import line_problems, looks_like_heading

FORM_FILE = Path(".github") / "ISSUE_TEMPLATE" / "gegevens-wijzigen.yml"
EVENT_FORM_FILE = Path(".github") / "ISSUE_TEMPLATE" / "bijeenkomst-toevoegen.yml"  # sitegen.data.event_form
FORM_FILES = (FORM_FILE, EVENT_FORM_FILE)
ONE_LINE_MAX = 500  # characters in a one-line answer: a title, an address, a web address
NO_RESPONSE = "_No response_"  # what GitHub writes for an optional field left empty
REMOVE = "(weghalen)"          # the value that removes an optional field
CHANGES_LABEL_ID = "wijzigingen"
NEW_CHOICES = {  # option text of the dropdown "nieuw" -> data file key; the first option means "no"
    "Ja, een nieuwe partner": "partners",
    "Ja, een nieuw instrument": "instruments",
}
PAGE_FOLDERS = {"partners": "partners", "instrumenten": "instruments"}  # sitegen.data.urls: partners/, instrumenten/
FIELD_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz_")
ONE_LINE_TYPES = ("input", "dropdown")  # GitHub writes these answers on one line
CONTINUATION_STARTS = frozenset("(\"'‘“€")  # besides letters and digits; none starts Markdown syntax


class FormError(Exception):
    """The issue cannot become a change; every problem, in Dutch."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Change:
    field: str
    value: str
    line: int  # line in the answer to "Wat moet er veranderen?", for the message


@dataclass
class ChangeRequest:
    kind: str | None          # "partners" or "instruments"; None: an id without its page address
    entry_id: str             # "" for a new entry without an `id:` line
    new: bool
    changes: list[Change] = field(default_factory=list)
    source_url: str = ""
    source_title: str = ""


def form_fields(form_file: Path) -> list[tuple[str, str, str]]:
    """(field id, label, type) of each question, in the form's order. The label is what GitHub
    writes as '### label' in the issue body; the type says whether an answer may be several lines."""
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    return [(item["id"], item["attributes"]["label"], item["type"]) for item in form["body"] if item.get("id")]


def form_title(form_file: Path) -> str:
    """The form's name as GitHub shows it in the list of forms ("Gegevens wijzigen of toevoegen")."""
    return str(yaml.safe_load(form_file.read_text(encoding="utf-8"))["name"])


def form_for(body: str, root: Path) -> Path:
    """Which form made this body: the one whose first question comes first as a '### label' line.
    Only the choice of rules: `answers` then holds the whole body to that form's structure."""
    firsts = {form_fields(root / f)[0][1]: f for f in FORM_FILES}
    for line in body.replace("\r\n", "\n").split("\n"):
        if (form := _form_heading(line, firsts)) is not None:
            return root / form
    names = " of ".join(f"'{form_title(root / f)}'" for f in FORM_FILES)
    raise FormError([f"dit issue is niet met het formulier {names} gemaakt; de eerste vraag van het formulier "
                     "ontbreekt. Maak een nieuw issue met een van die formulieren"])


def form_labels(form_file: Path) -> dict[str, str]:
    """Field id -> the label GitHub writes as '### label' in the issue body."""
    return {fid: label for fid, label, _ in form_fields(form_file)}


def _form_heading(line: str, by_label: dict[str, str]) -> str | None:
    """The field id of a '### label' line exactly as GitHub writes it, else None."""
    if not line.startswith("### "):
        return None
    return by_label.get(line[4:].strip(" \t"))


def answers(body: str, fields: list[tuple[str, str, str]],
            title: str = "Gegevens wijzigen of toevoegen") -> dict[str, str]:
    """The answer below each question. The body must have the form's own structure and nothing
    GitHub shows otherwise than it is read (sitegen.data.form_rendering): each question once, in
    the form's order; no other heading; no text above the first question; one line for a
    one-line question."""
    by_label = {label: fid for fid, label, _ in fields}
    found: dict[str, list[str]] = {}
    order: list[str] = []
    current: str | None = None
    problems = []
    for n, line in enumerate(body.replace("\r\n", "\n").split("\n"), 1):
        where = f"regel {n} van de tekst van het issue"
        problems += line_problems(line, where)
        fid = _form_heading(line, by_label)
        if fid is not None:
            if fid in found:
                problems.append(f"de vraag '{line[4:].strip()}' staat twee keer in het issue ({where}); "
                                "laat het formulier zoals het is en vul elke vraag één keer in")
            order.append(fid)
            current = fid
            found[fid] = []
        elif looks_like_heading(line):
            problems.append(f"{where}: een regel die begint met # wordt op GitHub een kop, maar dit is geen "
                            "vraag van het formulier. Haal de # weg")
        elif current is not None:
            found[current].append(line)
        elif line.strip():
            problems.append(f"{where}: hier staat tekst boven de eerste vraag van het formulier. "
                            "Zet wat je wilt zeggen bij 'Toelichting voor de redactie'")
    missing = [label for fid, label, _ in fields if fid not in found]
    if missing:
        problems.append(f"dit issue is niet met het formulier '{title}' gemaakt; "
                        f"de vraag '{missing[0]}' ontbreekt. Maak een nieuw issue met dat formulier")
    elif list(dict.fromkeys(order)) != [fid for fid, _, _ in fields]:
        problems.append("de vragen staan niet in de volgorde van het formulier. "
                        "Laat het formulier zoals het is en maak zo nodig een nieuw issue")
    result = {}
    for fid, label, kind in fields:
        lines = [line for line in found.get(fid, []) if line.strip()]
        if kind in ONE_LINE_TYPES and len(lines) > 1:
            problems.append(f"bij '{label}' hoort één regel, maar er staan er {len(lines)}")
        elif kind in ONE_LINE_TYPES and lines and len(lines[0].strip()) > ONE_LINE_MAX:
            problems.append(f"bij '{label}' staan {len(lines[0].strip())} tekens; dat mogen er hooguit "
                            f"{ONE_LINE_MAX} zijn. Maak het korter")
        value = "\n".join(found.get(fid, [])).strip()
        result[fid] = "" if value == NO_RESPONSE else value
    if problems:
        raise FormError(problems)
    return result


def page_entry(answer: str) -> tuple[str | None, str]:
    """'…/instrumenten/ibdo-intake/' -> ('instruments', 'ibdo-intake'); a bare id -> (None, id).
    String methods only: the answer is untrusted and may be long."""
    text = answer.strip()
    path = text.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    parts = path.split("/")
    if len(parts) >= 2 and parts[-2] in PAGE_FOLDERS and parts[-1] and not any(c.isspace() for c in parts[-1]):
        return PAGE_FOLDERS[parts[-2]], parts[-1]
    return None, text.strip("/")


def _field_line(text: str) -> tuple[str, str] | None:
    """'veld: waarde' -> ('veld', 'waarde'); None when the line does not start with a field name."""
    name, colon, value = text.partition(":")
    name = name.rstrip(" \t")
    if not colon or not name or not set(name) <= FIELD_NAME_CHARS or name in ("http", "https"):
        return None  # an address on a line of its own continues a value
    return name, value.strip()


def _continuation_problem(text: str, n: int) -> str | None:
    """A line that continues the value above must read as plain text on GitHub, and must not look
    like a field of its own (GitHub shows '- status: …' or '**status**: …' as one)."""
    if text.startswith(("https://", "http://")):
        return None
    where = f"regel {n} van 'Wat moet er veranderen?'"
    if not (text[0].isalnum() or text[0] in CONTINUATION_STARTS):
        return (f"{where} begint met '{text[0]}'. GitHub maakt daar een lijst, nadruk of code van. "
                "Begin de regel met een letter of cijfer, of schrijf 'veld: nieuwe waarde'")
    head, colon, _ = text.partition(":")
    if colon and head.replace("_", "").isalnum():
        return (f"{where} lijkt op een veld ('{head}:'), maar een veldnaam is met kleine letters, zoals "
                "'status:'. Is het gewone tekst? Zet het dan achter de tekst op de regel erboven")
    digits = len(text) - len(text.lstrip("0123456789"))
    if digits and text[digits:digits + 2] in (". ", ") "):
        return (f"{where} begint met een nummer ('{text[:digits + 1]}'). GitHub maakt daar een lijst van. "
                "Zet het nummer achter de tekst op de regel erboven")
    return None


def parse_changes(answer: str) -> tuple[list[Change], list[str]]:
    """'veld: waarde' per line. A line that does not start with a field name continues the value
    above it (a long description over several lines). Blank lines are dropped."""
    changes: list[list] = []
    problems = []
    for n, line in enumerate(answer.split("\n"), 1):
        text = line.strip()
        if not text:
            continue
        field_line = _field_line(text)
        if field_line:
            changes.append([*field_line, n])
        elif not changes:
            problems.append(f"regel {n} van 'Wat moet er veranderen?' begint niet met een veldnaam; "
                            "schrijf per regel 'veld: nieuwe waarde', bijvoorbeeld 'website: https://…'")
        elif problem := _continuation_problem(text, n):
            problems.append(problem)
        else:
            changes[-1][1] = f"{changes[-1][1]} {text}".strip()
    seen = set()
    for name, _, n in changes:
        if name in seen:
            problems.append(f"het veld '{name}' staat twee keer bij 'Wat moet er veranderen?' (regel {n}); "
                            "noem elk veld één keer")
        seen.add(name)
    return [Change(name, " ".join(value.split()), n) for name, value, n in changes], problems


def parse_request(body: str, form_file: Path) -> ChangeRequest:
    given = answers(body, form_fields(form_file))
    problems = []
    new_kind = NEW_CHOICES.get(given.get("nieuw", ""))
    kind, entry_id = page_entry(given.get("gegeven", ""))
    changes, change_problems = parse_changes(given.get(CHANGES_LABEL_ID, ""))
    problems += change_problems
    if new_kind:
        if entry_id:
            problems.append("je koos voor iets nieuws, maar noemt ook een bestaand gegeven bij "
                            "'Welk gegeven wil je wijzigen?'; laat dat leeg, of kies 'Nee, ik wijzig een bestaand gegeven'")
        kind = new_kind
        id_lines = [c for c in changes if c.field == "id"]
        entry_id = id_lines[0].value if id_lines else ""
        changes = [c for c in changes if c.field != "id"]
    elif not entry_id:
        problems.append("vul bij 'Welk gegeven wil je wijzigen?' het adres van de pagina in, "
                        "of kies bij 'Voeg je iets nieuws toe?' een nieuwe partner of een nieuw instrument")
    if not changes and not change_problems:
        problems.append("er staat niets bij 'Wat moet er veranderen?'; schrijf per regel 'veld: nieuwe waarde'")
    if problems:
        raise FormError(problems)
    return ChangeRequest(kind=kind, entry_id=entry_id, new=bool(new_kind), changes=changes,
                         source_url=given.get("bron", "").strip(), source_title=given.get("bron-titel", "").strip())
