"""The help finder, /vind-hulp/ (issue 24): every offer on one page, filtered in the browser.

Without JavaScript the page lists every offer, grouped by activity type, with a jump list. The
script content/assets/finder.mjs (only on this page: overrides/vind-hulp.html) shows the filter
form, reads the compact index vind-hulp/aanbod.json and shows the matches as cards; the filters
live in the query string (FILTER_KEYS), so a filtered view is a link.

Order: as the scan ranks availability (sitegen.pages.availability.ranked), closed offers last.
With a gemeente chosen the script puts, within each availability group, the offers of gemeenten
only (local) before region-wide ones, as scan_core.recommend does; the index holds both keys.
"""
from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path

from sitegen.data.dataset import Dataset
from sitegen.data.dates import nl_date
from sitegen.data.models import Instrument
from sitegen.data.settings import SiteSettings
from sitegen.data.urls import FINDER_PATH, instrument_url
from sitegen.data.vocabulary import ACTIVITY_TYPES, ACTIVITY_WORDS, KNELPUNTEN, PARTNER_KINDS
from sitegen.pages.availability import availability_group, ranked, short_status, usable_now
from sitegen.pages.markdown import PageWriter, summary

PAGE = "vind-hulp.md"
INDEX = "aanbod.json"  # beside the page: site/vind-hulp/aanbod.json
INDEX_VERSION = 1
UNKNOWN_COST = "onbekend"
TEXT_LIMIT = 400  # characters of a description that free text searches

# The query parameters, in the order of the form. "nu" and "kosten" are single switches; "q" is text.
FILTER_KEYS = ["q", "nu", "kosten", "activiteit", "gemeente", "trede", "thema", "knelpunt", "sector", "soort"]


def fold(text: str) -> str:
    """Lower case without accents, so "coordineren" finds "coördineren" (the script folds the same way)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def mask(values, order: list[str]) -> int:
    return sum(1 << order.index(v) for v in values if v in order)


class FinderWriter:
    def __init__(self, dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings):
        self.d, self.docs, self.today = dataset, docs_dir, today
        self.pages = PageWriter(dataset, docs_dir, today, settings)
        self.facets = {
            "activiteit": list(ACTIVITY_TYPES.items()),
            "gemeente": [(g.slug, g.name) for g in dataset.regions.gemeenten],
            "trede": [(s.slug, s.name) for s in dataset.ladder.steps],
            "thema": [(t.slug, t.name) for t in dataset.ladder.themes],
            "knelpunt": list(KNELPUNTEN.items()),
            "sector": [(s.slug, s.name) for s in dataset.sectors],
            "soort": list(PARTNER_KINDS.items()),
        }
        # Bit masks hold at most 31 values in the script's integers.
        assert all(len(v) <= 31 for v in self.facets.values()), "te veel waarden voor één filter"
        self.offer = ranked(list(dataset.instruments), today)

    def _order(self, key: str) -> list[str]:
        return [slug for slug, _ in self.facets[key]]

    def record(self, i: Instrument) -> list:
        """One offer in the index: a list, not an object, to keep the file small (FIELDS says which is which)."""
        partner = self.d.partners_by_id[i.partner]
        cost = "" if i.cost.strip().lower() == UNKNOWN_COST else i.cost
        return [
            i.name, "../" + instrument_url(i.id), partner.name, ACTIVITY_WORDS[i.activity_type],
            short_status(i, self.today),
            nl_date(i.open_until) if i.open_until else "", cost,
            1 if usable_now(i, self.today) else 0,
            self._order("activiteit").index(i.activity_type),
            mask(self.d.gemeenten_in(i.regions), self._order("gemeente")),
            mask(i.steps, self._order("trede")), mask(i.themes, self._order("thema")),
            mask(i.knelpunten, self._order("knelpunt")),
            # No sector named: the offer is for every sector, so every sector bit is set.
            mask(i.sectors or self._order("sector"), self._order("sector")),
            self._order("soort").index(partner.kind),
            availability_group(i, self.today), 1 if self.d.is_local(i.regions) else 0,
            fold(" ".join([i.name, partner.name, summary(i.description, TEXT_LIMIT)])),
        ]

    def index(self) -> dict:
        return {
            "version": INDEX_VERSION,
            "built": self.today.isoformat(),
            "fields": ["name", "url", "partner", "word", "status", "closes", "cost", "now",
                       "activiteit", "gemeente", "trede", "thema", "knelpunt", "sector", "soort", "group", "local",
                       "text"],
            "facets": {key: self._order(key) for key in self.facets if self.facets[key]},
            "items": [self.record(i) for i in self.offer],
        }

    def groups(self) -> list[tuple[str, str, list[Instrument]]]:
        by_type = [(slug, label, [i for i in self.offer if i.activity_type == slug]) for slug, label in ACTIVITY_TYPES.items()]
        return [g for g in by_type if g[2]]

    def write(self) -> list[Path]:
        folder = self.docs / FINDER_PATH
        folder.mkdir(parents=True, exist_ok=True)
        (folder / INDEX).write_text(json.dumps(self.index(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        form = self.pages.html_env.get_template("finder_form.html.j2").render(
            facets={key: options for key, options in self.facets.items() if options}, labels=FACET_LABELS, hints=FACET_HINTS)
        listing = self.pages.html_env.get_template("finder_list.html.j2").render(
            groups=self.groups(), words=ACTIVITY_WORDS, partner=self.d.partners_by_id,
            status=lambda i: short_status(i, self.today),
            href_root="../", instrument_url=instrument_url, nl_date=nl_date)
        self.pages._write(PAGE, "finder.md.j2", form=self.pages.deferred.defer(PAGE, form),
                          listing=self.pages.deferred.defer(PAGE, listing), total=len(self.offer),
                          intake=self.d.ladder.intake.instrument,
                          intake_partner=self.d.partners_by_id[self.d.ladder.intake.partner].name)
        return self.pages.written + [folder / INDEX]


# Legends of the filter groups (GOV.UK's pattern: a fieldset per group, its legend says what it filters).
FACET_LABELS = {
    "activiteit": "Soort activiteit",
    "gemeente": "Gemeente",
    "trede": "Trede van de ladder",
    "thema": "Thema",
    "knelpunt": "Knelpunt",
    "sector": "Sector",
    "soort": "Soort organisatie",
}
# A hint under the legend, where a group's meaning is not plain from its values.
FACET_HINTS = {"sector": "Aanbod zonder sector is voor elke sector."}


def write_finder(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """PAGE_STEP: /vind-hulp/ and its index."""
    return FinderWriter(dataset, docs_dir, today, settings).write()

