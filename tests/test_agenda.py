"""The agenda (issue 25): events in data/events.yaml, the /agenda/ page by month, and the
iCalendar feeds (the whole agenda, one per gemeente) that a calendar app subscribes to."""
from __future__ import annotations

import copy
import random
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from repo_paths import TODAY
from sitegen.data.events import TIME_ZONE, Event, feed_name, upcoming
from sitegen.data.settings import SiteSettings
from sitegen.exports.agenda_feeds import write_agenda_feeds
from sitegen.pages.agenda import write_agenda
from test_data_errors import assert_error, errors_for, line_of

SOURCE = [{"url": "https://example.org/agenda", "title": "Agenda van de partner", "accessed": "2026-11-30"}]


def _event(k: int, start: datetime, gemeente: str | None, title: str = "") -> Event:
    return Event(id=f"bijeenkomst-{k}", title=title or f"Bijeenkomst {k}", instrument="ibdo-bijeenkomsten-ondernemersverenigingen",
                 start=start, end=start + timedelta(hours=2), place="online" if gemeente is None else f"Zaal {k}",
                 gemeente=gemeente, cost="gratis", signup="https://example.org/aanmelden", sources=SOURCE,
                 last_reviewed=date(2026, 11, 30))


def synthetic_agenda(dataset, n: int = 500) -> list[Event]:
    """500 events over two years from the build date, in every gemeente and online, at local times
    on both sides of the change to summer time."""
    rng = random.Random(25)
    slugs = [g.slug for g in dataset.regions.gemeenten] + [None, None]
    events = []
    for k in range(n):
        day = date(2026, 12, 1) + timedelta(days=rng.randrange(0, 730))
        start = datetime(day.year, day.month, day.day, rng.choice([9, 13, 19]), 30, tzinfo=TIME_ZONE)
        events.append(_event(k, start, rng.choice(slugs)))
    return events


def _with_events(dataset, events):
    clone = copy.copy(dataset)
    clone.events = events
    return clone


def _feed(folder: Path, gemeente: str | None) -> list:
    cal = icalendar.Calendar.from_ical((folder / "agenda" / feed_name(gemeente)).read_bytes())
    return list(cal.walk("VEVENT"))


def test_the_feeds_of_a_synthetic_agenda_parse_back_and_hold_the_right_events(dataset, tmp_path: Path):
    events = synthetic_agenda(dataset)
    later = date(2027, 12, 1)
    for today in (TODAY, later):
        out = tmp_path / today.isoformat()
        write_agenda_feeds(_with_events(dataset, events), out, today, SiteSettings())
        expected = {e.id for e in events if e.local_end().date() >= today}
        whole = _feed(out, None)
        assert {str(v["uid"]).split("@")[0] for v in whole} == expected
        assert all(v.decoded("dtend").date() >= today for v in whole), "a past event stayed in the feed"
        for g in dataset.regions.gemeenten:
            own = {e.id for e in events if e.id in expected and (e.gemeente == g.slug or e.gemeente is None)}
            assert {str(v["uid"]).split("@")[0] for v in _feed(out, g.slug)} == own, g.slug
    assert len(expected) < len(events), "the later build must have dropped past events"


def test_times_are_dutch_local_time_in_the_feed(dataset, tmp_path: Path):
    summer = datetime(2027, 6, 10, 19, 30, tzinfo=TIME_ZONE)
    winter = datetime(2027, 1, 14, 19, 30, tzinfo=TIME_ZONE)
    write_agenda_feeds(_with_events(dataset, [_event(1, summer, "emmen"), _event(2, winter, None)]), tmp_path, TODAY, SiteSettings())
    starts = {str(v["uid"]).split("@")[0]: v.decoded("dtstart") for v in _feed(tmp_path, None)}
    assert starts["bijeenkomst-1"].utcoffset() == timedelta(hours=2) and starts["bijeenkomst-1"].hour == 19
    assert starts["bijeenkomst-2"].utcoffset() == timedelta(hours=1) and starts["bijeenkomst-2"].hour == 19
    raw = (tmp_path / "agenda" / "agenda.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Amsterdam:20270610T193000" in raw and "BEGIN:VTIMEZONE" in raw


def test_a_title_with_a_line_break_comma_and_semicolon_cannot_start_a_property(dataset, tmp_path: Path):
    """The model refuses a line break in a title; the feed must hold even so (what comes out)."""
    title = "Sessie, deel 1; met koffie\nATTENDEE:mailto:spy@elders.example\r\nEND:VEVENT"
    start = datetime(2027, 3, 2, 10, 0, tzinfo=TIME_ZONE)
    hostile = Event.model_construct(**{**_event(1, start, "assen").__dict__, "title": title})
    write_agenda_feeds(_with_events(dataset, [hostile]), tmp_path, TODAY, SiteSettings())
    raw = (tmp_path / "agenda" / "agenda.ics").read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    assert "SUMMARY:Sessie\\, deel 1\\; met koffie\\nATTENDEE:mailto:spy@elders.example\\nEND:VEVENT" in unfolded
    lines = unfolded.split("\r\n")
    assert not any(line.startswith("ATTENDEE") for line in lines)
    assert sum(line == "END:VEVENT" for line in lines) == 1
    (event,) = _feed(tmp_path, None)
    assert str(event["summary"]) == title.replace("\r\n", "\n")


def test_the_agenda_page_lists_coming_events_by_month_and_drops_past_ones(dataset, tmp_path: Path):
    past = _event(1, datetime(2026, 11, 20, 19, 0, tzinfo=TIME_ZONE), "emmen", title="Al geweest")
    past = past.model_copy(update={"last_reviewed": date(2026, 11, 1)})
    jan = _event(2, datetime(2027, 1, 14, 19, 30, tzinfo=TIME_ZONE), "emmen", title="Digitaal ondernemen in Emmen")
    feb = _event(3, datetime(2027, 2, 3, 10, 0, tzinfo=TIME_ZONE), None, title="Webinar over AI")
    (page,) = write_agenda(_with_events(dataset, [feb, past, jan]), tmp_path, TODAY, SiteSettings())
    text = page.read_text(encoding="utf-8")
    assert "Al geweest" not in text
    assert text.index("## Januari 2027") < text.index("Digitaal ondernemen in Emmen") < text.index("## Februari 2027") \
        < text.index("Webinar over AI")
    assert "14 januari 2027, 19.30 tot 21.30 uur" in text and "(gemeente Emmen)" in text


def test_the_real_agenda_page_says_how_to_add_an_event_when_there_is_none(built_site: Path, dataset):
    if upcoming(dataset.events, TODAY):
        pytest.skip("de agenda heeft bijeenkomsten; de lege pagina is niet te zien")
    page = (built_site / "agenda" / "index.html").read_text(encoding="utf-8")
    assert "Er staan nu geen bijeenkomsten in de agenda" in page and "Gegevens aanpassen" in page
    assert icalendar.Calendar.from_ical((built_site / "agenda" / "agenda.ics").read_bytes())["version"] == "2.0"


EVENT = """\
events:
  - id: testbijeenkomst
    title: Testbijeenkomst
    instrument: ibdo-bijeenkomsten-ondernemersverenigingen
    start: {start}
    end: {end}
    place: {place}
    gemeente: {gemeente}
    cost: gratis
    signup: {signup}
    sources:
      - url: https://example.org/agenda
        title: Agenda van de partner
    last_reviewed: 2026-11-30
"""


def _write_event(data_dir: Path, **fields) -> Path:
    values = dict(start="2027-01-14T19:30:00+01:00", end="2027-01-14T21:30:00+01:00", place="Zaal", gemeente="emmen",
                  signup="https://example.org/aanmelden")
    values.update(fields)
    path = data_dir / "events.yaml"
    path.write_text(EVENT.format(**values), encoding="utf-8")
    return path


@pytest.mark.parametrize("fields, needle, fragment", [
    ({"start": "2027-01-14T19:30:00"}, "start:", "geen tijdzone"),
    ({"start": "2027-06-14T19:30:00+01:00", "end": "2027-06-14T21:30:00+01:00"}, "start:", "geen Nederlandse tijd"),
    ({"end": "2027-01-14T18:00:00+01:00"}, "start:", "ligt niet na het begin"),
    ({"start": "2026-11-02T19:30:00+01:00", "end": "2026-11-02T21:30:00+01:00"}, "end:", "al voorbij"),
    ({"signup": "http://example.org/aanmelden"}, "signup:", "https"),
    ({"gemeente": "atlantis"}, "gemeente:", "onbekende gemeente"),
    ({"place": "online"}, "start:", "online bijeenkomst hoort niet bij één gemeente"),
])
def test_bad_events_are_refused_at_their_line(data_copy: Path, fields, needle, fragment):
    path = _write_event(data_copy, **fields)
    errors = errors_for(data_copy)
    matching = [e for e in errors if fragment in e]
    assert matching, errors
    line = int(matching[0].split(":")[1])
    assert line in (line_of(path, needle), line_of(path, "- id: testbijeenkomst")), matching[0]


def test_an_event_of_an_unknown_instrument_is_refused(data_copy: Path):
    path = _write_event(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("ibdo-bijeenkomsten-ondernemersverenigingen", "bestaat-niet"), encoding="utf-8")
    assert_error(errors_for(data_copy), "events.yaml", line_of(path, "instrument:"), "bestaat-niet")


def test_an_event_that_passes_later_needs_no_edit(data_copy: Path):
    """Checked before it ended, it stays valid after: the build only leaves it out."""
    from sitegen.data.dataset import load_dataset
    from repo_paths import SEEDS
    _write_event(data_copy)
    later = load_dataset(data_copy, date(2027, 3, 1), SEEDS)
    assert [e.id for e in later.events] == ["testbijeenkomst"]
    assert upcoming(later.events, date(2027, 3, 1)) == []


def test_a_gemeente_page_shows_its_next_events_and_the_online_ones_only(dataset):
    """Issue 25: 'Gemeente pages … show the next events that fit (same gemeente or online)'."""
    from sitegen.pages.gemeente import NEXT_EVENTS, gemeente_lead
    from sitegen.pages.markdown import PageWriter
    events = synthetic_agenda(dataset, 60)
    lead = gemeente_lead(_with_events(dataset, events), "emmen", [], TODAY)
    fitting = [e for e in sorted(events, key=lambda e: e.start) if e.gemeente in ("emmen", None)][:NEXT_EVENTS]
    assert [e["title"] for e in lead["events"]] == [e.title for e in fitting]
    html = PageWriter(dataset, Path("/nonexistent"), TODAY, SiteSettings()).html_env.get_template(
        "gemeente_lead.html.j2").render(href_root="../../", **lead)
    for e in fitting:
        assert e.title in html
    assert 'href="../../agenda/agenda-emmen.ics"' in html
    empty = gemeente_lead(_with_events(dataset, []), "emmen", [], TODAY)
    assert "geen bijeenkomsten in Emmen" in PageWriter(dataset, Path("/nonexistent"), TODAY, SiteSettings()).html_env.get_template(
        "gemeente_lead.html.j2").render(href_root="../../", **empty)


def test_the_agenda_page_links_to_the_event_form_and_the_form_reads_its_prefill(dataset, tmp_path: Path):
    """An empty agenda tells a partner how to add one: the form 'Bijeenkomst toevoegen', not the change form."""
    from urllib.parse import parse_qs, urlsplit
    import re
    import yaml
    from repo_paths import ROOT
    (page,) = write_agenda(_with_events(dataset, []), tmp_path, TODAY, SiteSettings(repository_url="https://example.org/p/r"))
    link = re.search(r"\[formulier\]\(([^)]+)\)", page.read_text(encoding="utf-8")).group(1)
    assert parse_qs(urlsplit(link).query)["template"] == ["bijeenkomst-toevoegen.yml"]
    assert (ROOT / ".github" / "ISSUE_TEMPLATE" / "bijeenkomst-toevoegen.yml").exists()
    url = SiteSettings(repository_url="https://example.org/p/r").event_form_url("instrumenten/ibdo-intake/")
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "bijeenkomst-toevoegen.yml").read_text(encoding="utf-8"))
    ids = {item.get("id") for item in form["body"]}
    query = parse_qs(urlsplit(url).query)
    assert set(query) - {"template"} <= ids and query["instrument"] == ["instrumenten/ibdo-intake"]


def test_an_instrument_page_lists_its_coming_events_and_a_workshop_page_invites_one(dataset, tmp_path: Path):
    from sitegen.pages.markdown import PageWriter
    event = _event(1, datetime(2027, 1, 14, 19, 30, tzinfo=TIME_ZONE), "emmen", title="Digitaal ondernemen in Emmen")
    writer = PageWriter(_with_events(dataset, [event]), tmp_path, TODAY, SiteSettings(repository_url="https://example.org/p/r"))
    writer.write_instruments()
    import json
    records = (tmp_path / "_entities" / "instrumenten.jsonl")
    records = records if records.exists() else next(tmp_path.rglob("instrumenten.jsonl"))
    bodies = {r["slug"]: r["body"] for r in map(json.loads, records.read_text(encoding="utf-8").splitlines())}
    page = bodies["ibdo-bijeenkomsten-ondernemersverenigingen"]
    assert "Digitaal ondernemen in Emmen" in page and "14 januari 2027, 19.30 uur" in page
    assert "template=bijeenkomst-toevoegen.yml&amp;instrument=instrumenten/ibdo-bijeenkomsten-ondernemersverenigingen" in page
    assert "Digitaal ondernemen in Emmen" not in bodies["adviesvoucher-mkb-drenthe"]
    assert "bijeenkomst-toevoegen" not in bodies["adviesvoucher-mkb-drenthe"]  # not a meeting kind of offer

