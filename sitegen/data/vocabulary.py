"""Fixed vocabularies: the Regioscan's classification (seed 004) and the ladder's order.

Labels are Dutch (people read them); slugs are the identifiers used in data/*.yaml.
"""
from __future__ import annotations

# Seed 004 L242-283 (definitions repeated L1019-1092): the 12 "archetypische activiteiten".
ACTIVITY_TYPES: dict[str, str] = {
    "signaleren": "Signaleren",
    "netwerken-en-coordineren": "Netwerken & coördineren",
    "gezamenlijke-faciliteiten": "Gezamenlijke faciliteiten",
    "werken-met-studenten": "Werken met studenten",
    "onderwijs-voor-studenten": "Onderwijs voor studenten",
    "onderwijs-voor-professionals": "Onderwijs voor professionals",
    "advisering": "Advisering/consultancy",
    "subsidies-en-financiering": "Subsidies & financiering",
    "workshops-en-kennisevents": "Workshops & kennisevents",
    "onderzoek-en-ontwikkeling": "Onderzoek & ontwikkeling",
    "scans-en-assessments": "Scans & assessments",
    "kennisplatform": "Kennisplatform",
}

# The same 12 types, each in one plain word for an offer's label in the scan result (B1; the
# long names above are the Regioscan's). Shipped in scan-data.json as "activity_words".
ACTIVITY_WORDS: dict[str, str] = {
    "signaleren": "Signalering",
    "netwerken-en-coordineren": "Netwerk",
    "gezamenlijke-faciliteiten": "Faciliteit",
    "werken-met-studenten": "Studentenproject",
    "onderwijs-voor-studenten": "Opleiding",
    "onderwijs-voor-professionals": "Cursus",
    "advisering": "Advies",
    "subsidies-en-financiering": "Financiering",
    "workshops-en-kennisevents": "Workshop",
    "onderzoek-en-ontwikkeling": "Onderzoek",
    "scans-en-assessments": "Scan",
    "kennisplatform": "Kennisplatform",
}
assert ACTIVITY_WORDS.keys() == ACTIVITY_TYPES.keys()

# Seed 004 L430-491 (figure 2): knelpunten 0-10, grouped weten / willen / kunnen.
KNELPUNTEN: dict[str, str] = {
    "probleemsignalering": "Probleemsignalering en vraagarticulatie",
    "kansen-niet-bedacht": "Niet weten: niet zelf bedacht wat de kansen zijn",
    "niet-in-aanraking": "Niet weten: niet (succesvol) mee in aanraking gekomen",
    "te-weinig-meerwaarde": "Niet willen: te weinig (gepercipieerde) meerwaarde",
    "te-veel-belemmeringen": "Niet willen: te veel (gepercipieerde) belemmeringen",
    "technologie": "Niet kunnen: technologische belemmeringen",
    "interne-kennis": "Niet kunnen: gebrek aan interne kennis en kunde",
    "externe-kennis": "Niet kunnen: gebrek aan toegang tot externe kennis en kunde",
    "financiering": "Niet kunnen: ontoereikende financieringsmogelijkheden",
    "regelgeving": "Niet kunnen: belemmerende wet- en regelgeving",
    "coordinatie": "Niet kunnen: gebrek aan coördinatie in het ecosysteem",
}

PARTNER_KINDS: dict[str, str] = {
    "eerstelijnsorganisatie": "Eerstelijnsorganisatie",
    "hub": "Hub",
    "kennisinstelling": "Kennisinstelling",
    "overheid": "Overheid",
    "brancheorganisatie": "Brancheorganisatie",
    "ondernemersvereniging": "Ondernemersvereniging",
    "financier": "Financier",
    "netwerk": "Netwerk",
    "programma": "Programma",
}

# Seed 004 L402-422; the fourth role is the Regioscan Noord's (seed 003 L336-341): a partner that
# brings firms to an offer it does not carry out itself (IBDO for ASTRON, local associations).
ROLES: dict[str, str] = {
    "initiatiefnemer": "Initiatiefnemer",
    "financier": "Financier",
    "uitvoerder": "Uitvoerder",
    "contactlegging": "Contact met ondernemers",
}

STATUSES: dict[str, str] = {
    "open": "Open",
    "gesloten": "Gesloten",
    "in voorbereiding": "In voorbereiding",
    "onbekend": "Onbekend",
}

CLASSIFICATIONS: dict[str, str] = {
    "bron": "volgens de bron",
    "redactie": "inschatting van de redactie",
}

# The ladder's order is fixed by seed 000 Bijlage 2 (answer letters A-F).
STEP_SLUGS: tuple[str, ...] = ("orienteren", "starten", "funderen", "optimaliseren", "innoveren", "transformeren")
QUESTION_IDS: tuple[str, ...] = ("tools", "data", "processes", "skills", "security", "ai", "strategy")
LETTERS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
