"""Coming events that fit a firm: in its gemeente or online, for a trede near its phase.

The scan data holds only events that had not ended on the build date (sitegen.data.events.upcoming);
the visitor's own date is `today`, so an event that ended since the last build drops out here too.
"""
from __future__ import annotations

from datetime import date

MAX_EVENTS = 3


def fitting_events(data: dict, phase: int, gemeente: str | None, today: date) -> list[dict]:
    steps = [s["slug"] for s in data["ladder"]["steps"]]
    near = set(steps[max(0, phase - 1):phase + 2])  # the phase, one below and one above
    instruments = {i["id"]: i for i in data["instruments"]}
    out = []
    for event in data.get("events", []):
        if date.fromisoformat(event["end"][:10]) < today:
            continue
        if not (event["online"] or (gemeente and event["gemeente"] == gemeente)):
            continue
        instrument = instruments.get(event["instrument"])
        if instrument is None or not near & set(instrument["steps"]):
            continue
        out.append({key: event[key] for key in ("id", "title", "start", "end", "place", "online", "gemeente", "signup")}
                   | {"instrument": {"id": instrument["id"], "name": instrument["name"], "url": instrument["url"]}})
    out.sort(key=lambda e: (e["start"], e["title"].lower()))
    return out[:MAX_EVENTS]
