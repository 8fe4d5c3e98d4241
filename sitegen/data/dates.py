"""Dates as a reader sees them, and the freshness rule ("Mogelijk verouderd", `build.py stale`)."""
from __future__ import annotations

from datetime import date, timedelta

STALE_AFTER = timedelta(days=365)


def nl_date(value: date) -> str:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]
    return f"{value.day} {months[value.month - 1]} {value.year}"


def is_stale(reviewed: date, today: date) -> bool:
    return today - reviewed > STALE_AFTER
