"""The one JSON document the scan needs (site/scan/scan-data.json); shape in ARCHITECTURE.md.

The browser never parses YAML and never imports pydantic: scan_core reads only this.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sitegen.data.chain import Chain
from sitegen.data.dataset import Dataset, load_dataset
from sitegen.data.events import upcoming
from sitegen.data.urls import instrument_url, partner_url
from sitegen.data.vocabulary import ACTIVITY_WORDS

SCAN_DATA_VERSION = 1
# Without a chosen gemeente the scan recommends only what every firm in this region may use.
HOME_REGION = "drenthe"


def scan_data_from(dataset: Dataset, today: date) -> dict:
    ladder = dataset.ladder.model_dump(mode="json", exclude={"sources"})
    chain = Chain(dataset, today)
    return {
        "version": SCAN_DATA_VERSION,
        "built": today.isoformat(),
        "ladder": ladder,
        "gemeenten": [{"slug": g.slug, "name": g.name, **_contact(g.contact)} for g in dataset.regions.gemeenten],
        "activity_words": dict(ACTIVITY_WORDS),
        # Which answers count as the basisniveau digitale veiligheid (data/monitor/settings.yaml), or null.
        "basisniveau": _basisniveau(dataset),
        "home_gemeenten": dataset.gemeenten_in([HOME_REGION]),
        "instruments": [
            {
                "id": i.id,
                "name": i.name,
                "url": instrument_url(i.id),
                "partner": i.partner,
                "activity_type": i.activity_type,
                "steps": list(i.steps),
                "themes": list(i.themes),
                "gemeenten": dataset.gemeenten_in(i.regions),
                "local": dataset.is_local(i.regions),
                "status": i.status,
                "open_from": i.open_from.isoformat() if i.open_from else None,
                "open_until": i.open_until.isoformat() if i.open_until else None,
                "target_group": i.target_group,
                "next": [link.instrument.id for link in chain.after(i)],
            }
            for i in dataset.instruments
        ],
        "events": [
            {
                "id": e.id,
                "title": e.title,
                "instrument": e.instrument,
                "start": e.local_start().isoformat(),
                "end": e.local_end().isoformat(),
                "place": e.place,
                "online": e.online,
                "gemeente": e.gemeente,
                "signup": e.signup,
            }
            for e in upcoming(dataset.events, today)
        ],
        "partners": [
            {
                "id": p.id,
                "name": p.name,
                "url": partner_url(p.id),
                "gemeenten": dataset.gemeenten_in(p.regions),
                "local": dataset.is_local(p.regions),
                **_contact(p.contact),
            }
            for p in dataset.partners
        ],
    }


def _basisniveau(dataset: Dataset) -> dict | None:
    settings = dataset.monitor.settings
    if settings is None:
        return None
    return settings.basisniveau.model_dump(mode="json", exclude={"sources"})


def _contact(contact) -> dict:
    """{"contact": {email, phone, page, kind}} when the data has one (with a source), else nothing
    (also for `found: false`: searched for and not found)."""
    if contact is None or not contact.has_route:
        return {}
    return {"contact": {"email": contact.email, "phone": contact.phone, "page": contact.page, "kind": contact.kind}}


def build_scan_data(data_dir: Path, today: date) -> dict:
    """Convenience for tests and tools: validate data_dir and return the scan data."""
    return scan_data_from(load_dataset(data_dir, today), today)


def dumps(scan_data: dict) -> str:
    return json.dumps(scan_data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
