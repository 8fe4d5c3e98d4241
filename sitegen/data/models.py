"""The schema of data/*.yaml as pydantic models.

These models are the single source of the schema: the JSON Schema files in schemas/ (editor
completion and hover help) are generated from them, and their Dutch descriptions are what an
editor sees. Cross-file checks (does this partner exist?) live in sitegen.data.dataset.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from sitegen.data.editor_text import invisible_problem, plain_problems, problems
from sitegen.data.urls import EMAIL_MAX, EMAIL_PATTERN, email_address, web_address
from sitegen.data.vocabulary import ACTIVITY_TYPES, KNELPUNTEN, LETTERS, PARTNER_KINDS, ROLES, STATUSES

SEED_DOCUMENTS = ("000", "001", "002", "003", "004")

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# [0-9], not \d: \d also matches Arabic-Indic and other digits (١٢٣), which int() then reads.
_LINES = re.compile(r"^[0-9]+(?:-[0-9]+)?$")
QUOTE_MAX = 200


def _plain_text(value: str) -> str:
    """A short text shows as plain text (sitegen.editor_text); HTML in it is refused all the same."""
    if not value.strip():
        raise ValueError("tekst is leeg; vul iets in of laat het veld weg")
    return value.strip()


def _short_text(value: str) -> str:
    for problem in plain_problems(value):
        raise ValueError(problem)
    return _plain_text(value)


def _markdown_text(value: str) -> str:
    """A description: the Markdown subset of sitegen.editor_text, every link on its allowlist."""
    value = _plain_text(value)
    found = problems(value)
    if found:
        raise ValueError("; en ".join(found))
    return value


def _slug(value: str) -> str:
    if problem := invisible_problem(value):
        raise ValueError(problem)
    if not _SLUG.match(value):
        raise ValueError(f"'{value}' is geen geldige id; gebruik kleine letters, cijfers en streepjes (bijv. it-hub-drenthe)")
    return value


def _line_range(value: str) -> str:
    value = str(value)
    if not _LINES.match(value):
        raise ValueError(f"'{value}' is geen regelnummer of bereik; schrijf bijv. \"12\" of \"12-20\"")
    if "-" in value:
        first, last = (int(p) for p in value.split("-"))
        if last < first:
            raise ValueError(f"regelbereik '{value}' loopt achteruit; schrijf het kleinste nummer eerst")
    return value


Text = Annotated[str, AfterValidator(_short_text)]
MarkdownText = Annotated[str, AfterValidator(_markdown_text)]
# One address rule (sitegen.data.urls): stored as the WHATWG parser writes it, so the pages and
# exports carry exactly what a browser opens.
HttpsUrl = Annotated[str, AfterValidator(web_address)]
Email = Annotated[str, AfterValidator(email_address),
                  Field(json_schema_extra={"pattern": EMAIL_PATTERN, "maxLength": EMAIL_MAX})]
Slug = Annotated[str, AfterValidator(_slug)]
ActivityType = Literal[tuple(ACTIVITY_TYPES)]  # type: ignore[valid-type]
Knelpunt = Literal[tuple(KNELPUNTEN)]  # type: ignore[valid-type]
PartnerKind = Literal[tuple(PARTNER_KINDS)]  # type: ignore[valid-type]
Role = Literal[tuple(ROLES)]  # type: ignore[valid-type]
Status = Literal[tuple(STATUSES)]  # type: ignore[valid-type]
Letter = Literal[LETTERS]  # type: ignore[valid-type]
Classification = Literal["bron", "redactie"]


def _no_invisible(value, field: str):
    """Every text field: no invisible character but a line break or a tab. A list's items are
    checked by their own type (Text, Slug), so the message points at the item's own line."""
    if isinstance(value, str) and (problem := invisible_problem(value, field)):
        raise ValueError(problem)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _visible(cls, value, info: ValidationInfo):
        # Before every other rule, so the message names the character, not a pattern it breaks.
        _no_invisible(value, info.field_name or "")
        return value


class Source(Strict):
    """Where a fact comes from: a seed document with line numbers, or a public https page."""

    document: Optional[Literal[SEED_DOCUMENTS]] = Field(  # type: ignore[valid-type]
        None, description="Brondocument: 000 (beleid 2026), 001 (agenda), 002 (IBDO 2.0), 003 of 004 (Regioscan)")
    lines: Optional[Annotated[str, AfterValidator(_line_range)]] = Field(
        None, description="Regel of regelbereik in het brondocument, bijv. \"12-20\"")
    url: Optional[HttpsUrl] = Field(None, description="Openbare webpagina (https) waar het feit staat")
    title: Optional[Text] = Field(None, description="Titel van die webpagina")
    accessed: Optional[date] = Field(None, description="Datum waarop de webpagina is gelezen (JJJJ-MM-DD)")
    quote: Optional[Annotated[Text, Field(max_length=QUOTE_MAX)]] = Field(
        None, description="Bij een brondocument: de letterlijke woorden (hooguit 200 tekens) uit die regels, "
                          "zodat iedereen ze in het openbare document kan terugvinden")

    @model_validator(mode="after")
    def _one_kind(self) -> "Source":
        if (self.document is None) == (self.url is None):
            raise ValueError("een bron heeft óf 'document' met 'lines', óf 'url' met 'title'")
        if self.document is not None and self.lines is None:
            raise ValueError("bij een brondocument hoort 'lines' (de regelnummers)")
        if self.document is not None and self.quote is None:
            raise ValueError("bij een brondocument hoort 'quote': de letterlijke woorden uit die regels (hooguit 200 tekens)")
        if self.url is not None and self.quote is not None:
            raise ValueError("'quote' hoort alleen bij een brondocument, niet bij een webadres")
        if self.url is not None and self.title is None:
            raise ValueError("bij een webadres hoort 'title' (de titel van de pagina)")
        return self


Sources = Annotated[list[Source], Field(min_length=1, description="Waar de gegevens vandaan komen (minstens één bron)")]


class Contact(Strict):
    """How an owner reaches a partner or a gemeente: only what a source gives, or the record that
    someone searched the stored public pages and found nothing (`found: false`, `searched: <date>`)."""

    email: Optional[Email] = Field(
        None, description="E-mailadres, alleen als de bron het noemt")
    phone: Optional[Annotated[str, Field(pattern=r"^\+?[0-9 ()-]{6,20}$")]] = Field(
        None, description="Telefoonnummer, alleen als de bron het noemt")
    page: Optional[HttpsUrl] = Field(None, description="Contactpagina (https), alleen als de bron die noemt")
    kind: Optional[Literal["algemeen"]] = Field(
        None, description="'algemeen': het algemene nummer of adres (van de gemeente), niet het ondernemersloket zelf")
    sources: Optional[Sources] = Field(None, description="Waar het contact staat (verplicht als er een contact is)")
    found: bool = Field(True, description="false: gezocht in openbare pagina's, niets gevonden")
    searched: Optional[date] = Field(None, description="Datum waarop gezocht is (verplicht bij found: false)")

    @model_validator(mode="after")
    def _something(self) -> "Contact":
        routes = self.email or self.phone or self.page
        if not self.found:
            if routes or self.sources or self.kind:
                raise ValueError("bij 'found: false' horen geen 'email', 'phone', 'page', 'kind' of 'sources'; "
                                 "haal 'found: false' weg als je wel een contact met bron hebt")
            if self.searched is None:
                raise ValueError("bij 'found: false' hoort 'searched': de datum waarop je zocht (JJJJ-MM-DD)")
            return self
        if self.searched is not None:
            raise ValueError("'searched' hoort alleen bij 'found: false'; zet bij een gevonden contact de datum "
                             "als 'accessed' bij de bron")
        if not routes:
            raise ValueError("een contact heeft minstens een 'email', 'phone' of 'page' "
                             "(of 'found: false' met 'searched' als je niets vond)")
        if not self.sources:
            raise ValueError("bij een contact hoort 'sources': de openbare pagina waar het staat")
        return self

    @property
    def has_route(self) -> bool:
        return self.found and bool(self.email or self.phone or self.page)

    @property
    def tel_href(self) -> str:
        """A tel: link takes digits and a leading + only (the pattern above allows spaces, brackets, dashes)."""
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""


class Partner(Strict):
    """An organisation in the ecosystem (HSDS: organization)."""

    id: Slug = Field(description="Vaste id: kleine letters en streepjes; verander hem niet")
    name: Text = Field(description="Naam van de organisatie")
    kind: PartnerKind = Field(description="Soort organisatie")
    description: MarkdownText = Field(description="Wat de organisatie doet voor het mkb, in eenvoudig Nederlands (Markdown mag)")
    regions: list[Slug] = Field(min_length=1, description="Gemeenten of regio's waar de organisatie werkt (zie data/regions.yaml)")
    website: Optional[HttpsUrl] = Field(None, description="Website, alleen als een bron die noemt")
    kvk: Optional[Annotated[str, Field(pattern=r"^[0-9]{8}$")]] = Field(None, description="KvK-nummer (8 cijfers)")
    contact: Optional[Contact] = Field(None, description="E-mail, telefoon of contactpagina, elk alleen uit een bron")
    former_names: list[Text] = Field(default_factory=list, description="Eerdere namen")
    classification: Classification = Field("bron", description="'redactie' als soort of regio's een inschatting van de redactie zijn")
    sources: Sources
    last_reviewed: date = Field(description="Datum waarop iemand dit heeft nagekeken tegen de bron (JJJJ-MM-DD)")


class PartnerRole(Strict):
    partner: Slug = Field(description="Id van de partner")
    role: Role = Field(description="Rol: initiatiefnemer, financier, uitvoerder of contactlegging (brengt ondernemers bij het aanbod)")


class NextStep(Strict):
    """What comes after an instrument on the ladder (seed 000 line 207: "Instrumenten werken als één
    keten langs de digitale volwassenheidsladder"): a source says so, or the editors think so."""

    instrument: Slug = Field(description="Id van het instrument dat hierna komt")
    classification: Classification = Field(
        "bron", description="'redactie' als de volgorde een inschatting van de redactie is; anders is een bron nodig")
    sources: list[Source] = Field(default_factory=list, description="Waar staat dat dit de volgende stap is")

    @model_validator(mode="after")
    def _sourced(self) -> "NextStep":
        if self.classification == "bron" and not self.sources:
            raise ValueError("bij een volgende stap hoort een bron ('sources'), of 'classification: redactie' "
                             "als het een inschatting van de redactie is")
        return self


class Instrument(Strict):
    """What a partner offers (the Regioscan's 'activiteit'; HSDS: service)."""

    id: Slug = Field(description="Vaste id: kleine letters en streepjes; verander hem niet")
    name: Text = Field(description="Naam van het instrument")
    partner: Slug = Field(description="Id van de partner die het aanbiedt")
    role: Role = Field("uitvoerder", description="Rol van die partner")
    other_partners: list[PartnerRole] = Field(default_factory=list, description="Andere betrokken partners en hun rol")
    activity_type: ActivityType = Field(description="Soort activiteit volgens de Regioscan")
    description: MarkdownText = Field(description="Wat het instrument is, in eenvoudig Nederlands (Markdown mag)")
    steps: list[str] = Field(min_length=1, description="Treden van de ladder waar het bij past")
    themes: list[str] = Field(default_factory=list, description="Thema's (zie themes in data/ladder.yaml)")
    knelpunten: list[Knelpunt] = Field(default_factory=list, description="Knelpunten volgens de Regioscan")
    sectors: list[Slug] = Field(default_factory=list, description="Sectoren (zie data/sectors.yaml), alleen als een bron ze noemt; "
                                                                   "leeg = voor elke sector")
    target_group: Text = Field(description="Voor wie het is, bijv. 'Mkb-bedrijven met minstens 2 fte, gevestigd in Drenthe'")
    regions: list[Slug] = Field(min_length=1, description="Waar een bedrijf gevestigd moet zijn om het te gebruiken")
    status: Status = Field(description="open, gesloten, in voorbereiding of onbekend")
    status_note: Optional[Text] = Field(
        None, description="Wat de bron over de status zegt, of waarom die onbekend is (de bron staat bij 'sources')")
    open_from: Optional[date] = Field(None, description="Open vanaf (alleen als de bron het zegt)")
    open_until: Optional[date] = Field(None, description="Open tot en met (alleen als de bron het zegt)")
    cost: Text = Field("onbekend", description="Wat het de ondernemer kost, of 'onbekend'")
    website: Optional[HttpsUrl] = Field(None, description="Website, alleen als een bron die noemt")
    classification: Classification = Field("bron", description="'redactie' als treden of thema's een inschatting van de redactie zijn")
    next: list[NextStep] = Field(default_factory=list, description="Wat hierna komt op de ladder (ids van instrumenten)")
    sources: Sources
    last_reviewed: date = Field(description="Datum waarop iemand dit heeft nagekeken tegen de bron (JJJJ-MM-DD)")

    def closed_on(self, today: date) -> bool:
        """Closed by status or by a closing date in the past: what every page and count leaves out."""
        return self.status == "gesloten" or bool(self.open_until and self.open_until < today)

    @model_validator(mode="after")
    def _dates_in_order(self) -> "Instrument":
        if self.open_from and self.open_until and self.open_until < self.open_from:
            raise ValueError(f"open_until ({self.open_until}) ligt vóór open_from ({self.open_from}); draai ze om of verbeter de datum")
        return self


class Gemeente(Strict):
    slug: Slug
    name: Text
    province: Text
    contact: Optional[Contact] = Field(None, description="Het ondernemersloket van de gemeente, alleen uit een bron")


class Region(Strict):
    slug: Slug
    name: Text
    gemeenten: list[Slug] = Field(min_length=1)


class RegionsFile(Strict):
    gemeenten: list[Gemeente] = Field(min_length=1)
    regions: list[Region] = Field(default_factory=list)
    sources: Sources


class Theme(Strict):
    slug: Slug
    name: Text


class Option(Strict):
    letter: Letter
    text: Text


class NextSteps(Strict):
    low: Text = Field(description="Volgende stap bij A–B")
    mid: Text = Field(description="Volgende stap bij C–D")
    high: Text = Field(description="Volgende stap bij E–F")


class Question(Strict):
    id: Slug
    number: int = Field(ge=1, le=7)
    title: Text
    options: list[Option]
    next_steps: NextSteps
    priority_advice: Optional[Text] = None

    @model_validator(mode="after")
    def _six_options(self) -> "Question":
        letters = [o.letter for o in self.options]
        if letters != list(LETTERS):
            raise ValueError(f"vraag '{self.id}' moet precies 6 opties hebben, A tot en met F op volgorde (nu: {', '.join(letters) or 'geen'})")
        return self


class SubsidyRef(Strict):
    text: Text
    instruments: list[Slug] = Field(default_factory=list)


class RouteRef(Strict):
    text: Text
    partners: list[Slug] = Field(default_factory=list)


class Step(Strict):
    slug: Slug
    name: Text
    letter: Letter
    meaning: Text
    action: Text
    subsidy: SubsidyRef
    route: RouteRef


class Intake(Strict):
    instrument: Slug
    partner: Slug


class Ladder(Strict):
    sources: Sources
    intro: Text
    duration: Text
    hint: Text
    between_note: Text
    caveat: Text
    subsidy_caveat: Text
    step_up: Text
    themes: list[Theme] = Field(min_length=1)
    steps: list[Step]
    questions: list[Question]
    intake: Intake

    @model_validator(mode="after")
    def _shape(self) -> "Ladder":
        if len(self.steps) != 6:
            raise ValueError(f"de ladder moet precies 6 treden hebben (nu {len(self.steps)})")
        if len(self.questions) != 7:
            raise ValueError(f"de scan moet precies 7 vragen hebben (nu {len(self.questions)})")
        return self
