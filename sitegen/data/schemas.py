"""JSON Schema files for editors (completion and Dutch hover help), generated from the models."""
from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from sitegen.paths import ROOT
from sitegen.data.models import Instrument, Ladder, Partner, RegionsFile
from sitegen.data.events import EventsFile
from sitegen.data.pathway import Pathway
from sitegen.data.sectors import SectorsFile

SCHEMA_DIR = ROOT / "schemas"


class PartnersDocument(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Partners (data/partners.yaml)")
    partners: list[Partner] = Field(description="De organisaties in het ecosysteem")


class InstrumentsDocument(BaseModel):
    model_config = ConfigDict(extra="forbid", title="Instrumenten (data/instruments.yaml)")
    instruments: list[Instrument] = Field(description="Het aanbod: advies, subsidies, scans, opleidingen en meer")


SCHEMAS: dict[str, type[BaseModel]] = {
    "partners.schema.json": PartnersDocument,
    "instruments.schema.json": InstrumentsDocument,
    "ladder.schema.json": Ladder,
    "regions.schema.json": RegionsFile,
    "pathway.schema.json": Pathway,
    "events.schema.json": EventsFile,
    "sectors.schema.json": SectorsFile,
}


def render(model: type[BaseModel]) -> str:
    return json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, model in SCHEMAS.items():
        path = directory / name
        path.write_text(render(model), encoding="utf-8")
        out.append(path)
    return out


def check_schemas(directory: Path = SCHEMA_DIR) -> list[str]:
    """Names of schema files that differ from what the models generate."""
    return [name for name, model in SCHEMAS.items()
            if not (directory / name).exists() or (directory / name).read_text(encoding="utf-8") != render(model)]
