"""The agenda page (/agenda/): coming events by month, with the iCalendar feeds to subscribe to.

The events come from data/events.yaml; the feeds are written by sitegen.exports.agenda_feeds.
With no coming event the page says so and tells a partner how to add one.
"""
from __future__ import annotations

from datetime import date
from itertools import groupby
from pathlib import Path

from sitegen.data.dataset import Dataset
from sitegen.data.events import AGENDA_FOLDER, feed_name, upcoming
from sitegen.data.settings import SiteSettings
from sitegen.pages.markdown import markdown_environment

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]


def write_agenda(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    coming = upcoming(dataset.events, today)
    months = [(f"{MONTHS[month - 1]} {year}", list(items))
              for (year, month), items in groupby(coming, key=lambda e: (e.local_start().year, e.local_start().month))]
    path = docs_dir / AGENDA_FOLDER / "index.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    env = markdown_environment()
    path.write_text(env.get_template("agenda.md.j2").render(
        months=months, d=dataset, today=today, all_feed=feed_name(None),
        gemeente_feeds=[(g, feed_name(g.slug)) for g in dataset.regions.gemeenten],
        form_url=settings.event_form_url(), href_root="../"), encoding="utf-8")
    return [path]
