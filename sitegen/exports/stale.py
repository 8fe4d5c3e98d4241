"""Entries whose last check against their source is more than 12 months ago.

The rule itself lives in sitegen.data.dates.is_stale (the same rule puts "Mogelijk verouderd" on a
page); this module only lists the entries, for `python build.py stale` and the monthly issue.
It also names coming events whose instrument is closed (issue 25): the event may be cancelled, or
the instrument's status may be out of date; either way an editor should look.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitegen.data import urls
from sitegen.data.dataset import Dataset
from sitegen.data.dates import is_stale, nl_date
from sitegen.data.events import upcoming
from sitegen.data.github_text import code_span
from sitegen.data.settings import SiteSettings

KINDS = {"partners": "partner", "instruments": "instrument"}
CLOSED = "gesloten"


@dataclass(frozen=True)
class StaleEntry:
    kind: str  # "partner" or "instrument"
    id: str
    name: str
    file: str
    line: int
    last_reviewed: date


def stale_entries(dataset: Dataset, today: date) -> list[StaleEntry]:
    """Every partner and instrument not checked in the last 12 months, oldest check first."""
    found = []
    for key, entries in (("partners", dataset.partners), ("instruments", dataset.instruments)):
        for entry in entries:
            if is_stale(entry.last_reviewed, today):
                file, line = dataset.lines.get((key, entry.id), (f"data/{key}.yaml", 1))
                found.append(StaleEntry(KINDS[key], entry.id, entry.name, file, line, entry.last_reviewed))
    return sorted(found, key=lambda e: (e.last_reviewed, e.file, e.line))


@dataclass(frozen=True)
class ClosedEvent:
    id: str
    title: str
    instrument: str
    file: str
    line: int


def events_of_closed_instruments(dataset: Dataset, today: date) -> list[ClosedEvent]:
    """Coming events (not yet ended on today) whose instrument has status 'gesloten'."""
    found = []
    for e in upcoming(dataset.events, today):
        if dataset.instruments_by_id[e.instrument].status == CLOSED:
            file, line = dataset.lines.get(("events", e.id), ("data/events.yaml", 1))
            found.append(ClosedEvent(e.id, e.title, e.instrument, file, line))
    return found


def closed_events_text(events: list[ClosedEvent]) -> str:
    if not events:
        return ""
    lines = [f"{len(events)} {'bijeenkomst hoort' if len(events) == 1 else 'bijeenkomsten horen'} bij een "
             "regeling die gesloten is:"]
    lines += [f"  {e.file}:{e.line}: bijeenkomst '{e.id}' ({e.title}), bij instrument '{e.instrument}'" for e in events]
    lines.append("Vraag de partner of de bijeenkomst doorgaat, en of de status van de regeling nog klopt.")
    return "\n".join(lines)


def _where(settings: SiteSettings, file: str, line: int) -> str:
    """file:line, linked to that line in the repository once the owner has set repository_url."""
    url = settings.edit_url(file, line)
    return f"[{file}:{line}]({url})" if url else f"{file}:{line}"


def closed_events_markdown(events: list[ClosedEvent], repository_url: str = "", branch: str = "main") -> str:
    """A second table for the monthly issue; titles come from the data, so they are code spans."""
    if not events:
        return ""
    out = ["", "Deze bijeenkomsten in de agenda horen bij een regeling die gesloten is. Vraag de partner of "
           "de bijeenkomst doorgaat, en of de status van de regeling nog klopt.", "",
           "| Id | Titel | Instrument | Plaats |", "|---|---|---|---|"]
    for e in events:
        where = _where(SiteSettings(repository_url=repository_url, branch=branch), e.file, e.line)
        out.append(f"| `{e.id}` | {code_span(e.title)} | `{e.instrument}` | {where} |")
    return "\n".join(out) + "\n"


def as_text(entries: list[StaleEntry], today: date) -> str:
    if not entries:
        return f"Alle partners en instrumenten zijn in de 12 maanden voor {nl_date(today)} nagekeken."
    lines = [f"{len(entries)} {'gegeven is' if len(entries) == 1 else 'gegevens zijn'} langer dan 12 maanden "
             f"niet nagekeken (peildatum {nl_date(today)}):"]
    for e in entries:
        lines.append(f"  {e.file}:{e.line}: {e.kind} '{e.id}' ({e.name}), laatst nagekeken op "
                     f"{e.last_reviewed.isoformat()}")
    lines.append("Kijk elk gegeven na tegen de bron en zet daarna de datum van vandaag bij last_reviewed.")
    return "\n".join(lines)


def as_markdown(entries: list[StaleEntry], today: date, repository_url: str = "", branch: str = "main") -> str:
    """The body of the monthly issue: a table with a link to each line when the repository is known.
    A name comes from the data (anyone can propose one): it is a code span, so no mention or link."""
    head = f"Peildatum: {nl_date(today)}. "
    if not entries:
        return head + "Alle partners en instrumenten zijn in de afgelopen 12 maanden nagekeken. Er is nu niets te doen.\n"
    out = [head + f"Deze {len(entries)} gegevens zijn langer dan 12 maanden niet nagekeken tegen hun bron. "
           "Op de site staat bij elk van deze gegevens nu \"Mogelijk verouderd\".", "",
           "Wat moet je doen? Open het bestand op de genoemde regel, kijk de gegevens na tegen de bron, "
           "verbeter wat niet meer klopt en zet bij `last_reviewed` de datum van vandaag. "
           "Stel de wijziging voor met een pull request (zie CONTRIBUTING.md).", "",
           "Of vraag de partner zelf: `python build.py review-requests` schrijft per partner een korte tekst "
           "met hun gegevens, wat we niet weten en per gegeven een ingevuld formulier. Het formulier staat ook "
           "hieronder bij elk gegeven" + ("." if repository_url else " zodra repository_url in mkdocs.yml is "
                                          "ingevuld (nu nog niet vastgesteld)."), "",
           "| Soort | Id | Naam | Plaats | Laatst nagekeken | Laten bevestigen |", "|---|---|---|---|---|---|"]
    form = SiteSettings(repository_url=repository_url, branch=branch)
    for e in entries:
        where = _where(form, e.file, e.line)
        page = urls.partner_url(e.id) if e.kind == "partner" else urls.instrument_url(e.id)
        confirm = form.form_url(page, name=e.name)
        confirm = f"[formulier]({confirm})" if confirm else "nog niet vastgesteld"
        out.append(f"| {e.kind} | `{e.id}` | {code_span(e.name)} | {where} | {e.last_reviewed.isoformat()} | {confirm} |")
    return "\n".join(out) + "\n"
