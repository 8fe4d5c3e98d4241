"""data/events.yaml: the agenda. Meetings, workshops and webinars that belong to an instrument.

Events are entries of their own, not a list under their instrument: an event comes and goes
within weeks while an instrument stays for years, each has its own source and sign-up link,
and the change form adds one without touching instruments.yaml. A past event needs no edit: it
leaves the agenda and the feeds at the first build after it ends (sitegen.data.events.upcoming).

The seeds give no dated events, so the file starts empty; an event comes only from a public page.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Optional
from zoneinfo import ZoneInfo

from pydantic import Field, ValidationError, model_validator

from sitegen.data.models import HttpsUrl, Slug, Sources, Strict, Text
from sitegen.data.validation_messages import errors_of
from sitegen.data.dates import nl_date
from sitegen.data.seed_quotes import SeedTexts, source_errors
from sitegen.data.yaml_source import read_yaml
from sitegen.errors import DataError

EVENTS_FILE = "events.yaml"
TIME_ZONE = ZoneInfo("Europe/Amsterdam")
ONLINE = "online"


class Event(Strict):
    """One meeting, workshop or webinar (HSDS: a service's schedule; iCalendar: VEVENT)."""

    id: Slug = Field(description="Vaste id: kleine letters en streepjes, bijv. ibdo-bijeenkomst-emmen-2027-01")
    title: Text = Field(description="Naam van de bijeenkomst")
    instrument: Slug = Field(description="Id van het instrument waar de bijeenkomst bij hoort")
    start: datetime = Field(description="Begin, met tijdzone: bijv. 2027-01-14T19:30:00+01:00 (Nederlandse tijd)")
    end: datetime = Field(description="Einde, met tijdzone: bijv. 2027-01-14T21:30:00+01:00")
    place: Text = Field(description="Adres of plaats, of 'online'")
    gemeente: Optional[Slug] = Field(None, description="Gemeente waar het is (zie data/regions.yaml); leeg bij online")
    cost: Text = Field("onbekend", description="Wat het kost, bijv. 'gratis', of 'onbekend'")
    signup: Optional[HttpsUrl] = Field(None, description="Aanmeldpagina (https), alleen uit een bron")
    sources: Sources
    last_reviewed: date = Field(description="Datum waarop iemand dit heeft nagekeken tegen de bron (JJJJ-MM-DD)")

    @property
    def online(self) -> bool:
        return self.place.strip().lower() == ONLINE

    @model_validator(mode="after")
    def _times(self) -> "Event":
        for name, moment in (("start", self.start), ("end", self.end)):
            if moment.tzinfo is None:
                raise ValueError(f"'{name}' heeft geen tijdzone; schrijf de Nederlandse tijd met +01:00 (winter) of "
                                 f"+02:00 (zomer), bijv. {moment:%Y-%m-%dT%H:%M}:00+01:00")
            local = moment.astimezone(TIME_ZONE)
            if moment.utcoffset() != local.utcoffset():
                hours = int(local.utcoffset() / timedelta(hours=1))
                raise ValueError(f"'{name}' ({moment.isoformat()}) is geen Nederlandse tijd: op die dag is het "
                                 f"+0{hours}:00; schrijf {moment.replace(tzinfo=None).isoformat()}+0{hours}:00")
        if self.end <= self.start:
            raise ValueError(f"het einde ({self.end.isoformat()}) ligt niet na het begin ({self.start.isoformat()}); "
                             "verbeter een van beide")
        if self.online and self.gemeente:
            raise ValueError("een online bijeenkomst hoort niet bij één gemeente; laat 'gemeente' weg")
        if not self.online and not self.gemeente:
            raise ValueError("vul 'gemeente' in (waar de bijeenkomst is), of schrijf bij 'place': online")
        return self

    def local_start(self) -> datetime:
        return self.start.astimezone(TIME_ZONE)

    def local_end(self) -> datetime:
        return self.end.astimezone(TIME_ZONE)

    def start_text(self) -> str:
        """When it starts, as a page says it: '14 januari 2027, 19.30 uur'."""
        start = self.local_start()
        return f"{nl_date(start.date())}, {start:%H.%M} uur"


class EventsFile(Strict):
    events: list[Event] = Field(default_factory=list, description="De bijeenkomsten in de agenda")


AGENDA_FOLDER = "agenda"  # /agenda/ and its feeds


def feed_name(gemeente: str | None) -> str:
    """The feed's file name in /agenda/: the whole agenda, or one gemeente's."""
    return "agenda.ics" if gemeente is None else f"agenda-{gemeente}.ics"


def for_gemeente(events: list[Event], gemeente: str) -> list[Event]:
    """A gemeente's firms: its own events and the online ones."""
    return [e for e in events if e.online or e.gemeente == gemeente]


def upcoming(events: list[Event], today: date) -> list[Event]:
    """What the agenda and the feeds show on a build date: not yet ended, soonest first."""
    return sorted((e for e in events if e.local_end().date() >= today), key=lambda e: (e.start, e.title.lower()))


def load_events(data_dir: Path, instrument_ids, gemeenten, today: date, seeds: SeedTexts,
                lines: dict | None = None) -> tuple[list[Event], list[DataError]]:
    """The file is optional; an empty `events: []` is the normal start. `lines` gets each event's
    (file, line), as Dataset.lines has them for partners and instruments."""
    path = data_dir / EVENTS_FILE
    if not path.exists():
        return [], []
    doc, errors = read_yaml(path, f"data/{EVENTS_FILE}")
    if doc is None:
        return [], errors
    raw = doc.data if doc.data is not None else {"events": []}
    try:
        parsed = EventsFile.model_validate(raw)
    except ValidationError as exc:
        return [], errors + [doc.error(loc, message, _event_id(raw, loc)) for loc, message in errors_of(exc)]
    seen: dict[str, int] = {}
    for k, event in enumerate(parsed.events):
        where = ("events", k)
        if lines is not None:
            lines[("events", event.id)] = (doc.file, doc.position(where)[0])
        if event.id in seen:
            errors.append(doc.error(where + ("id",), f"de id '{event.id}' bestaat al; kies een andere id", event.id))
        seen[event.id] = k
        if event.instrument not in instrument_ids:
            errors.append(doc.error(where + ("instrument",), f"instrument '{event.instrument}' bestaat niet in data/instruments.yaml", event.id))
        if event.gemeente and event.gemeente not in gemeenten:
            errors.append(doc.error(where + ("gemeente",), f"onbekende gemeente '{event.gemeente}'; zie data/regions.yaml", event.id))
        # Added after it ended: a past event never enters the agenda. (One that passes later needs
        # no edit: it was checked before it ended, and `upcoming` leaves it out.)
        if event.local_end().date() < event.last_reviewed:
            errors.append(doc.error(where + ("end",), f"deze bijeenkomst was al voorbij ({event.local_end():%d-%m-%Y}) "
                                    "toen ze werd toegevoegd of nagekeken; voeg alleen bijeenkomsten toe die nog komen", event.id))
        if event.last_reviewed > today:
            errors.append(doc.error(where + ("last_reviewed",), f"last_reviewed ({event.last_reviewed}) ligt in de toekomst", event.id))
        errors += source_errors(doc, where, event.sources, event.id, today, seeds)
    return parsed.events, errors


def _event_id(raw, loc) -> str:
    try:
        return str(raw["events"][loc[1]].get("id", ""))
    except (KeyError, IndexError, TypeError, AttributeError):
        return ""
