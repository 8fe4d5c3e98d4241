"""Generate the Markdown pages of the ecosystem (ladder, partners, instruments, overviews).

Entity pages are written into the docs tree but stay out of the navigation (DESIGN.md: a nav of
thousands of pages makes every page carry the whole nav); overview pages link them.
"""
from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import jinja2
from markdown.extensions.toc import slugify

from sitegen.data import editor_text, urls
from sitegen.data.chain import Chain
from sitegen.data.editor_text import markdown_inert
from sitegen.data.dataset import Dataset
from sitegen.data.documents import NOT_ONLINE, SEED_DOCUMENTS, describe_source, seed_document
from sitegen.data.dates import is_stale, nl_date
from sitegen.data.seed_quotes import line_label
from sitegen.data.settings import SiteSettings
from sitegen.engine.deferred import DEFERRED_DIR, DeferredHtml
from sitegen.engine.entity_pages import EntityPages
from sitegen.data.events import upcoming
from sitegen.pages.gemeente import gemeente_lead
from sitegen.pages.jsonld import instrument_jsonld, partner_jsonld, script_safe
from sitegen.data.models import Instrument
from sitegen.data.vocabulary import ACTIVITY_TYPES, KNELPUNTEN, PARTNER_KINDS, ROLES, STATUSES

TEMPLATES = Path(__file__).parent / "templates"
# Offers of this kind are meetings: their page invites the partner to put one in the agenda.
EVENT_ACTIVITY = "workshops-en-kennisevents"
MAX_BEFORE = 6  # "Hiervoor" names the first few; an offer many others lead to would list them all


def escape_text(value) -> str:
    """Editors' text goes into Markdown as plain text: never a tag, a link or an attribute list.
    Safe in a table cell too: | becomes an entity, so it cannot end the cell."""
    return markdown_inert(value)


def summary(value: str, limit: int = 155) -> str:
    text = re.sub(r"[*_`#\[\]()]", "", str(value)).replace("\n", " ").strip()
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def yaml_string(value) -> str:
    """A front-matter title or description: not Markdown, but Material prints it as HTML, the
    description inside `<meta content="…">` (so " is escaped too: html_audit found a description
    that broke out of that attribute). No control character: front matter YAML cannot hold one,
    and mkdocs would then render the block as Markdown."""
    text = "".join(c if c.isprintable() else " " for c in str(value))
    return html.escape(text, quote=False).replace('"', "&quot;").replace("\\", "\\\\").replace("\n", " ")


def href_root(rel: str) -> str:
    """From a page's URL to the site root (use_directory_urls: a/b.md is served at a/b/)."""
    parts = rel.split("/")
    depth = len(parts) - 1 + (0 if parts[-1] == "index.md" else 1)
    return "../" * depth


def heading_id(title: str, entry_id: str) -> str:
    """The heading's anchor from its name; a name without Latin letters (★★★, Cyrillic) gives an
    empty slug, and then the entry's own id (always a valid anchor) stands in."""
    return slugify(title, "-") or entry_id


def status_label(instrument: Instrument, today: date) -> str:
    if instrument.open_until and instrument.open_until < today:
        return "Gesloten (de sluitingsdatum is voorbij)"
    return STATUSES[instrument.status]


def markdown_environment() -> jinja2.Environment:
    """Markdown pages for mkdocs: no autoescape (Markdown), every data text goes through |t or |cell."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(t=escape_text, cell=escape_text, summary=summary, yamlstr=yaml_string,
                       nldate=nl_date, source=describe_source, lineslabel=line_label)
    return env


def _html_environment() -> jinja2.Environment:
    """HTML articles of entity pages (sitegen/engine/entity_pages.py): autoescaped."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(markdown=editor_text.render, nldate=nl_date, source=describe_source, seed=seed_document)
    env.globals.update(not_online=NOT_ONLINE, partner_url=urls.partner_url, instrument_url=urls.instrument_url, step_url=urls.step_url,
                       theme_url=urls.theme_url, activity_url=urls.activity_url)
    return env


class PageWriter:
    def __init__(self, dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings):
        self.d, self.docs, self.today, self.settings = dataset, docs_dir, today, settings
        self.env = markdown_environment()
        self.html_env = _html_environment()
        self.written: list[Path] = []
        self.deferred = DeferredHtml(docs_dir / DEFERRED_DIR)
        self.entities = EntityPages(docs_dir)
        self.chain = Chain(dataset, today)
        self.common = dict(
            activity_labels=ACTIVITY_TYPES,
            status_label=lambda i: status_label(i, today),
            partner_name=lambda pid: self.d.partners_by_id[pid].name,
            step_names=lambda i: ", ".join(self.d.steps_by_slug[s].name for s in i.steps),
        )

    def _write(self, rel: str, template: str, **context) -> None:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        context.setdefault("href_root", href_root(rel))
        context.setdefault("defer", lambda html: self.deferred.defer(rel, html))
        path.write_text(self.env.get_template(template).render(**self.common, **context), encoding="utf-8")
        self.written.append(path)

    def _entity(self, kind: str, slug: str, title: str, description: str, template: str, **context) -> None:
        """An entity page goes around mkdocs (sitegen/engine/entity_pages.py); it sits two levels deep."""
        body = self.html_env.get_template(template).render(**self.common, **context, href_root="../../",
                                                           h1_id=heading_id(title, slug))
        self.entities.add(kind, slug, title, summary(description), body)

    def _footer(self, kind: str, entry, jsonld: dict) -> dict:
        page_path = urls.partner_url(entry.id) if kind == "partners" else urls.instrument_url(entry.id)
        file, line = self.d.lines.get((kind, entry.id), ("", 0))
        return dict(sources=entry.sources, last_reviewed=entry.last_reviewed,
                    stale=is_stale(entry.last_reviewed, self.today),
                    edit_url=self.settings.edit_url(file, line) if file else "",
                    form_url=self.settings.form_url(page_path, name=entry.name),
                    jsonld=script_safe(jsonld))

    def regions_text(self, regions: list[str]) -> str:
        return ", ".join(self.d.region_name(r) for r in regions)

    def ladder_source_line(self) -> str:
        return "; ".join(describe_source(s) for s in self.d.ladder.sources)

    def write_all(self) -> list[Path]:
        self.write_partners()
        self.write_instruments()
        self.write_ladder()
        self.write_facets()
        self.write_pathway()
        return self.written

    def write_partners(self) -> None:
        groups = []
        for kind, label in PARTNER_KINDS.items():
            members = sorted((p for p in self.d.partners if p.kind == kind), key=lambda p: p.name.lower())
            if members:
                groups.append((kind, label, [(p, self.regions_text(p.regions), len(self.d.instruments_of(p.id))) for p in members]))
        self._write("partners/index.md", "partner_list.md.j2", groups=groups)
        self.written.append(self.entities.shell("partners", [("aanbod", "Aanbod"), ("bronnen", "Bronnen")]))
        for p in self.d.partners:
            offered = []
            for i in sorted(self.d.instruments_of(p.id), key=lambda i: i.name.lower()):
                role = i.role if i.partner == p.id else next(o.role for o in i.other_partners if o.partner == p.id)
                offered.append((i, ROLES[role]))
            self._entity("partners", p.id, p.name, p.description, "partner.html.j2", p=p,
                         kind_label=PARTNER_KINDS[p.kind], regions=self.regions_text(p.regions),
                         instruments=offered, **self._footer("partners", p, partner_jsonld(self.d, p)))

    def write_instruments(self) -> None:
        ordered = sorted(self.d.instruments, key=lambda i: i.name.lower())
        self._write("instrumenten/index.md", "instrument_list.md.j2", title="Instrumenten", up="../",
                    intro="Al het aanbod voor Drentse ondernemers: advies, subsidies, scans, opleidingen en meer.",
                    instruments=ordered)
        self.written.append(self.entities.shell("instrumenten", [("bronnen", "Bronnen")]))
        coming = upcoming(self.d.events, self.today)
        for i in self.d.instruments:
            others = [(o, self.d.partners_by_id[o.partner].name, ROLES[o.role]) for o in i.other_partners]
            self._entity("instrumenten", i.id, i.name, i.description, "instrument.html.j2", i=i,
                         partner=self.d.partners_by_id[i.partner],
                         role_label=ROLES[i.role].lower(), others=others, status=status_label(i, self.today),
                         regions=self.regions_text(i.regions), activity_label=ACTIVITY_TYPES[i.activity_type],
                         steps=[self.d.steps_by_slug[s] for s in i.steps],
                         themes=[self.d.themes_by_slug[t] for t in i.themes],
                         knelpunten=[KNELPUNTEN[k] for k in i.knelpunten],
                         sectors=[self.d.sectors_by_slug[k] for k in i.sectors],
                         after=self.chain.after(i), before=self.chain.before(i)[:MAX_BEFORE],
                         before_more=max(0, len(self.chain.before(i)) - MAX_BEFORE),
                         events=[e for e in coming if e.instrument == i.id],
                         event_form_url=self.settings.event_form_url(urls.instrument_url(i.id))
                         if i.activity_type == EVENT_ACTIVITY else "",
                         **self._footer("instruments", i, instrument_jsonld(self.d, i)))

    def write_ladder(self) -> None:
        ladder = self.d.ladder
        rows = [(s, sum(1 for i in self.d.instruments if s.slug in i.steps)) for s in ladder.steps]
        self._write("ladder/index.md", "ladder_index.md.j2", ladder=ladder, steps=rows,
                    source_line=self.ladder_source_line())
        for number, s in enumerate(ladder.steps, start=1):
            instruments = sorted((i for i in self.d.instruments if s.slug in i.steps), key=lambda i: i.name.lower())
            self._write(f"ladder/{s.slug}.md", "step.md.j2", s=s, number=number, ladder=ladder,
                        subsidy_links=[self.d.instruments_by_id[x] for x in s.subsidy.instruments],
                        route_links=[self.d.partners_by_id[x] for x in s.route.partners],
                        instruments=instruments, paths=self._paths(s.slug),
                        next_step=ladder.steps[number] if number < len(ladder.steps) else None,
                        redactie_count=sum(1 for i in instruments if i.classification == "redactie"),
                        source_line=self.ladder_source_line())

    def write_pathway(self) -> None:
        """The policy's subsidy chain (data/pathway.yaml), when the data has it."""
        p = self.d.pathway
        if p is None:
            return
        links = [SimpleNamespace(instruments=[self.d.instruments_by_id[x] for x in link.instruments],
                                 steps=[self.d.steps_by_slug[s] for s in link.steps], passage=link.passage)
                 for link in p.chain]
        self._write("van-advies-naar-uitvoering.md", "pathway.md.j2", p=p, links=links, last=links[-1].instruments,
                    document=SEED_DOCUMENTS[p.document])

    def _paths(self, step_slug: str) -> list[tuple]:
        """Per theme with offers on this trede: (theme, offers here, offers on the next trede)."""
        out = []
        for theme in self.d.ladder.themes:
            here, there = self.chain.path_from(step_slug, theme.slug)
            if here or there:
                out.append((theme, here, there))
        return out

    def write_facets(self) -> None:
        """Overview pages per theme, per activity type and per gemeente."""
        by_name = lambda items: sorted(items, key=lambda i: i.name.lower())  # noqa: E731
        themes = [(t.slug, t.name, [i for i in self.d.instruments if t.slug in i.themes]) for t in self.d.ladder.themes]
        activities = [(slug, label, [i for i in self.d.instruments if i.activity_type == slug])
                      for slug, label in ACTIVITY_TYPES.items()]
        sectors = [(s.slug, s.name, [i for i in self.d.instruments if s.slug in i.sectors]) for s in self.d.sectors]
        # Per gemeente only what a firm there can still use, as the ecosystem map counts it.
        gemeenten = [(g.slug, g.name, [i for i in self.d.instruments if g.slug in self.d.gemeenten_in(i.regions)
                                       and not i.closed_on(self.today)])
                     for g in self.d.regions.gemeenten]
        facets = [
            ("themas", "Thema's", "Thema", "Het aanbod per thema. De eerste zeven thema's zijn de onderwerpen van de scan.", themes, "Thema: "),
            ("activiteiten", "Soorten activiteiten", "Soort activiteit",
             "Het aanbod per soort activiteit, zoals de Regioscan Digitalisering MKB die indeelt.", activities, "Activiteit: "),
            ("sectoren", "Sectoren", "Sector",
             "Aanbod dat speciaal voor een sector is. Het meeste aanbod is voor elke sector: dat staat bij "
             "[alle instrumenten](../instrumenten/index.md).", sectors, "Sector: "),
            ("gemeenten", "Aanbod per gemeente", "Gemeente",
             "Welk aanbod een bedrijf in deze gemeente kan gebruiken: het lokale aanbod en het aanbod voor de hele regio. "
             "Gesloten aanbod telt niet mee.", gemeenten, "Gemeente "),
        ]
        for folder, title, column, intro, rows, prefix in facets:
            self._write(f"{folder}/index.md", "facet_index.md.j2", title=title, intro=intro, column=column,
                        rows=[(slug, label, len(items)) for slug, label, items in rows])
            for slug, label, items in rows:
                if folder == "gemeenten":
                    self.write_gemeente(slug, by_name(items))
                    continue
                self._write(f"{folder}/{slug}.md", "instrument_list.md.j2", title=prefix + label, up="../",
                            intro=f"[Terug naar {title.lower()}](index.md)", instruments=by_name(items))

    def write_gemeente(self, slug: str, instruments: list[Instrument]) -> None:
        """A gemeente page leads with the scan for it, who to talk to and what is open now by step."""
        rel = f"gemeenten/{slug}.md"
        lead = self.html_env.get_template("gemeente_lead.html.j2").render(
            href_root=href_root(rel), **gemeente_lead(self.d, slug, instruments, self.today))
        g = self.d.gemeenten_by_slug[slug]
        self._write(rel, "gemeente.md.j2", title="Gemeente " + g.name, name=g.name, instruments=instruments,
                    lead=self.deferred.defer(rel, lead))


def write_pages(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    return PageWriter(dataset, docs_dir, today, settings).write_all()
