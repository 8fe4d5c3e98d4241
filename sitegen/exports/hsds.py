"""The ecosystem as Open Referral HSDS 3.0 objects: organizations, services, taxonomies, terms.

HSDS wants UUIDs; ours are slugs. Each UUID is derived from the slug (uuid5), so it stays the
same from build to build and a re-user can follow one entry over time. Our Dutch status maps onto
HSDS's four values: open -> active; onbekend -> active with an alert; in voorbereiding,
gesloten and a past closing date -> inactive (in voorbereiding with an alert).
"""
from __future__ import annotations

import uuid
from datetime import date

from sitegen.data.dataset import Dataset
from sitegen.data.models import Instrument, Partner
from sitegen.data.vocabulary import ACTIVITY_TYPES, KNELPUNTEN, PARTNER_KINDS

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:drenthe-digitaal")


def hsds_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


# taxonomy slug -> (name, description)
TAXONOMIES: dict[str, tuple[str, str]] = {
    "treden": ("Treden van de digitale volwassenheidsladder",
               "De zes treden van de ladder uit de Beleidsaanpak Versnelling Digitalisering Mkb Drenthe (2026), "
               "van oriënteren tot transformeren."),
    "themas": ("Thema's", "De onderwerpen van de zelfscan en andere thema's van het aanbod."),
    "activiteiten": ("Soorten activiteiten",
                     "De twaalf soorten activiteiten uit de Regioscan Digitalisering MKB (Dialogic, 2023)."),
    "knelpunten": ("Knelpunten", "De knelpunten van het mkb bij digitalisering uit de Regioscan Digitalisering MKB."),
    "soorten-organisaties": ("Soorten organisaties", "Het soort organisatie, zoals deze site dat indeelt."),
    "sectoren": ("Sectoren", "De sectoren waar aanbod voor bedoeld is; aanbod zonder sector is voor elke sector."),
}


def _terms(dataset: Dataset) -> dict[str, list[tuple[str, str, str]]]:
    """taxonomy slug -> [(code, name, description)]."""
    return {
        "treden": [(s.slug, s.name, f"Trede {n} van 6: {s.meaning}") for n, s in enumerate(dataset.ladder.steps, 1)],
        "themas": [(t.slug, t.name, f"Thema: {t.name}") for t in dataset.ladder.themes],
        "activiteiten": [(slug, label, f"Soort activiteit volgens de Regioscan: {label}")
                         for slug, label in ACTIVITY_TYPES.items()],
        "knelpunten": [(slug, label, f"Knelpunt volgens de Regioscan: {label}") for slug, label in KNELPUNTEN.items()],
        "soorten-organisaties": [(slug, label, f"Soort organisatie: {label}") for slug, label in PARTNER_KINDS.items()],
        "sectoren": [(s.slug, s.name, f"Sector: {s.name}") for s in dataset.sectors],
    }


def taxonomy_objects(dataset: Dataset) -> tuple[list[dict], list[dict]]:
    taxonomies, terms = [], []
    for slug, (name, description) in TAXONOMIES.items():
        tax_id = hsds_id("taxonomy", slug)
        taxonomies.append({"id": tax_id, "name": name, "description": description, "version": "1"})
        for code, term_name, term_description in _terms(dataset)[slug]:
            terms.append({"id": hsds_id("term", slug, code), "code": code, "name": term_name,
                          "description": term_description, "taxonomy": name, "taxonomy_id": tax_id,
                          "language": "nl"})
    return taxonomies, terms


def _attribute(link_id: str, entity: str, taxonomy: str, code: str) -> dict:
    return {"id": hsds_id("attribute", entity, link_id, taxonomy, code), "link_id": link_id,
            "link_type": taxonomy, "link_entity": entity, "taxonomy_term_id": hsds_id("term", taxonomy, code)}


def organization(partner: Partner) -> dict:
    org_id = hsds_id("partner", partner.id)
    out: dict = {"id": org_id, "name": partner.name, "description": partner.description}
    if partner.former_names:
        out["alternate_name"] = "; ".join(partner.former_names)
    if partner.website:
        out["website"] = partner.website
    if partner.kvk:
        out["organization_identifiers"] = [{
            "id": hsds_id("kvk", partner.id), "organization_id": org_id, "identifier_scheme": "NL-KVK",
            "identifier_type": "KvK-nummer", "identifier": partner.kvk}]
    out["attributes"] = [_attribute(org_id, "organization", "soorten-organisaties", partner.kind)]
    return out


def service_status(instrument: Instrument, today: date) -> tuple[str, str]:
    """(HSDS status, alert or '')."""
    if instrument.closed_on(today):
        return "inactive", ""
    if instrument.status == "in voorbereiding":
        return "inactive", "In voorbereiding: nog niet open."
    if instrument.status == "onbekend":
        return "active", "Of dit aanbod nu open is, is onbekend; vraag het na bij de aanbieder."
    return "active", ""


def service(dataset: Dataset, instrument: Instrument, today: date) -> dict:
    service_id = hsds_id("instrument", instrument.id)
    status, alert = service_status(instrument, today)
    out: dict = {"id": service_id, "organization_id": hsds_id("partner", instrument.partner),
                 "name": instrument.name, "description": instrument.description, "status": status,
                 "eligibility_description": instrument.target_group, "fees_description": instrument.cost,
                 "assured_date": instrument.last_reviewed.isoformat()}
    if alert:
        out["alert"] = alert
    if instrument.website:
        out["url"] = instrument.website
    out["service_areas"] = [{
        "id": hsds_id("area", instrument.id, slug), "service_id": service_id, "name": dataset.region_name(slug),
        "description": "Gemeenten: " + ", ".join(dataset.gemeenten_by_slug[g].name for g in dataset.gemeenten_in([slug])),
    } for slug in instrument.regions]
    attributes = [_attribute(service_id, "service", "treden", s) for s in instrument.steps]
    attributes += [_attribute(service_id, "service", "themas", t) for t in instrument.themes]
    attributes.append(_attribute(service_id, "service", "activiteiten", instrument.activity_type))
    attributes += [_attribute(service_id, "service", "knelpunten", k) for k in instrument.knelpunten]
    attributes += [_attribute(service_id, "service", "sectoren", k) for k in instrument.sectors]
    out["attributes"] = attributes
    return out


def hsds_export(dataset: Dataset, today: date) -> dict[str, list[dict]]:
    """File stem -> list of HSDS objects: organizations, services, taxonomies, taxonomy_terms."""
    taxonomies, terms = taxonomy_objects(dataset)
    return {
        "organizations": [organization(p) for p in dataset.partners],
        "services": [service(dataset, i, today) for i in dataset.instruments],
        "taxonomies": taxonomies,
        "taxonomy_terms": terms,
    }
