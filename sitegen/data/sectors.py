"""data/sectors.yaml: the sectors an offer can be meant for (issue 25, seed 004 lines 1410-1412:
"hét mkb" does not exist). The policy's speerpunten (seed 000 line 405) and the sectors the seeds
name for offers, each with its source. An instrument names sectors only where a source does; an
instrument without sectors is for every sector.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field, ValidationError

from sitegen.data.models import Slug, Sources, Strict, Text
from sitegen.data.seed_quotes import SeedTexts, source_errors
from sitegen.data.validation_messages import errors_of
from sitegen.data.yaml_source import read_yaml
from sitegen.errors import DataError

SECTORS_FILE = "sectors.yaml"


class Sector(Strict):
    slug: Slug = Field(description="Vaste id van de sector: kleine letters en streepjes")
    name: Text = Field(description="Naam van de sector, zoals een ondernemer hem kent")
    sources: Sources


class SectorsFile(Strict):
    sectors: list[Sector] = Field(default_factory=list, description="De sectoren")


def load_sectors(data_dir: Path, seeds: SeedTexts, today: date) -> tuple[list[Sector], list[DataError]]:
    """Optional file; without it no instrument may name a sector."""
    path = data_dir / SECTORS_FILE
    if not path.exists():
        return [], []
    doc, errors = read_yaml(path, f"data/{SECTORS_FILE}")
    if doc is None:
        return [], errors
    try:
        parsed = SectorsFile.model_validate(doc.data)
    except ValidationError as exc:
        return [], errors + [doc.error(loc, message) for loc, message in errors_of(exc)]
    seen: set[str] = set()
    for k, sector in enumerate(parsed.sectors):
        if sector.slug in seen:
            errors.append(doc.error(("sectors", k, "slug"), f"de sector '{sector.slug}' staat er twee keer in", sector.slug))
        seen.add(sector.slug)
        errors += source_errors(doc, ("sectors", k), sector.sources, sector.slug, today, seeds)
    return parsed.sectors, errors
