"""A filled-in "Bijeenkomst toevoegen" issue becomes one new entry at the end of data/events.yaml.

The body is read by the change form's own parser (sitegen.data.issue_form.answers): the same refusal
of HTML, invisible characters, decoy headings, text above the first question and overlong answers.
This module only turns the answers into an Event: a Dutch date and time ('14-01-2027 19:30') gets
the offset of Europe/Amsterdam on that day, the dropdown's gemeente name becomes its slug, the id is
made from the title and the date. The entry is checked by the Event model here; `apply-issue` then
runs the whole check (load_dataset) on the new file, which also refuses a past event and an unknown
instrument, and writes nothing if anything is wrong.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import yaml
from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.timestamp import TimeStamp

from sitegen.data.data_edits import EditError, EditResult, check_source, dump, round_trip_yaml, slug_from_name
from sitegen.data.events import EVENTS_FILE, ONLINE, TIME_ZONE, Event
from sitegen.data.issue_form import FormError, answers, form_fields, form_labels, form_title, page_entry
from sitegen.data.validation_messages import dutch_message

# Form field id -> Event field. `place` comes from "Waar is de bijeenkomst?" and "Adres" together.
ASKED_FIELDS = {"titel": "title", "instrument": "instrument", "begin": "start", "einde": "end",
                "adres": "place", "gemeente": "gemeente", "kosten": "cost", "aanmelden": "signup"}
SET_BY_PROGRAM = ("id", "sources", "last_reviewed")  # id from title and date; the source and today
ONLINE_CHOICE = "Online"  # the dropdown's first option; the others are the gemeenten's names
ID_TITLE_CHARS = 60  # the title's part of the id; the date follows it
UNKNOWN_COST = "onbekend"


def parse_event_answers(body: str, form_file: Path) -> dict[str, str]:
    return answers(body, form_fields(form_file), form_title(form_file))


def dutch_time(text: str, label: str) -> tuple[datetime | None, list[str]]:
    """'14-01-2027 19:30' (or 19.30) is Dutch time: it gets that day's offset. An ISO text such as
    2027-01-14T19:30:00+01:00 is read as written, so the Event model judges its offset (or its lack
    of one) with the same message as `build.py check`."""
    text = text.strip()
    example = "bijvoorbeeld 14-01-2027 19:30"
    if not text:
        return None, [f"vul bij '{label}' de datum en de tijd in, {example}"]
    parts = text.split()
    day = parts[0].split("-")
    if len(day) != 3 or not all(p.isascii() and p.isdigit() for p in day) or len(day[2]) != 4:
        try:
            return datetime.fromisoformat(text), []
        except ValueError:
            return None, [f"bij '{label}' staat '{text}'; schrijf dag-maand-jaar en dan de tijd, {example}"]
    if len(parts) == 1:
        return None, [f"bij '{label}' staat alleen een datum; schrijf ook de tijd, bijvoorbeeld {text} 19:30"]
    clock = parts[1].replace(".", ":").split(":")
    if len(parts) != 2 or len(clock) != 2 or not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in clock):
        return None, [f"bij '{label}' staat '{text}'; schrijf de tijd als uur:minuten, {example}"]
    try:
        naive = datetime(int(day[2]), int(day[1]), int(day[0]), int(clock[0]), int(clock[1]))
    except (ValueError, OverflowError):
        return None, [f"bij '{label}': de datum of tijd '{text}' bestaat niet; kijk de dag, de maand en de tijd na"]
    earlier, later = naive.replace(tzinfo=TIME_ZONE, fold=0), naive.replace(tzinfo=TIME_ZONE, fold=1)
    if earlier.utcoffset() != later.utcoffset():
        if earlier.astimezone(timezone.utc).astimezone(TIME_ZONE).replace(tzinfo=None) != naive:
            return None, [f"bij '{label}': {text} bestaat niet in Nederland, want die nacht gaat de klok "
                          "een uur vooruit (zomertijd). Kijk de tijd na in de bron"]
        return None, [f"bij '{label}': {text} komt die nacht twee keer voor, want de klok gaat een uur terug. "
                      f"Schrijf erbij welke: {naive:%Y-%m-%dT%H:%M}:00+02:00 (nog zomertijd) of "
                      f"{naive:%Y-%m-%dT%H:%M}:00+01:00 (al wintertijd)"]
    return naive.replace(tzinfo=_offset_zone(earlier.utcoffset())), []


def _offset_zone(offset: timedelta) -> timezone:
    """A fixed offset named as the files write it ('+01:00'), which is how ruamel writes it back."""
    minutes = int(offset / timedelta(minutes=1))
    sign = "+" if minutes >= 0 else "-"
    return timezone(offset, f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")


def _gemeenten(data_dir: Path) -> dict[str, str]:
    """Gemeente name (the dropdown's option) -> slug, from data/regions.yaml."""
    regions = yaml.safe_load((data_dir / "regions.yaml").read_text(encoding="utf-8")) or {}
    return {str(g.get("name")): str(g.get("slug")) for g in regions.get("gemeenten") or [] if isinstance(g, dict)}


def event_values(given: dict[str, str], form_file: Path, data_dir: Path) -> tuple[dict, list[str]]:
    """The answers as the Event model's fields (without id, sources, last_reviewed), or what is wrong."""
    label = form_labels(form_file).__getitem__
    problems: list[str] = []
    values: dict[str, object] = {"title": given.get("titel", "")}

    kind, instrument = page_entry(given.get("instrument", ""))
    if kind == "partners" or not instrument:
        problems.append(f"plak bij '{label('instrument')}' het adres van de pagina van het aanbod (…/instrumenten/…)")
    values["instrument"] = instrument

    for fid, name in (("begin", "start"), ("einde", "end")):
        moment, found = dutch_time(given.get(fid, ""), label(fid))
        problems += found
        values[name] = moment

    where, address = given.get("gemeente", "").strip(), given.get("adres", "").strip()
    gemeenten = _gemeenten(data_dir)
    if where == ONLINE_CHOICE:
        values["place"] = ONLINE
        if address:
            problems.append(f"je koos '{ONLINE_CHOICE}', maar schreef ook een adres; laat '{label('adres')}' leeg, "
                            f"of kies bij '{label('gemeente')}' de gemeente")
    elif where in gemeenten:
        values["gemeente"] = gemeenten[where]
        values["place"] = address
        if not address:
            problems.append(f"schrijf het adres bij '{label('adres')}' (waar de bijeenkomst is), "
                            f"of kies bij '{label('gemeente')}' '{ONLINE_CHOICE}'")
    else:
        got = f"staat '{where}'" if where else "is niets gekozen"
        problems.append(f"bij '{label('gemeente')}' {got}; kies een van de keuzes van het formulier: "
                        f"{', '.join([ONLINE_CHOICE, *gemeenten])}")
    values["cost"] = given.get("kosten", "").strip() or UNKNOWN_COST
    if signup := given.get("aanmelden", "").strip():
        values["signup"] = signup
    return values, problems


def event_id(title: str, start: datetime) -> str:
    """'Digitaal ondernemen: AI' on 14-01-2027 -> 'digitaal-ondernemen-ai-2027-01-14'."""
    slug = slug_from_name(title)
    if len(slug) > ID_TITLE_CHARS:  # cut between words, not inside one
        slug = slug[:ID_TITLE_CHARS + 1].rsplit("-", 1)[0]
    slug = slug.strip("-") or "bijeenkomst"
    return f"{slug}-{start.astimezone(TIME_ZONE).date().isoformat()}"


def _model_problems(entry: dict, form_file: Path) -> list[str]:
    by_field = {name: fid for fid, name in ASKED_FIELDS.items()}
    labels = form_labels(form_file)
    try:
        Event.model_validate(entry)
    except ValidationError as exc:
        out = []
        for e in exc.errors(include_url=False):
            message = dutch_message(e)
            fid = by_field.get(e["loc"][0]) if e["loc"] else None
            if fid:
                message = f"bij '{labels[fid]}': {message}"
            else:  # a rule on the whole event names the file's fields: say which question that is
                for name in ("start", "end"):
                    message = message.replace(f"'{name}'", f"'{labels[by_field[name]]}'")
            out.append(message)
        return out
    return []


def _timestamp(moment: datetime) -> TimeStamp:
    """The moment as ruamel writes a timestamp: 2027-01-14T19:30:00+01:00, like the file's example."""
    local = moment.replace(tzinfo=_offset_zone(moment.utcoffset()))
    stamp = TimeStamp(local.year, local.month, local.day, local.hour, local.minute, local.second, tzinfo=local.tzinfo)
    stamp._yaml.update(t=True, tz=local.tzinfo.tzname(None), delta=local.utcoffset())
    return stamp


def _plain_or_quoted(text: str):
    """A short word stays plain (cost: gratis); anything YAML might read otherwise is quoted."""
    return text if text.replace(" ", "").isalnum() else DoubleQuotedScalarString(text)


def apply_event(body: str, form_file: Path, data_dir: Path, today: date) -> EditResult:
    """The new events.yaml in memory (before/after); the caller writes it and runs the whole check."""
    given = parse_event_answers(body, form_file)
    values, problems = event_values(given, form_file, data_dir)
    source, source_problems = check_source(given.get("bron", "").strip(), given.get("bron-titel", "").strip())
    problems += source_problems
    if problems:
        raise FormError(problems)
    entry_id = event_id(str(values["title"]), values["start"])
    sources = [{**source, "accessed": today}]
    problems = _model_problems({"id": entry_id, **values, "sources": sources, "last_reviewed": today}, form_file)
    if problems:
        raise EditError(problems)
    event = Event.model_validate({"id": entry_id, **values, "sources": sources, "last_reviewed": today})

    path = data_dir / EVENTS_FILE
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    y = round_trip_yaml()
    doc = y.load(before) if before.strip() else None
    doc = doc if isinstance(doc, CommentedMap) else CommentedMap()
    entries = doc.get("events")
    if not isinstance(entries, CommentedSeq) or not entries:
        entries = CommentedSeq(entries or [])  # `events: []` becomes a block list, like the example above it
        doc["events"] = entries
    if any(isinstance(e, dict) and e.get("id") == entry_id for e in entries):
        raise EditError([f"de bijeenkomst '{entry_id}' bestaat al in data/{EVENTS_FILE} (dezelfde naam op dezelfde dag). "
                         "Staat ze er al? Dan hoeft er niets te gebeuren. Is het een andere bijeenkomst? "
                         "Geef haar dan een naam die de bron ook gebruikt en die anders is"])

    new = CommentedMap([("id", entry_id), ("title", DoubleQuotedScalarString(event.title)),
                        ("instrument", event.instrument), ("start", _timestamp(event.start)),
                        ("end", _timestamp(event.end)), ("place", DoubleQuotedScalarString(event.place))])
    if event.gemeente:
        new["gemeente"] = event.gemeente
    new["cost"] = _plain_or_quoted(event.cost)
    if event.signup:
        new["signup"] = event.signup
    new["sources"] = CommentedSeq([CommentedMap([("url", source["url"]),
                                                 ("title", DoubleQuotedScalarString(source["title"])),
                                                 ("accessed", today)])])
    new["last_reviewed"] = today
    entries.append(new)
    if len(entries) > 1:
        entries.yaml_set_comment_before_after_key(len(entries) - 1, before="\n")  # one blank line between entries
    rows = [(name, None, new[name]) for name in new if name != "sources"]
    rows.insert(len(rows) - 1, ("sources", None, f"{source['url']} ({source['title']})"))
    return EditResult(file=f"data/{EVENTS_FILE}", entry_id=entry_id, new=True, fields=list(new), rows=rows,
                      source_added=True, before=before, after=dump(y, doc))
