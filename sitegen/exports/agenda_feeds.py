"""The agenda as iCalendar feeds (RFC 5545): one for the whole agenda, one per gemeente.

Written with the `icalendar` library, which folds long lines and escapes commas, semicolons,
backslashes and line breaks in every text, so a title with a line break cannot start a property
of its own. Only events that have not ended on the build date go in (sitegen.data.events.upcoming):
a calendar app that subscribes sees a past event drop out after the next daily build.
A gemeente's feed holds its own events and the online ones.
"""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

import icalendar

from sitegen.data.dataset import Dataset
from sitegen.data.events import AGENDA_FOLDER, Event, feed_name, for_gemeente, upcoming
from sitegen.data.settings import SiteSettings

PRODID = "-//Drenthe Digitaal//Agenda//NL"


def calendar(events: list[Event], name: str, dataset: Dataset, today: date) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    # Always the time zone: RFC 5545 wants at least one component, also in a feed without events.
    cal.add_component(icalendar.Timezone.from_tzid("Europe/Amsterdam"))
    # DTSTAMP from the build date, not the clock: the same data on the same day gives the same bytes.
    stamp = datetime.combine(today, time(0, 0), tzinfo=timezone.utc)
    for e in events:
        item = icalendar.Event()
        item.add("uid", f"{e.id}@drenthe-digitaal")
        item.add("dtstamp", stamp)
        item.add("dtstart", e.local_start())
        item.add("dtend", e.local_end())
        item.add("summary", e.title)
        item.add("location", "Online" if e.online else e.place)
        instrument = dataset.instruments_by_id[e.instrument]
        item.add("description", f"Hoort bij: {instrument.name}. Kosten: {e.cost}."
                                + (f" Aanmelden: {e.signup}" if e.signup else " Aanmelden: onbekend."))
        if e.signup:
            item.add("url", e.signup)
        cal.add_component(item)
    return cal.to_ical()


def write_agenda_feeds(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """A PAGE_STEP: the feeds go into the docs tree, so mkdocs copies them and its link check sees them."""
    folder = docs_dir / AGENDA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    coming = upcoming(dataset.events, today)
    written = []
    feeds = [(None, "Drenthe Digitaal: agenda", coming)] + [
        (g.slug, f"Drenthe Digitaal: agenda {g.name}", for_gemeente(coming, g.slug)) for g in dataset.regions.gemeenten]
    for slug, name, events in feeds:
        path = folder / feed_name(slug)
        path.write_bytes(calendar(events, name, dataset, today))
        written.append(path)
    return written
