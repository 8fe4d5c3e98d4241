"""data/pathway.yaml: the policy's subsidy chain, in its own words (seed 000, Bijlage 1).

The page "Van advies naar uitvoering" shows Adviesvoucher → Subsidie Digitale en AI-gereedheid →
EFRO/MIT, the new subsidy's four pillars and what falls outside it. Every text in the file is a
passage of the policy with its line numbers: `build.py check` compares it with the seed when the
seeds are there, as it does every quote. Nothing on that page is our own wording but the headings.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, Field, ValidationError

from sitegen.data.models import SEED_DOCUMENTS, Slug, Strict, Text, _line_range
from sitegen.data.seed_quotes import SeedTexts, line_label, line_range
from sitegen.data.validation_messages import errors_of
from sitegen.data.yaml_source import read_yaml
from sitegen.errors import DataError

PATHWAY_FILE = "pathway.yaml"


class Passage(Strict):
    """Words of the policy, as they stand on these lines."""

    lines: Annotated[str, AfterValidator(_line_range)] = Field(description="Regel of regelbereik in het beleid, bijv. \"453\"")
    text: Text = Field(description="De woorden van het beleid, letterlijk")


class PathwayLink(Strict):
    instruments: list[Slug] = Field(min_length=1, description="Ids van de instrumenten in deze schakel")
    steps: list[str] = Field(min_length=1, description="Treden van de ladder waar deze schakel bij hoort")
    passage: Passage


class Pillar(Strict):
    title: Passage
    aim: Passage
    points: list[Passage] = Field(min_length=1)


class Pathway(Strict):
    document: Literal[SEED_DOCUMENTS] = Field(description="Het brondocument van alle passages")  # type: ignore[valid-type]
    intro: Passage
    chain: list[PathwayLink] = Field(min_length=2)
    pillars_intro: Passage
    pillars: list[Pillar] = Field(min_length=1)
    outside: Passage


def passages(pathway: Pathway) -> list[tuple[tuple, Passage]]:
    """Every passage with its path in the file, for the quote check."""
    out = [(("intro",), pathway.intro), (("pillars_intro",), pathway.pillars_intro), (("outside",), pathway.outside)]
    out += [(("chain", k, "passage"), link.passage) for k, link in enumerate(pathway.chain)]
    for p_i, pillar in enumerate(pathway.pillars):
        out += [(("pillars", p_i, "title"), pillar.title), (("pillars", p_i, "aim"), pillar.aim)]
        out += [(("pillars", p_i, "points", k), point) for k, point in enumerate(pillar.points)]
    return out


def load_pathway(data_dir: Path, seeds: SeedTexts, instrument_ids, step_slugs) -> tuple[Optional[Pathway], list[DataError]]:
    """The file is optional (a fork may leave it out); when it is there, every passage is checked."""
    path = data_dir / PATHWAY_FILE
    if not path.exists():
        return None, []
    doc, errors = read_yaml(path, f"data/{PATHWAY_FILE}")
    if doc is None:
        return None, errors
    try:
        pathway = Pathway.model_validate(doc.data)
    except ValidationError as exc:
        return None, errors + [doc.error(loc, message, "pathway") for loc, message in errors_of(exc)]
    for k, link in enumerate(pathway.chain):
        for n, ident in enumerate(link.instruments):
            if ident not in instrument_ids:
                errors.append(doc.error(("chain", k, "instruments", n), f"onbekend instrument '{ident}'; zie data/instruments.yaml", "pathway"))
        for n, slug in enumerate(link.steps):
            if slug not in step_slugs:
                errors.append(doc.error(("chain", k, "steps", n), f"onbekende trede '{slug}'; kies uit: {', '.join(step_slugs)}", "pathway"))
    if seeds.has(pathway.document):
        for where, passage in passages(pathway):
            if line_range(passage.lines)[1] > seeds.length(pathway.document):
                errors.append(doc.error(where + ("lines",), f"brondocument {pathway.document} heeft maar "
                                        f"{seeds.length(pathway.document)} regels", "pathway"))
            elif not seeds.quote_found(pathway.document, passage.lines, passage.text):
                errors.append(doc.error(where + ("text",), f"deze tekst staat niet in brondocument {pathway.document}, "
                                        f"{line_label(passage.lines)}; neem de woorden precies over, of verbeter de regelnummers", "pathway"))
    return pathway, errors
