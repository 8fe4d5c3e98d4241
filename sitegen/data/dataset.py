"""Load data/*.yaml, validate every entry, check the references between files.

All problems are collected and raised together (DataErrors), so an editor fixes them in one go.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Optional, TypeVar

from pydantic import BaseModel, ValidationError

from sitegen.errors import DataError, DataErrors
from sitegen.data.chain import chain_loops
from sitegen.data.events import EVENTS_FILE, Event, load_events
from sitegen.data.models import Instrument, Ladder, Partner, RegionsFile
from sitegen.data.monitor import KnownIds, MonitorData, load_monitor
from sitegen.data.seed_quotes import SeedTexts, source_errors
from sitegen.data.sectors import SECTORS_FILE, Sector, load_sectors
from sitegen.data.pathway import PATHWAY_FILE, Pathway, load_pathway
from sitegen.data.symlinks import symlink_errors
from sitegen.data.validation_messages import errors_of
from sitegen.data.vocabulary import LETTERS, QUESTION_IDS, STEP_SLUGS
from sitegen.data.yaml_source import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)

DATA_FILES = {
    "partners": "partners.yaml",
    "instruments": "instruments.yaml",
    "ladder": "ladder.yaml",
    "regions": "regions.yaml",
}


@dataclass
class Dataset:
    ladder: Ladder
    partners: list[Partner]
    instruments: list[Instrument]
    regions: RegionsFile
    # (kind, id) -> (file relative to the repo, line): for "Wijzig deze gegevens" links.
    lines: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)
    # What the check could not do (e.g. no seeds to compare quotes with): `build.py check` says it once.
    notices: list[str] = field(default_factory=list)
    # data/monitor/: the settings and the quarters' aggregates (sitegen.data.monitor).
    monitor: MonitorData = field(default_factory=MonitorData)
    # data/pathway.yaml: the policy's subsidy chain in its own words (optional file).
    pathway: Optional[Pathway] = None
    # data/events.yaml: the agenda, past events included (sitegen.data.events.upcoming filters).
    events: list[Event] = field(default_factory=list)
    # data/sectors.yaml: the sector vocabulary, each with its source.
    sectors: list[Sector] = field(default_factory=list)

    def __post_init__(self):
        self.partners_by_id = {p.id: p for p in self.partners}
        self.instruments_by_id = {i.id: i for i in self.instruments}
        self.gemeenten_by_slug = {g.slug: g for g in self.regions.gemeenten}
        self.regions_by_slug = {r.slug: r for r in self.regions.regions}
        self.steps_by_slug = {s.slug: s for s in self.ladder.steps}
        self.themes_by_slug = {t.slug: t for t in self.ladder.themes}
        self.sectors_by_slug = {s.slug: s for s in self.sectors}
        # Instruments per partner (main or other partner), built once: pages ask for every partner.
        self._offers: dict[str, list[Instrument]] = {p.id: [] for p in self.partners}
        for i in self.instruments:
            for pid in dict.fromkeys([i.partner] + [o.partner for o in i.other_partners]):
                self._offers.setdefault(pid, []).append(i)

    def gemeenten_in(self, region_slugs: list[str]) -> list[str]:
        """Gemeente slugs that a list of gemeente/region slugs covers, in regions.yaml order."""
        covered: set[str] = set()
        for slug in region_slugs:
            if slug in self.regions_by_slug:
                covered.update(self.regions_by_slug[slug].gemeenten)
            elif slug in self.gemeenten_by_slug:
                covered.add(slug)
        return [g.slug for g in self.regions.gemeenten if g.slug in covered]

    def is_local(self, region_slugs: list[str]) -> bool:
        """True when an entry names gemeenten only (a local offer), not a wider region."""
        return all(slug in self.gemeenten_by_slug for slug in region_slugs)

    def region_name(self, slug: str) -> str:
        if slug in self.regions_by_slug:
            return self.regions_by_slug[slug].name
        if slug in self.gemeenten_by_slug:
            return "Gemeente " + self.gemeenten_by_slug[slug].name
        return slug

    def instruments_of(self, partner_id: str) -> list[Instrument]:
        return self._offers.get(partner_id, [])


def _validate(model: type[M], raw: object, doc: YamlDocument, path: tuple, entry_id: str,
              errors: list[DataError]) -> M | None:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for loc, message in errors_of(exc):
            if not loc and message.startswith("open_until"):
                loc = ("open_until",)
            errors.append(doc.error(path + loc, message, entry_id))
        return None


def _entries(doc: YamlDocument | None, key: str, errors: list[DataError]) -> list[tuple[int, dict]]:
    if doc is None:
        return []
    if not isinstance(doc.data, dict) or key not in doc.data:
        errors.append(doc.error((), f"het bestand moet beginnen met '{key}:' gevolgd door een lijst"))
        return []
    extra = [k for k in doc.data if k != key]
    for k in extra:
        errors.append(doc.error((k,), f"onbekend veld '{k}' bovenin het bestand; alleen '{key}:' hoort hier"))
    items = doc.data[key]
    if not isinstance(items, list):
        errors.append(doc.error((key,), f"'{key}' moet een lijst zijn (regels die beginnen met '- ')"))
        return []
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(doc.error((key, i), "dit item moet een blok met velden zijn (id, name, …)"))
        else:
            out.append((i, item))
    return out


def _check_unique(docs_entries, doc, key, errors):
    seen: dict[str, int] = {}
    for i, raw in docs_entries:
        ident = raw.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            line = doc.position((key, seen[ident]))[0]
            errors.append(doc.error((key, i, "id"), f"de id '{ident}' bestaat al (regel {line}); kies een andere id", ident))
        else:
            seen[ident] = i


def _validated_list(model: type[M], doc: YamlDocument | None, key: str, errors: list[DataError]) -> list[tuple[int, M]]:
    """(position in the file, validated entry) for every entry that passes; problems go to errors."""
    raw_entries = _entries(doc, key, errors)
    _check_unique(raw_entries, doc, key, errors)
    out = []
    for i, raw in raw_entries:
        entry = _validate(model, raw, doc, (key, i), str(raw.get("id", "")), errors)
        if entry:
            out.append((i, entry))
    return out


def load_dataset(data_dir: Path, today: date, seeds_dir: Path | None = None) -> Dataset:
    """Read and check all data files. Raises DataErrors with every problem found."""
    errors: list[DataError] = symlink_errors(data_dir, "data")
    linked = {e.file for e in errors}
    docs: dict[str, YamlDocument | None] = {}
    for key, filename in DATA_FILES.items():
        if f"data/{filename}" in linked:  # never read through a link
            docs[key] = None
            continue
        doc, errs = read_yaml(data_dir / filename, f"data/{filename}")
        docs[key] = doc
        errors += errs

    ladder = None
    if docs["ladder"] is not None:
        ladder = _validate(Ladder, docs["ladder"].data, docs["ladder"], (), "ladder", errors)
    regions = None
    if docs["regions"] is not None:
        regions = _validate(RegionsFile, docs["regions"].data, docs["regions"], (), "", errors)

    partners = _validated_list(Partner, docs["partners"], "partners", errors)
    instruments = _validated_list(Instrument, docs["instruments"], "instruments", errors)

    seeds = SeedTexts(seeds_dir)
    sectors, sector_errors = ([], []) if f"data/{SECTORS_FILE}" in linked else load_sectors(data_dir, seeds, today)
    errors += sector_errors
    errors += _cross_check(docs, ladder, regions, partners, instruments, today, seeds)
    sector_slugs = {s.slug for s in sectors}
    for i, ins in instruments:
        for k, slug in enumerate(ins.sectors):
            if slug not in sector_slugs:
                errors.append(docs["instruments"].error(("instruments", i, "sectors", k), f"onbekende sector '{slug}'; kies uit: "
                                                        f"{', '.join(sorted(sector_slugs)) or 'geen (data/sectors.yaml ontbreekt)'}", ins.id))
    pathway, pathway_errors = (None, []) if f"data/{PATHWAY_FILE}" in linked else \
        load_pathway(data_dir, seeds, _referable_ids(docs["instruments"], instruments, "instruments"), list(STEP_SLUGS))
    errors += pathway_errors
    event_lines: dict = {}
    events, event_errors = ([], []) if f"data/{EVENTS_FILE}" in linked else load_events(
        data_dir, _referable_ids(docs["instruments"], instruments, "instruments"),
        {g.slug for g in regions.gemeenten} if regions else set(), today, seeds, event_lines)
    errors += event_errors
    monitor, monitor_errors = load_monitor(data_dir, today, _known_ids(docs, regions, partners, instruments), seeds)
    errors += monitor_errors
    if errors or ladder is None or regions is None:
        raise DataErrors(errors)
    notices = [] if seeds.available else [
        "Let op: regelnummers en citaten van de brondocumenten zijn niet gecontroleerd, "
        "want de brondocumenten (../shared/seeds) staan niet op deze computer."]

    lines = {}
    for kind, entries in (("partners", partners), ("instruments", instruments)):
        doc = docs[kind]
        for i, entry in entries:
            lines[(kind, entry.id)] = (doc.file, doc.position((kind, i))[0])
    lines.update(event_lines)
    return Dataset(ladder, [p for _, p in partners], [i for _, i in instruments], regions, lines, notices,
                   monitor=monitor, pathway=pathway, events=events, sectors=sectors)


def _known_ids(docs, regions, partners, instruments) -> KnownIds:
    """The ids the monitor's aggregates may name (see _referable_ids)."""
    return KnownIds(
        gemeenten=tuple(g.slug for g in regions.gemeenten) if regions else (),
        instruments=_referable_ids(docs["instruments"], instruments, "instruments"),
        partners=_referable_ids(docs["partners"], partners, "partners"))


def _cross_check(docs, ladder, regions, partners, instruments, today, seeds: SeedTexts) -> list[DataError]:
    errors: list[DataError] = []
    step_slugs = [s.slug for s in ladder.steps] if ladder else list(STEP_SLUGS)
    theme_slugs = {t.slug for t in ladder.themes} if ladder else set()
    gemeenten = {g.slug for g in regions.gemeenten} if regions else set()
    region_slugs = ({r.slug for r in regions.regions} | gemeenten) if regions else set()
    # A file that could not be read at all says nothing about which ids exist: skip the checks
    # against it, so its one YAML error is not buried under dozens of false "does not exist" errors.
    partner_ids = _referable_ids(docs["partners"], partners, "partners")
    instrument_ids = _referable_ids(docs["instruments"], instruments, "instruments")

    def check_sources(doc, path, sources, ident):
        errors.extend(source_errors(doc, path, sources, ident, today, seeds))

    def check_regions(doc, path, values, ident):
        if not regions:
            return
        for r_i, slug in enumerate(values):
            if slug not in region_slugs:
                errors.append(doc.error(path + ("regions", r_i), f"onbekende gemeente of regio '{slug}'; zie data/regions.yaml", ident))

    def check_reviewed(doc, path, entry, ident):
        if entry.last_reviewed > today:
            errors.append(doc.error(path + ("last_reviewed",), f"last_reviewed ({entry.last_reviewed}) ligt in de toekomst; vul de datum van de controle in", ident))

    if ladder:
        doc = docs["ladder"]
        got = [s.slug for s in ladder.steps]
        if got != list(STEP_SLUGS):
            errors.append(doc.error(("steps",), f"de treden moeten deze slugs hebben, op volgorde: {', '.join(STEP_SLUGS)} (nu: {', '.join(got)})"))
        for s_i, step in enumerate(ladder.steps):
            if s_i < len(LETTERS) and step.letter != LETTERS[s_i]:
                errors.append(doc.error(("steps", s_i, "letter"), f"trede {step.slug} hoort bij letter {LETTERS[s_i]}, niet {step.letter}"))
            for k, ins in enumerate(step.subsidy.instruments):
                if ins not in instrument_ids:
                    errors.append(doc.error(("steps", s_i, "subsidy", "instruments", k), f"onbekend instrument '{ins}'; zie data/instruments.yaml"))
            for k, pid in enumerate(step.route.partners):
                if pid not in partner_ids:
                    errors.append(doc.error(("steps", s_i, "route", "partners", k), f"onbekende partner '{pid}'; zie data/partners.yaml"))
        qids = [q.id for q in ladder.questions]
        if qids != list(QUESTION_IDS):
            errors.append(doc.error(("questions",), f"de vragen moeten deze ids hebben, op volgorde: {', '.join(QUESTION_IDS)} (nu: {', '.join(qids)})"))
        for q_i, q in enumerate(ladder.questions):
            if q.number != q_i + 1:
                errors.append(doc.error(("questions", q_i, "number"), f"vraag '{q.id}' moet nummer {q_i + 1} hebben"))
        missing_themes = [q for q in QUESTION_IDS if q not in theme_slugs]
        if missing_themes:
            errors.append(doc.error(("themes",), f"elk vraag-onderwerp moet ook een thema zijn; voeg toe: {', '.join(missing_themes)}"))
        if ladder.intake.instrument not in instrument_ids:
            errors.append(doc.error(("intake", "instrument"), f"onbekend instrument '{ladder.intake.instrument}'"))
        if ladder.intake.partner not in partner_ids:
            errors.append(doc.error(("intake", "partner"), f"onbekende partner '{ladder.intake.partner}'"))
        check_sources(doc, (), ladder.sources, "ladder")

    if regions:
        doc = docs["regions"]
        seen = set()
        for g_i, g in enumerate(regions.gemeenten):
            if g.slug in seen:
                errors.append(doc.error(("gemeenten", g_i, "slug"), f"gemeente '{g.slug}' staat er twee keer in"))
            seen.add(g.slug)
        for r_i, r in enumerate(regions.regions):
            if r.slug in seen:
                errors.append(doc.error(("regions", r_i, "slug"), f"de naam '{r.slug}' is al in gebruik"))
            seen.add(r.slug)
            for k, g in enumerate(r.gemeenten):
                if g not in gemeenten:
                    errors.append(doc.error(("regions", r_i, "gemeenten", k), f"onbekende gemeente '{g}' in regio '{r.slug}'"))

    for i, p in partners:
        doc, path = docs["partners"], ("partners", i)
        check_regions(doc, path, p.regions, p.id)
        check_reviewed(doc, path, p, p.id)
        check_sources(doc, path, p.sources, p.id)
        if p.contact and p.contact.sources:
            check_sources(doc, path + ("contact",), p.contact.sources, p.id)

    if regions:  # the same source check for regions.yaml and each gemeente's contact route
        doc = docs["regions"]
        check_sources(doc, (), regions.sources, "regions")
        for g_i, g in enumerate(regions.gemeenten):
            if g.contact and g.contact.sources:
                check_sources(doc, ("gemeenten", g_i, "contact"), g.contact.sources, g.slug)

    for i, ins in instruments:
        doc, path = docs["instruments"], ("instruments", i)
        if ins.partner not in partner_ids:
            errors.append(doc.error(path + ("partner",), f"partner '{ins.partner}' bestaat niet in data/partners.yaml; voeg die eerst toe of verbeter de id", ins.id))
        for k, o in enumerate(ins.other_partners):
            if o.partner not in partner_ids:
                errors.append(doc.error(path + ("other_partners", k, "partner"), f"partner '{o.partner}' bestaat niet in data/partners.yaml", ins.id))
        for k, s in enumerate(ins.steps):
            if s not in step_slugs:
                errors.append(doc.error(path + ("steps", k), f"onbekende trede '{s}'; kies uit: {', '.join(step_slugs)}", ins.id))
        if ladder:
            for k, t in enumerate(ins.themes):
                if t not in theme_slugs:
                    errors.append(doc.error(path + ("themes", k), f"onbekend thema '{t}'; kies uit: {', '.join(sorted(theme_slugs))}", ins.id))
        for k, step in enumerate(ins.next):
            if step.instrument not in instrument_ids:
                errors.append(doc.error(path + ("next", k, "instrument"), f"instrument '{step.instrument}' bestaat niet in "
                                        "data/instruments.yaml; verbeter de id of haal deze volgende stap weg", ins.id))
            check_sources(doc, path + ("next", k), step.sources, ins.id)
        check_regions(doc, path, ins.regions, ins.id)
        check_reviewed(doc, path, ins, ins.id)
        check_sources(doc, path, ins.sources, ins.id)
    for i, ins, k, loop in chain_loops([(i, ins) for i, ins in instruments]):
        errors.append(docs["instruments"].error(("instruments", i, "next", k, "instrument"),
                                                "deze volgende stap maakt een kring: " + " → ".join(loop) +
                                                ". Een keten loopt omhoog en komt nooit terug; haal één van deze stappen weg", ins.id))
    return errors


def _referable_ids(doc: YamlDocument | None, entries, key: str):
    """The ids a reference may name: valid entries and entries with errors of their own (their
    errors are reported already; "does not exist" would be a false second one)."""
    if doc is None:
        return _Anything()
    return {e.id for _, e in entries} | {raw.get("id") for _, raw in _raw(doc, key)}


class _Anything:
    """Stands in for the ids of an unreadable file: every id counts as known."""

    def __contains__(self, item) -> bool:
        return True


def _raw(doc: YamlDocument | None, key: str) -> list[tuple[int, dict]]:
    if doc is None or not isinstance(doc.data, dict) or not isinstance(doc.data.get(key), list):
        return []
    return [(i, x) for i, x in enumerate(doc.data[key]) if isinstance(x, dict)]
