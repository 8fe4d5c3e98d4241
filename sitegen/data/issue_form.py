"""Read the body of a "Gegevens wijzigen of toevoegen" issue into a change request.

GitHub writes a filled-in issue form as Markdown: "### <label>", a blank line, the answer. The
labels are read from the form itself (.github/ISSUE_TEMPLATE/gegevens-wijzigen.yml), so the form
and this parser cannot drift apart. The body is hostile input: anything unexpected is refused with
a Dutch message, never guessed at.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

FORM_FILE = Path(".github") / "ISSUE_TEMPLATE" / "gegevens-wijzigen.yml"
NO_RESPONSE = "_No response_"  # what GitHub writes for an optional field left empty
REMOVE = "(weghalen)"          # the value that removes an optional field
CHANGES_LABEL_ID = "wijzigingen"
NEW_CHOICES = {  # option text of the dropdown "nieuw" -> data file key; the first option means "no"
    "Ja, een nieuwe partner": "partners",
    "Ja, een nieuw instrument": "instruments",
}
PAGE_FOLDERS = {"partners": "partners", "instrumenten": "instruments"}  # sitegen.data.urls: partners/, instrumenten/
_FIELD_LINE = re.compile(r"^(?P<name>[a-z_]+)\s*:\s?(?P<value>.*)$")
_ENTRY = re.compile(r"(?:^|/)(?P<folder>partners|instrumenten)/(?P<id>[^/?#\s]+)/?(?:[?#].*)?$")


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


def form_labels(form_file: Path) -> dict[str, str]:
    """Field id -> the label GitHub writes as '### label' in the issue body."""
    form = yaml.safe_load(form_file.read_text(encoding="utf-8"))
    return {item["id"]: item["attributes"]["label"] for item in form["body"] if item.get("id")}


def answers(body: str, labels: dict[str, str]) -> dict[str, str]:
    """The answer below each label. A label that is missing or appears twice is refused: a
    '### …' line typed into an answer must not pass for a field of the form."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    by_label = {label: fid for fid, label in labels.items()}
    found: dict[str, list[str]] = {}
    current: str | None = None
    problems = []
    for line in text.split("\n"):
        heading = re.match(r"^###\s+(.*?)\s*$", line)
        if heading and heading.group(1) in by_label:
            current = by_label[heading.group(1)]
            if current in found:
                problems.append(f"de vraag '{heading.group(1)}' staat twee keer in het issue; "
                                "laat het formulier zoals het is en vul elke vraag één keer in")
            found[current] = []
            continue
        if current is not None:
            found[current].append(line)
    missing = [labels[fid] for fid in labels if fid not in found]
    if missing:
        problems.append("dit issue is niet met het formulier 'Gegevens wijzigen of toevoegen' gemaakt; "
                        f"de vraag '{missing[0]}' ontbreekt. Maak een nieuw issue met dat formulier")
    if problems:
        raise FormError(problems)
    result = {}
    for fid, lines in found.items():
        value = "\n".join(lines).strip()
        result[fid] = "" if value == NO_RESPONSE else value
    return result


def _entry(answer: str) -> tuple[str | None, str]:
    """'…/instrumenten/ibdo-intake/' -> ('instruments', 'ibdo-intake'); a bare id -> (None, id)."""
    m = _ENTRY.search(answer.strip())
    if m:
        return PAGE_FOLDERS[m["folder"]], m["id"]
    return None, answer.strip().strip("/")


def parse_changes(answer: str) -> tuple[list[Change], list[str]]:
    """'veld: waarde' per line. A line that does not start with a field name continues the value
    above it (a long description over several lines). Blank lines are dropped."""
    changes: list[list] = []
    problems = []
    for n, line in enumerate(answer.split("\n"), 1):
        if not line.strip():
            continue
        m = _FIELD_LINE.match(line.strip())
        if m and m["name"] not in ("http", "https"):  # an address on a line of its own continues a value
            changes.append([m["name"], m["value"].strip(), n])
        elif changes:
            changes[-1][1] = f"{changes[-1][1]} {line.strip()}".strip()
        else:
            problems.append(f"regel {n} van 'Wat moet er veranderen?' begint niet met een veldnaam; "
                            "schrijf per regel 'veld: nieuwe waarde', bijvoorbeeld 'website: https://…'")
    seen = set()
    for name, _, n in changes:
        if name in seen:
            problems.append(f"het veld '{name}' staat twee keer bij 'Wat moet er veranderen?' (regel {n}); "
                            "noem elk veld één keer")
        seen.add(name)
    return [Change(name, " ".join(value.split()), n) for name, value, n in changes], problems


def parse_request(body: str, form_file: Path) -> ChangeRequest:
    given = answers(body, form_labels(form_file))
    problems = []
    new_kind = NEW_CHOICES.get(given.get("nieuw", ""))
    kind, entry_id = _entry(given.get("gegeven", ""))
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
