"""Whether an offer can be used on the build date, in the scan's own words and order.

The site and the scan must agree on "open now" and on the order of offers, so the rules come
from scan_core.availability (pure Python, the scan's source of truth), fed the fields it reads.
"""
from __future__ import annotations

from datetime import date

from scan_core.availability import availability_rank, status_label
from sitegen.data.models import Instrument


def as_scan_item(i: Instrument) -> dict:
    """The fields scan_core.availability reads, as scan-data.json holds them."""
    return {"status": i.status, "open_from": i.open_from.isoformat() if i.open_from else None,
            "open_until": i.open_until.isoformat() if i.open_until else None}


def usable_now(i: Instrument, today: date) -> bool:
    """Status open, not opening later and not past open_until: what a firm can use today."""
    return not i.closed_on(today) and availability_rank(as_scan_item(i), today) == 0


def short_status(i: Instrument, today: date) -> str:
    """The status a card shows: the scan's label, and "Gesloten" for a closed offer."""
    return "Gesloten" if i.closed_on(today) else status_label(as_scan_item(i), today)


CLOSED_GROUP = 3  # after the scan's three availability ranks (the scan leaves closed offers out)


def availability_group(i: Instrument, today: date) -> int:
    """0 usable now, 1 in preparation or opening later, 2 status unknown (the scan's rank), 3 closed."""
    return CLOSED_GROUP if i.closed_on(today) else availability_rank(as_scan_item(i), today)


def ranked(instruments: list[Instrument], today: date) -> list[Instrument]:
    """Usable now, then in preparation or opening later, then status unknown, then closed; then by name."""
    return sorted(instruments, key=lambda i: (availability_group(i, today), i.name.lower()))
