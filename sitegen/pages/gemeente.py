"""What a gemeente page shows first (issue 24): the scan preset to the gemeente, its contact
route, per ladder step how much is open now for its firms (each a link into the help finder), and
the next events in the agenda for its firms (issue 25: its own and the online ones)."""
from __future__ import annotations

from datetime import date

from sitegen.data.dataset import Dataset
from sitegen.data.dates import nl_date
from sitegen.data.events import AGENDA_FOLDER, feed_name, for_gemeente, upcoming
from sitegen.data.models import Instrument
from sitegen.data.urls import finder_url, instrument_url, mailto
from sitegen.pages.availability import usable_now


NEXT_EVENTS = 3  # the lead stays short; the agenda and the feed hold the rest


def gemeente_lead(dataset: Dataset, slug: str, instruments: list[Instrument], today: date) -> dict:
    """instruments: what this gemeente's firms may use (regions expanded), not closed."""
    g = dataset.gemeenten_by_slug[slug]
    intake = dataset.ladder.intake
    open_now = [i for i in instruments if usable_now(i, today)]
    return dict(
        name=g.name, slug=slug, contact=g.contact, built=nl_date(today), routes=_routes(g.contact),
        finder=finder_url(gemeente=[slug]),
        intake_url=instrument_url(intake.instrument),
        intake_name=dataset.instruments_by_id[intake.instrument].name,
        intake_partner=dataset.partners_by_id[intake.partner].name,
        open_now=[(s.name, sum(1 for i in open_now if s.slug in i.steps),
                   finder_url(gemeente=[slug], trede=[s.slug], nu=["ja"]))
                  for s in dataset.ladder.steps],
        events=[dict(title=e.title, when=e.start_text(),
                     where="online" if e.online else f"{e.place}",
                     instrument_url=instrument_url(e.instrument),
                     instrument=dataset.instruments_by_id[e.instrument].name)
                for e in for_gemeente(upcoming(dataset.events, today), slug)[:NEXT_EVENTS]],
        agenda_url=f"{AGENDA_FOLDER}/", feed_url=f"{AGENDA_FOLDER}/{feed_name(slug)}",
    )


def _routes(contact) -> list[tuple[str, str, str]]:
    """(verb, href, text) for each way in that the data gives: call, mail, the contact page."""
    if not contact or not contact.has_route:
        return []
    routes = []
    if contact.phone:
        routes.append(("bel", contact.tel_href, contact.phone))
    if contact.email:
        routes.append(("mail", mailto(contact.email), contact.email))
    if contact.page:
        routes.append(("kijk op", contact.page, "de contactpagina"))
    return routes
