"""The seed documents that data entries cite, with the date a reader must see beside each fact.

A page shows "bron: beleidsstuk juni 2026" so nobody mistakes an old document for a fresh check.
Dates: seed 000 cover (L10 "Juni 2026"); seed 002 L239-245 ("Assen, 1 september 2020");
seed 001 speaks of actions "in 2021" (research/seed-001 notes); seed 003 is the 2022 pilot of
seed 004 (003 r.62); seed 004 is the national synthesis of the scan run end 2022 / begin 2023 (L1-3).

The lines are those of our text copies, which the public does not have; so a page also gives the
publisher's public page where a stored public page gives one (found with the search tool, corpus
pages), else "niet online gevonden", and each source's quote, which a reader can search for.
"""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.data.seed_quotes import line_label


@dataclass(frozen=True)
class SeedDocument:
    key: str
    title: str
    publisher: str
    date_label: str  # what a reader sees: "juni 2026"
    public_url: str | None = None  # the publisher's public page about the document, if one was found
    public_title: str | None = None


SEED_DOCUMENTS: dict[str, SeedDocument] = {
    "000": SeedDocument("000", "Drenthe Digitaal – Beleidsaanpak Versnelling Digitalisering Mkb Drenthe",
                        "Provincie Drenthe", "juni 2026"),
    "001": SeedDocument("001", "Drenthe Digitaal – digitaliseringsagenda", "Provincie Drenthe", "2021",
                        "https://www.provincie.drenthe.nl/onderwerpen/economie-ondernemen/economische-koers/digitaliserings/",
                        "Digitaliseringsagenda (provincie Drenthe)"),
    "002": SeedDocument("002", "Statenvoorstel Ik Ben Drents Ondernemer 2.0 en MKB Deal Drenthe",
                        "Provincie Drenthe", "september 2020"),
    "003": SeedDocument("003", "Regioscan Digitalisering Noord-Nederland", "Dialogic en PTvT", "2022"),
    "004": SeedDocument("004", "Regioscan Digitalisering MKB – landelijke synthese", "Dialogic", "2023",
                        "https://www.ptvt.nl/actueel/regioscan-digitalisering-mkb-uitgevoerd-in-heel-nederland",
                        "Regioscan Digitalisering MKB uitgevoerd in heel Nederland (Platform Talent voor Technologie)"),
}


def describe_source(source) -> str:
    """One line for a page: 'Beleidsaanpak … (juni 2026), regels 12-20' (or 'regel 12') or the page title."""
    if source.document:
        doc = SEED_DOCUMENTS[source.document]
        return f"{doc.title} ({doc.publisher}, {doc.date_label}), {line_label(source.lines)}"
    seen = f", gelezen op {source.accessed:%d-%m-%Y}" if source.accessed else ""
    return f"{source.title}{seen}"


NOT_ONLINE = "niet online gevonden"


def seed_document(source) -> SeedDocument | None:
    """The seed document a source cites, or None for a web page."""
    return SEED_DOCUMENTS[source.document] if source.document else None
