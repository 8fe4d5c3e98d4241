"""The monitor's data: data/monitor/settings.yaml and one aggregate per quarter, data/monitor/<YYYY>-Q<n>.yaml.

An aggregate holds counts only, made by `build.py monitor` from partners' private registrations and
reviewed by pull request. Anyone can open one, so what it publishes is checked here, not trusted:
every count is 0, at least the threshold, or "<threshold" (suppressed); a map never has exactly one
suppressed cell beside a published total (it would follow by subtraction); every map lists every
key. The contract is in ARCHITECTURE.md, "The monitor".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Optional, Union

from pydantic import AfterValidator, Field, StrictInt, ValidationError

from sitegen.data.models import Letter, Slug, Sources, Strict, Text
from sitegen.data.seed_quotes import SeedTexts, source_errors
from sitegen.data.validation_messages import errors_of
from sitegen.data.vocabulary import QUESTION_IDS, STEP_SLUGS
from sitegen.data.yaml_source import YamlDocument, read_yaml
from sitegen.errors import DataError

MONITOR_DIR = "monitor"
SETTINGS_FILE = "settings.yaml"
_QUARTER = re.compile(r"^(20[0-9]{2})-Q([1-4])$")
_SUPPRESSED = re.compile(r"^<([0-9]{1,3})$")

# The six kernindicatoren (seed 000 line 413), in the policy's order, under its three questions (line 411).
INDICATORS = ("bereik", "doorstroom", "instrumenten", "basisniveau", "talent", "binding")


def _count(value: Union[int, str]) -> Union[int, str]:
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"een aantal kan niet negatief zijn ({value})")
        return value
    if not _SUPPRESSED.match(value):
        raise ValueError(f"'{value}' is geen aantal; schrijf een heel getal of '<' met de drempel, bijv. \"<5\"")
    return value


Count = Annotated[Union[StrictInt, str], AfterValidator(_count)]
CountMap = dict[str, Count]


def _question(value: str) -> str:
    if value not in QUESTION_IDS:
        raise ValueError(f"onbekende vraag '{value}'; kies uit: {', '.join(QUESTION_IDS)}")
    return value


def _quarter(value: str) -> str:
    if not _QUARTER.match(value):
        raise ValueError(f"'{value}' is geen kwartaal; schrijf JJJJ-Qn, bijv. 2026-Q4")
    return value


def _indicator(value: str) -> str:
    if value not in INDICATORS:
        raise ValueError(f"onbekende indicator '{value}'; kies uit: {', '.join(INDICATORS)}")
    return value


class BasisniveauUsed(Strict):
    """The definition an aggregate was counted with (copied from the settings at the time)."""

    question: Annotated[str, AfterValidator(_question)] = Field(description="De scanvraag, bijv. security")
    letters: list[Letter] = Field(min_length=1, description="De antwoorden (A-F) die als basisniveau tellen")
    provisional: bool = Field(description="true zolang de provincie het basisniveau nog niet heeft vastgesteld")
    text: Text = Field(description="Wat telt, in eenvoudig Nederlands")


class Basisniveau(BasisniveauUsed):
    sources: Sources


class Target(Strict):
    """A target the policy names, shown beside the indicator's figure."""

    indicator: Annotated[str, AfterValidator(_indicator)]
    instrument: Optional[Slug] = Field(None, description="Id uit data/instruments.yaml waar het doel over gaat")
    text: Text = Field(description="Het doel in woorden, zoals het beleid het zegt")
    sources: Sources


class MonitorSettings(Strict):
    threshold: StrictInt = Field(ge=2, le=100, description="Een aantal onder dit getal wordt '<drempel'")
    basisniveau: Basisniveau
    targets: list[Target] = Field(default_factory=list)


class Bereik(Strict):
    total: Count
    by_gemeente: CountMap
    by_step: CountMap


class Doorstroom(Strict):
    total: Count
    of: Count
    by_gemeente: CountMap
    by_step: CountMap


class Instrumenten(Strict):
    total: Count
    by_instrument: CountMap


class BasisniveauCounts(Strict):
    total: Count
    of: Count
    by_gemeente: CountMap
    by_step: CountMap


class Talent(Strict):
    total: Count
    firms: Count
    by_gemeente: CountMap


class Binding(Strict):
    total: Count
    of: Count
    by_gemeente: CountMap


class Indicators(Strict):
    bereik: Bereik
    doorstroom: Doorstroom
    instrumenten: Instrumenten
    basisniveau: BasisniveauCounts
    talent: Talent
    binding: Binding


class Aggregate(Strict):
    quarter: Annotated[str, AfterValidator(_quarter)]
    made_on: date
    threshold: StrictInt = Field(ge=2, le=100)
    partners: list[Slug] = Field(min_length=1)
    basisniveau: BasisniveauUsed
    rules: list[Text] = Field(min_length=1)
    indicators: Indicators

    @property
    def year(self) -> int:
        return int(self.quarter[:4])


@dataclass
class MonitorData:
    """The settings (None when data/monitor/ does not exist) and the aggregates, oldest quarter first."""

    settings: Optional[MonitorSettings] = None
    quarters: list[Aggregate] = field(default_factory=list)

    def years(self) -> list[int]:
        return sorted({a.year for a in self.quarters})


@dataclass(frozen=True)
class KnownIds:
    """The ids an aggregate may use as keys, from the other data files."""

    gemeenten: tuple[str, ...]
    instruments: frozenset[str]
    partners: frozenset[str]


def is_suppressed(value: Union[int, str]) -> bool:
    return isinstance(value, str)


def _validate(model, doc: YamlDocument, errors: list[DataError]):
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for loc, message in errors_of(exc):
            errors.append(doc.error(loc, message))
        return None


def load_monitor(data_dir: Path, today: date, known: KnownIds, seeds: SeedTexts) -> tuple[MonitorData, list[DataError]]:
    """Read and check data/monitor/. No folder: no monitor yet (MonitorData() with no settings)."""
    folder = data_dir / MONITOR_DIR
    if not folder.is_dir():
        return MonitorData(), []
    errors: list[DataError] = []
    names = sorted(p.name for p in folder.iterdir())
    for name in names:
        if name != SETTINGS_FILE and not (name.endswith(".yaml") and _QUARTER.match(name[:-5])):
            errors.append(DataError(f"data/{MONITOR_DIR}/{name}", 1, 1,
                                    "dit bestand hoort niet in data/monitor/. Daar staan alleen settings.yaml en "
                                    "één bestand per kwartaal met de naam JJJJ-Qn.yaml (bijv. 2026-Q4.yaml)"))
    settings = None
    doc, errs = read_yaml(folder / SETTINGS_FILE, f"data/{MONITOR_DIR}/{SETTINGS_FILE}")
    errors += errs
    if doc is not None:
        settings = _validate(MonitorSettings, doc, errors)
        if settings is not None:
            errors += _settings_errors(doc, settings, known, today, seeds)
    quarters = []
    for name in names:
        if name == SETTINGS_FILE or not name.endswith(".yaml") or not _QUARTER.match(name[:-5]):
            continue
        doc, errs = read_yaml(folder / name, f"data/{MONITOR_DIR}/{name}")
        errors += errs
        if doc is None:
            continue
        aggregate = _validate(Aggregate, doc, errors)
        if aggregate is not None:
            found = aggregate_errors(doc, aggregate, name[:-5], known, today)
            errors += found
            if not found:
                quarters.append(aggregate)
    quarters.sort(key=lambda a: a.quarter)
    return MonitorData(settings, quarters), errors


def _settings_errors(doc, settings: MonitorSettings, known: KnownIds, today: date, seeds: SeedTexts) -> list[DataError]:
    errors = source_errors(doc, ("basisniveau",), settings.basisniveau.sources, "basisniveau", today, seeds)
    letters = settings.basisniveau.letters
    if len(set(letters)) != len(letters):
        errors.append(doc.error(("basisniveau", "letters"), "een letter staat er twee keer in; noem elke letter één keer"))
    for t_i, target in enumerate(settings.targets):
        if target.instrument and target.instrument not in known.instruments:
            errors.append(doc.error(("targets", t_i, "instrument"),
                                    f"onbekend instrument '{target.instrument}'; zie data/instruments.yaml"))
        errors += source_errors(doc, ("targets", t_i), target.sources, target.indicator, today, seeds)
    return errors


def aggregate_errors(doc: YamlDocument, agg: Aggregate, quarter_in_name: str, known: KnownIds,
                     today: date) -> list[DataError]:
    """What an aggregate would publish wrongly: keys, small counts, cells that follow from others."""
    errors: list[DataError] = []
    if agg.quarter != quarter_in_name:
        errors.append(doc.error(("quarter",), f"het kwartaal '{agg.quarter}' past niet bij de bestandsnaam "
                                              f"{quarter_in_name}.yaml; maak ze gelijk"))
    if agg.made_on > today:
        errors.append(doc.error(("made_on",), f"made_on ({agg.made_on}) ligt in de toekomst"))
    for p_i, pid in enumerate(agg.partners):
        if pid not in known.partners:
            errors.append(doc.error(("partners", p_i), f"onbekende partner '{pid}'; zie data/partners.yaml"))
    letters = agg.basisniveau.letters
    if len(set(letters)) != len(letters):
        errors.append(doc.error(("basisniveau", "letters"), "een letter staat er twee keer in; noem elke letter één keer"))

    t = agg.threshold
    label = f"<{t}"

    def check_count(path, value):
        if isinstance(value, str) and value != label:
            errors.append(doc.error(path, f"'{value}' past niet bij de drempel van dit bestand ({t}); schrijf \"{label}\""))
        elif isinstance(value, int) and 0 < value < t:
            errors.append(doc.error(path, f"{value} is kleiner dan de drempel ({t}) en mag niet gepubliceerd worden; "
                                          f"schrijf \"{label}\" en onderdruk nog een cel (zie CONTRIBUTING.md)"))

    for name in INDICATORS:
        block = getattr(agg.indicators, name)
        base = ("indicators", name)
        for key in ("total", "of", "firms"):
            if hasattr(block, key):
                check_count(base + (key,), getattr(block, key))
        of = getattr(block, "of", None)
        if isinstance(block.total, int) and isinstance(of, int):
            if block.total > of:
                errors.append(doc.error(base + ("total",), f"total ({block.total}) is groter dan of ({of}); dat kan niet"))
            elif 0 < of - block.total < t:
                errors.append(doc.error(base + ("of",), f"of min total is {of - block.total}: kleiner dan de drempel ({t}). "
                                                        f"Zo is een klein aantal toch te berekenen; onderdruk total of of"))
        for map_name, keys, what in (("by_gemeente", known.gemeenten, "gemeente"), ("by_step", STEP_SLUGS, "trede"),
                                     ("by_instrument", None, "instrument")):
            unknown = "onbekend" if what == "instrument" else "onbekende"  # het instrument, de gemeente
            cells = getattr(block, map_name, None)
            if cells is None or (keys is not None and not keys):  # no map, or regions.yaml unreadable
                continue
            path = base + (map_name,)
            allowed = set(keys) if keys is not None else known.instruments
            for key in cells:
                if key not in allowed:
                    errors.append(doc.error(path + (key,), f"{unknown} {what} '{key}'"))
            if keys is not None:
                missing = [k for k in keys if k not in cells]
                if missing:
                    errors.append(doc.error(path, f"elke {what} moet erin staan (0 als er niets is); ontbreekt: {', '.join(missing)}"))
            for key, value in cells.items():
                check_count(path + (key,), value)
            errors += _map_errors(doc, path, block.total, cells, t)
    return errors


def _map_errors(doc, path, total, cells: dict, t: int) -> list[DataError]:
    """A map and its total: no lone suppressed cell, and the published cells fit the total."""
    suppressed = [k for k, v in cells.items() if is_suppressed(v)]
    shown = sum(v for v in cells.values() if isinstance(v, int))
    if is_suppressed(total):
        big = [k for k, v in cells.items() if isinstance(v, int) and v > 0]
        if big:
            return [doc.error(path + (big[0],), "de total is onderdrukt, dus elke cel die niet 0 is moet ook onderdrukt zijn")]
        return []
    if len(suppressed) == 1:
        return [doc.error(path + (suppressed[0],), "dit is de enige onderdrukte cel: total min de andere cellen geeft het "
                                                   "aantal toch. Onderdruk ook de kleinste andere cel die niet 0 is")]
    if shown + len(suppressed) > total or (not suppressed and shown != total):
        return [doc.error(path, f"de cellen (samen {shown}{' plus onderdrukte' if suppressed else ''}) passen niet bij total ({total})")]
    return []
