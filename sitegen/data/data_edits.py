"""Apply a change request (sitegen.data.issue_form) to data/*.yaml, keeping comments, order and style.

ruamel.yaml's round-trip mode reads and writes the files byte for byte the same when nothing
changes (a test holds it to that), so the pull request shows only the lines that changed. Each
value is checked against the pydantic model's own field before anything is written: the form
gets the same Dutch messages as `build.py check`.
"""
from __future__ import annotations

import difflib
import io
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, get_origin

from pydantic import TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from sitegen.data.dataset import DATA_FILES
from sitegen.data.issue_form import REMOVE, ChangeRequest
from sitegen.data.models import Instrument, Partner
from sitegen.data.validation_messages import dutch_message

MODELS = {"partners": Partner, "instruments": Instrument}
KIND_NAMES = {"partners": "partner", "instruments": "instrument"}
# Not through the form: the id links pages and other entries; sources and last_reviewed are set
# from the form's own questions; other_partners, contact and next are nested, with their own source
# or estimate: an editor writes them in YAML.
FIXED_FIELDS = ("id", "sources", "last_reviewed", "other_partners", "contact", "next")
FOLD_WIDTH = 88  # the files' long texts are folded at about this width (6 spaces of indent before)


def editable_fields(kind: str) -> list[str]:
    return [name for name in MODELS[kind].model_fields if name not in FIXED_FIELDS]


class EditError(Exception):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class EditResult:
    file: str                 # e.g. "data/instruments.yaml"
    entry_id: str
    new: bool
    fields: list[str] = field(default_factory=list)
    rows: list[tuple[str, object, object]] = field(default_factory=list)  # (field, old, new) for the report; None: not there
    source_added: bool = False
    before: str = ""
    after: str = ""

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(True), self.after.splitlines(True),
                                            f"a/{self.file}", f"b/{self.file}"))


def round_trip_yaml() -> YAML:
    """The settings under which data/*.yaml reads and writes back unchanged."""
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long address; long texts are folded by us (_folded)
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.ignore_aliases = lambda data: True  # one date used twice must not become &id001/*id001
    return y


def dump(y: YAML, data) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def slug_from_name(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def _adapter(kind: str, name: str) -> TypeAdapter:
    info = MODELS[kind].model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata]) if info.metadata else TypeAdapter(info.annotation)


def _is_list(kind: str, name: str) -> bool:
    return get_origin(MODELS[kind].model_fields[name].annotation) is list


def _folded(text: str) -> FoldedScalarString:
    """A long text as `>-`, folded at spaces as the files are, so a reviewer reads it as written."""
    result = FoldedScalarString(text)
    positions, start = [], 0
    for line in textwrap.wrap(text, FOLD_WIDTH, break_long_words=False, break_on_hyphens=False)[:-1]:
        start += len(line)
        positions.append(start)
        start += 1
    result.fold_pos = positions
    return result


def _yaml_value(kind: str, name: str, value, old):
    """The checked value in the style of the file: lists in [ ], long text folded, a text with a
    colon or quote in double quotes (as the files write it)."""
    if isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, date):
        return value
    text = str(value)
    if isinstance(old, FoldedScalarString) or name == "description" or len(text) > FOLD_WIDTH - len(name):
        return _folded(text)
    if isinstance(old, DoubleQuotedScalarString) or re.search(r":\s|\s#|:$|^[-?\[\]{}&*!|>%@`,'\"#]", text):
        return DoubleQuotedScalarString(text)
    return text


def check_value(kind: str, name: str, raw: str, line: int) -> tuple[object, list[str]]:
    """The value as the model reads it, or the model's own Dutch message."""
    where = f"(regel {line} van 'Wat moet er veranderen?')"
    value = [part.strip() for part in raw.split(",") if part.strip()] if _is_list(kind, name) else raw
    try:
        return _adapter(kind, name).validate_python(value), []
    except ValidationError as exc:
        return None, [f"{name}: {dutch_message({**e, 'loc': (name, *e['loc'])})} {where}"
                      for e in exc.errors(include_url=False)]


def _find(entries: list, entry_id: str) -> int | None:
    return next((n for n, e in enumerate(entries) if isinstance(e, dict) and e.get("id") == entry_id), None)


def _locate(request: ChangeRequest, loaded: dict[str, object]) -> tuple[str, int | None, list[str]]:
    """Which file holds the entry (the page address says; a bare id is looked up in both)."""
    kinds = list(loaded)
    hits = [(k, _find(loaded[k][k], request.entry_id)) for k in kinds]
    hits = [(k, n) for k, n in hits if n is not None]
    if request.new:
        if hits:
            return request.kind, None, [f"de id '{request.entry_id}' bestaat al; kies een andere id "
                                        "(regel 'id: …') of wijzig het bestaande gegeven"]
        return request.kind, None, []
    if len(hits) == 1:
        return hits[0][0], hits[0][1], []
    if len(hits) > 1:
        return "", None, [f"'{request.entry_id}' is zowel een partner als een instrument; "
                          "plak het hele adres van de pagina bij 'Welk gegeven wil je wijzigen?'"]
    known = [e.get("id") for k in kinds for e in loaded[k][k] if isinstance(e, dict)]
    close = difflib.get_close_matches(request.entry_id, [str(k) for k in known], n=1)
    hint = f" Bedoel je '{close[0]}'?" if close else ""
    what = " of ".join(KIND_NAMES[k] for k in kinds)
    return "", None, [f"er is geen {what} met de id '{request.entry_id}'.{hint} Plak het adres van de pagina "
                      "op Drenthe Digitaal bij 'Welk gegeven wil je wijzigen?'"]


def _whole_entry_problems(kind: str, entry: dict) -> list[str]:
    try:
        MODELS[kind].model_validate(dict(entry))
    except ValidationError as exc:
        out = []
        for e in exc.errors(include_url=False):
            if e["type"] == "missing":
                out.append(f"het veld '{e['loc'][0]}' is verplicht voor een nieuw{'e' if kind == 'partners' else ''} "
                           f"{KIND_NAMES[kind]}; voeg een regel '{e['loc'][0]}: …' toe bij 'Wat moet er veranderen?'")
            else:
                out.append(dutch_message(e))
        return out
    return []


def apply_request(request: ChangeRequest, data_dir: Path, today: date) -> EditResult:
    """Edit the YAML text in memory and return before/after; the caller writes it (or not)."""
    y = round_trip_yaml()
    # ruamel's round trip is pure Python (about a second per 1000 lines): read only the file(s) needed.
    kinds = [request.kind] if request.kind else list(MODELS)
    texts = {k: (data_dir / DATA_FILES[k]).read_text(encoding="utf-8") for k in kinds}
    loaded = {k: y.load(texts[k]) for k in kinds}
    kind, index, problems = _locate(request, loaded)
    if problems:
        raise EditError(problems)

    checked = {}
    for change in request.changes:
        if change.field in FIXED_FIELDS:
            problems.append(f"het veld '{change.field}' kan niet via dit formulier (regel {change.line}); "
                            "zet wat je wilt bij 'Toelichting voor de redactie'")
        elif change.field not in MODELS[kind].model_fields:
            problems.append(f"onbekend veld '{change.field}' (regel {change.line} van 'Wat moet er veranderen?'); "
                            f"een {KIND_NAMES[kind]} heeft deze velden: {', '.join(editable_fields(kind))}")
        elif change.value == REMOVE:
            if MODELS[kind].model_fields[change.field].is_required():
                problems.append(f"het veld '{change.field}' is verplicht en kan niet weg (regel {change.line})")
            checked[change.field] = REMOVE
        else:
            value, value_problems = check_value(kind, change.field, change.value, change.line)
            problems += value_problems
            checked[change.field] = value
    source_value, source_problems = _check_source(request)
    problems += source_problems
    if problems:
        raise EditError(problems)

    entries = loaded[kind][kind]
    entry_id = request.entry_id
    rows: list[tuple[str, object, object]] = []
    if request.new:
        entry_id = entry_id or slug_from_name(str(checked.get("name", "")))
        id_value, id_problems = check_value(kind, "id", entry_id or "-", 0)
        if id_problems or not entry_id:
            raise EditError([f"de id '{entry_id}' kan niet: gebruik kleine letters, cijfers en streepjes; "
                             "schrijf een regel 'id: …' bij 'Wat moet er veranderen?'"])
        entry = CommentedMap([("id", id_value)])
        rows.append(("id", None, id_value))
        for name in MODELS[kind].model_fields:  # the model's order, as the files have it
            if name in checked and checked[name] != REMOVE:
                entry[name] = _yaml_value(kind, name, checked[name], None)
                rows.append((name, None, checked[name]))
        entry["sources"] = CommentedSeq()
        entries.append(entry)
        entries.yaml_set_comment_before_after_key(len(entries) - 1, before="\n")  # one blank line between entries
    else:
        entry = entries[index]
        for name, value in list(checked.items()):
            if _same(entry.get(name), value):
                del checked[name]  # the report names only what really changes
                continue
            rows.append((name, entry.get(name), None if value == REMOVE else value))
            if value == REMOVE:
                entry.pop(name, None)
            elif name in entry:
                entry[name] = _yaml_value(kind, name, value, entry[name])
            else:
                entry.insert(_insert_position(kind, entry, name), name, _yaml_value(kind, name, value, None))
    source_added = _add_source(entry["sources"], source_value, today)
    if source_added:
        rows.append(("sources", None, f"{source_value['url']} ({source_value['title']})"))
    if request.new:
        entry["last_reviewed"] = today  # a new entry is checked against its source today
    problems = _whole_entry_problems(kind, entry)
    if problems:
        raise EditError(problems)

    after = dump(y, loaded[kind])
    if after == texts[kind]:
        raise EditError(["er verandert niets: de gegevens staan er al zo, met deze bron"])
    return EditResult(file=f"data/{DATA_FILES[kind]}", entry_id=entry_id, new=request.new,
                      fields=[n for n in checked], rows=rows, source_added=source_added, before=texts[kind], after=after)


def _same(old, value) -> bool:
    if value == REMOVE:
        return old is None
    return (list(old) if isinstance(old, list) else old) == value


def _insert_position(kind: str, entry: CommentedMap, name: str) -> int:
    """A field that was not there goes where the model (and so every other entry) has it."""
    order = list(MODELS[kind].model_fields)
    later = [n for n, key in enumerate(entry) if key in order and order.index(key) > order.index(name)]
    return later[0] if later else len(entry)


def _check_source(request: ChangeRequest) -> tuple[dict, list[str]]:
    return check_source(request.source_url, request.source_title)


def check_source(url: str, title: str) -> tuple[dict, list[str]]:
    """The form's "Bron" questions as a source (the model's address rule), or the Dutch message."""
    from sitegen.data.models import Source
    try:
        source = Source.model_validate({"url": url, "title": title})
    except ValidationError as exc:
        return {}, [f"bron: {dutch_message({**e, 'loc': ('bron', *e['loc'])})}" for e in exc.errors(include_url=False)]
    return {"url": source.url, "title": source.title}, []


def _add_source(sources: CommentedSeq, source: dict, today: date) -> bool:
    """The form's source joins the entry's sources, unless that address is already among them."""
    if any(isinstance(s, dict) and s.get("url") == source["url"] for s in sources):
        return False
    sources.append(CommentedMap([("url", source["url"]), ("title", DoubleQuotedScalarString(source["title"])),
                                 ("accessed", today)]))
    return True
