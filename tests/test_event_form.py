"""Issue 25: the form "Bijeenkomst toevoegen" adds an event to the agenda through `build.py apply-issue`,
the same path and the same hardening as the change form (tests/test_apply_issue.py,
tests/test_issue_form_attacks.py). Offline: bodies are written the way GitHub writes a filled-in form."""
from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
import yaml

from repo_paths import DATA, ROOT, TODAY
from test_apply_issue import apply, unchanged

EVENT_FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "bijeenkomst-toevoegen.yml"
INSTRUMENT = "ibdo-bijeenkomsten-ondernemersverenigingen"
FILLED_IN = dict(titel="Digitaal ondernemen: aan de slag met AI",
                 instrument=f"https://drenthe.example.org/instrumenten/{INSTRUMENT}/",
                 begin="14-01-2027 19:30", einde="14-01-2027 21:30", gemeente="Emmen",
                 adres="Raadhuisplein 1, Emmen", kosten="gratis", aanmelden="https://www.voorbeeld.nl/aanmelden",
                 bron="https://www.voorbeeld.nl/agenda", **{"bron-titel": "Agenda van de vereniging"}, toelichting="",
                 controle="- [X] Alles wat ik hierboven schrijf, staat in de bron. Ik heb niets verzonnen.")
NEW_ID = "digitaal-ondernemen-aan-de-slag-met-ai-2027-01-14"


def event_body(**changed) -> str:
    """The body GitHub writes for the event form, built from the form's own labels, with CRLF."""
    from sitegen.data.issue_form import form_labels
    answers = {**FILLED_IN, **{k.replace("_", "-"): v for k, v in changed.items()}}
    parts = [f"### {label}\n\n{answers[fid] or '_No response_'}\n" for fid, label in form_labels(EVENT_FORM).items()]
    return "\r\n".join("\n".join(parts).split("\n"))


def added_text(data_dir: Path) -> str:
    before = (DATA / "events.yaml").read_text(encoding="utf-8")
    after = (data_dir / "events.yaml").read_text(encoding="utf-8")
    head = before.rsplit("events: []", 1)[0]
    assert after.startswith(head), "the comments above the list must stay"
    return after[len(head):]


def test_a_filled_in_form_becomes_exactly_one_new_event(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, event_body(), tmp_path, capsys)
    assert code == 0, report
    assert added_text(data_copy) == f"""events:
  - id: {NEW_ID}
    title: "Digitaal ondernemen: aan de slag met AI"
    instrument: {INSTRUMENT}
    start: 2027-01-14T19:30:00+01:00
    end: 2027-01-14T21:30:00+01:00
    place: "Raadhuisplein 1, Emmen"
    gemeente: emmen
    cost: gratis
    signup: https://www.voorbeeld.nl/aanmelden
    sources:
      - url: https://www.voorbeeld.nl/agenda
        title: "Agenda van de vereniging"
        accessed: {TODAY.isoformat()}
    last_reviewed: {TODAY.isoformat()}
"""
    assert all((data_copy / f.name).read_bytes() == f.read_bytes() for f in DATA.glob("*.yaml") if f.name != "events.yaml")


def test_the_new_event_is_on_the_agenda_page_and_in_the_feeds_of_its_gemeente(data_copy, tmp_path, capsys):
    from sitegen.data.dataset import load_dataset
    from sitegen.data.events import feed_name, upcoming
    from sitegen.data.settings import SiteSettings
    from sitegen.exports.agenda_feeds import write_agenda_feeds
    assert apply(data_copy, event_body(), tmp_path, capsys)[0] == 0
    dataset = load_dataset(data_copy, TODAY)
    [event] = [e for e in upcoming(dataset.events, TODAY) if e.id == NEW_ID]
    assert event.local_start().isoformat() == "2027-01-14T19:30:00+01:00" and event.gemeente == "emmen"
    from sitegen.pages.agenda import write_agenda
    write_agenda(dataset, tmp_path / "docs", TODAY, SiteSettings())
    page = (tmp_path / "docs" / "agenda" / "index.md").read_text(encoding="utf-8")
    assert "Digitaal ondernemen: aan de slag met AI" in page and "Raadhuisplein 1, Emmen" in page
    write_agenda_feeds(dataset, tmp_path / "docs", TODAY, SiteSettings())
    titles = lambda g: [str(e["summary"]) for e in icalendar.Calendar.from_ical(
        (tmp_path / "docs" / "agenda" / feed_name(g)).read_bytes()).walk("VEVENT")]
    assert "Digitaal ondernemen: aan de slag met AI" in titles(None)
    assert "Digitaal ondernemen: aan de slag met AI" in titles("emmen")
    assert "Digitaal ondernemen: aan de slag met AI" not in titles("assen")


def test_summer_time_and_an_online_event(data_copy, tmp_path, capsys):
    body = event_body(titel="Webinar over data", begin="2-7-2027 9.30", einde="2-7-2027 11:00",
                      gemeente="Online", adres="", kosten="")
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 0, report
    text = added_text(data_copy)
    assert "    start: 2027-07-02T09:30:00+02:00\n    end: 2027-07-02T11:00:00+02:00\n" in text
    assert '    place: "online"\n    cost: onbekend\n' in text and "gemeente" not in text


def test_a_second_event_gets_a_blank_line_and_a_duplicate_is_refused(data_copy, tmp_path, capsys):
    assert apply(data_copy, event_body(), tmp_path, capsys)[0] == 0
    body = event_body(titel="Tweede avond", begin="21-01-2027 19:30", einde="21-01-2027 21:30")
    assert apply(data_copy, body, tmp_path, capsys)[0] == 0
    text = (data_copy / "events.yaml").read_text(encoding="utf-8")
    assert "    last_reviewed: 2026-12-05\n\n  - id: tweede-avond-2027-01-21\n" in text
    before = text
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 1 and "tweede-avond-2027-01-21" in report and "bestaat al" in report
    assert (data_copy / "events.yaml").read_text(encoding="utf-8") == before


def test_quotes_colons_and_accents_in_a_title_come_back_as_written(data_copy, tmp_path, capsys):
    from sitegen.data.dataset import load_dataset
    title = 'Workshop "AI" & data: 100% #1 — café, C:\\Users'
    body = event_body(titel=title, kosten="€ 25: inclusief eten", adres="Zaal \'t Haantje, Emmen")
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 0, report
    [event] = load_dataset(data_copy, TODAY).events
    assert (event.title, event.cost, event.place) == (title, "€ 25: inclusief eten", "Zaal 't Haantje, Emmen")
    assert event.id == "workshop-ai-data-100-1-cafe-c-users-2027-01-14"


def test_a_long_title_gives_an_id_cut_between_words():
    from datetime import datetime
    from sitegen.data.event_form import ID_TITLE_CHARS, event_id
    from sitegen.data.events import TIME_ZONE
    made = event_id("Netwerkbijeenkomst voor ondernemers over digitale veiligheid en kunstmatige intelligentie",
                    datetime(2027, 3, 4, 19, 0, tzinfo=TIME_ZONE))
    assert made == "netwerkbijeenkomst-voor-ondernemers-over-digitale-veiligheid-2027-03-04"
    assert len(made) <= ID_TITLE_CHARS + len("-2027-03-04")


def test_the_answer_shows_what_will_be_added(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, event_body(), tmp_path, capsys)
    assert code == 0, report
    assert f"nieuwe bijeenkomst `{NEW_ID}`" in report and "`data/events.yaml`" in report
    assert "| Veld | Nu | Wordt |" in report
    assert "| `title` | *(niet ingevuld)* | `Digitaal ondernemen: aan de slag met AI` |" in report
    assert "| `start` | *(niet ingevuld)* | `2027-01-14T19:30:00+01:00` |" in report
    assert "| `gemeente` | *(niet ingevuld)* | `emmen` |" in report


# --- the issue's "Bad input": each gives its Dutch message and leaves data/ as it was ---------------

BAD_INPUT = {
    "past": (dict(begin="01-12-2026 19:30", einde="01-12-2026 21:30"), "was al voorbij"),
    "no-time-zone": (dict(begin="2027-01-14T19:30:00", einde="2027-01-14T21:30:00"), "'Begin' heeft geen tijdzone"),
    "not-dutch-time": (dict(begin="2027-07-14T19:30:00+01:00", einde="14-07-2027 21:30"), "is geen Nederlandse tijd"),
    "end-before-start": (dict(einde="14-01-2027 18:00"), "ligt niet na het begin"),
    "signup-http": (dict(aanmelden="http://www.voorbeeld.nl/aanmelden"), "moet beginnen met https://"),
    "signup-javascript": (dict(aanmelden="javascript:alert(1)"), "moet beginnen met https://"),
    "source-not-https": (dict(bron="www.voorbeeld.nl/agenda"), "moet beginnen met https://"),
    "unknown-instrument": (dict(instrument="instrumenten/bestaat-niet"), "'bestaat-niet' bestaat niet in data/instruments.yaml"),
    "unknown-gemeente": (dict(gemeente="Atlantis"), "kies een van de keuzes"),
    "no-time": (dict(begin="14-01-2027"), "schrijf ook de tijd"),
    "no-such-date": (dict(begin="31-02-2027 19:30"), "bestaat niet"),
    "summer-time-gap": (dict(begin="28-03-2027 02:30", einde="28-03-2027 04:00"), "bestaat niet in Nederland"),
    "clock-goes-back": (dict(begin="31-10-2027 02:30", einde="31-10-2027 04:00"), "komt die nacht twee keer voor"),
    "not-a-date": (dict(begin="volgende week donderdag"), "schrijf dag-maand-jaar en dan de tijd"),
    "nothing-chosen": (dict(gemeente=""), "is niets gekozen"),
    "online-with-address": (dict(gemeente="Online"), "laat 'Adres' leeg"),
    "no-address": (dict(adres=""), "schrijf het adres"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(data_copy, tmp_path, capsys, name):
    answers, message = BAD_INPUT[name]
    code, report = apply(data_copy, event_body(**answers), tmp_path, capsys)
    assert code == 1, report
    assert "nog niet verwerkt" in report and message in report, report
    assert unchanged(data_copy)


# --- the same hardening as the change form ----------------------------------------------------------

def test_a_hidden_comment_cannot_change_what_is_applied(data_copy, tmp_path, capsys):
    """GitHub would show the title only; the comment hides another sign-up link."""
    hidden = "Digitaal ondernemen <!-- -->\n"
    code, report = apply(data_copy, event_body(titel=hidden, aanmelden="https://www.voorbeeld.nl/aanmelden <!--"),
                         tmp_path, capsys)
    assert code == 1 and "< en > mogen niet" in report
    assert unchanged(data_copy)


def test_a_real_form_hidden_in_a_comment_behind_a_decoy(data_copy, tmp_path, capsys):
    decoy = event_body()
    real = event_body(aanmelden="https://elders.example/aanmelden", titel="Iets anders")
    code, report = apply(data_copy, decoy + "\r\n<!--\r\n" + real + "\r\n-->\r\n", tmp_path, capsys)
    assert code == 1 and "twee keer" in report
    assert unchanged(data_copy)


@pytest.mark.parametrize("answers", [
    dict(titel="Digitaal\u200b ondernemen"),
    dict(titel="Digitaal \u202eondernemen"),
    dict(adres="Raadhuisplein 1\rgemeente: assen"),
    dict(kosten="gratis &#60;b&#62;"),
    dict(titel="Digitaal ondernemen\n### Aanmelden: webadres\n\nhttps://elders.example/"),
    dict(adres="Raadhuisplein 1, Emmen\nKerkstraat 2, Assen"),
    dict(titel="A" * 501),
    dict(titel="a" + " " * 60_000 + "b"),
])
def test_hiding_tricks_and_overlong_answers_are_refused(data_copy, tmp_path, capsys, answers):
    code, report = apply(data_copy, event_body(**answers), tmp_path, capsys)
    assert code == 1 and "nog niet verwerkt" in report, report
    assert unchanged(data_copy)


def test_text_above_the_first_question_is_refused(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, "aanmelden: https://elders.example/\r\n\r\n" + event_body(), tmp_path, capsys)
    assert code == 1 and "boven de eerste vraag" in report
    assert unchanged(data_copy)


def test_a_body_of_neither_form_names_both_forms(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, "### Iets anders\r\n\r\nHoi", tmp_path, capsys)
    assert code == 1 and "Gegevens wijzigen of toevoegen" in report and "Bijeenkomst toevoegen" in report


# --- the form and the data stay in step ---------------------------------------------------------------

def test_the_place_dropdown_is_online_and_every_gemeente_of_regions_yaml():
    form = yaml.safe_load(EVENT_FORM.read_text(encoding="utf-8"))
    options = next(i for i in form["body"] if i.get("id") == "gemeente")["attributes"]["options"]
    regions = yaml.safe_load((DATA / "regions.yaml").read_text(encoding="utf-8"))
    assert options == ["Online"] + [g["name"] for g in regions["gemeenten"]]


def test_the_form_asks_for_every_field_of_an_event_but_those_set_by_the_program():
    from sitegen.data.event_form import ASKED_FIELDS, SET_BY_PROGRAM
    from sitegen.data.events import Event
    from sitegen.data.issue_form import form_labels
    assert set(ASKED_FIELDS.values()) | set(SET_BY_PROGRAM) == set(Event.model_fields)
    assert set(ASKED_FIELDS) <= set(form_labels(EVENT_FORM))
