"""Whether a firm may use an offer: where it is, the offer's status and its dates."""
from __future__ import annotations

from datetime import date

STATUS_LABELS = {"open": "Open", "gesloten": "Gesloten", "in voorbereiding": "In voorbereiding", "onbekend": "Status onbekend"}


def usable_where(item: dict, gemeente: str | None, home_gemeenten: list[str]) -> bool:
    """With a gemeente: its firms may use it. Without: every firm in the home region may."""
    covered = set(item.get("gemeenten", []))
    if gemeente:
        return gemeente in covered
    return set(home_gemeenten) <= covered


def effective_status(item: dict, today: date) -> str:
    """'gesloten' once open_until has passed, whatever the entry says."""
    until = item.get("open_until")
    if until and date.fromisoformat(until) < today:
        return "gesloten"
    return item.get("status", "onbekend")


def usable_now(item: dict, today: date) -> bool:
    """Open, and not opening later: what a firm can apply for today."""
    opens = item.get("open_from")
    return effective_status(item, today) == "open" and not (opens and date.fromisoformat(opens) > today)


def availability_rank(item: dict, today: date) -> int:
    """0 usable now, 1 in preparation (or open from a later date), 2 status unknown."""
    if usable_now(item, today):
        return 0
    return 1 if effective_status(item, today) in ("open", "in voorbereiding") else 2


def status_label(item: dict, today: date) -> str:
    status = effective_status(item, today)
    opens = item.get("open_from")
    if status != "gesloten" and opens and date.fromisoformat(opens) > today:
        return f"Opent op {date.fromisoformat(opens).strftime('%d-%m-%Y')}"
    return STATUS_LABELS.get(status, status)
