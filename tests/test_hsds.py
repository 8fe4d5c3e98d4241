"""The HSDS 3.0 export: our own check (sitegen.exports.hsds_check) always runs; where
../shared/vendor/hsds-3.0/ is there (as in CI), the export is validated against Open Referral's
own JSON Schemas as well.

The schemas are read from that folder (never copied into the project); their relative $refs
("attribute.json") are served from a referencing registry.
"""
from __future__ import annotations

import copy
import json
import uuid

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from repo_paths import ROOT, TODAY
from sitegen.exports.hsds import hsds_export, hsds_id
from sitegen.exports.hsds_check import hsds_problems

HSDS = ROOT.parent / "shared" / "vendor" / "hsds-3.0"
official = pytest.mark.skipif(not HSDS.is_dir(), reason=f"{HSDS} is not here: the official HSDS 3.0 schemas "
                              "(optional); our own check (sitegen.exports.hsds_check) ran instead")
SCHEMA_OF = {"organizations": "organization.json", "services": "service.json",
             "taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json"}


def schema(name: str) -> dict:
    return json.loads((HSDS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    if not HSDS.is_dir():
        pytest.skip(f"{HSDS} is not here: the official HSDS 3.0 schemas (optional)")
    files = [f for f in HSDS.glob("*.json") if f.name != "openapi.json"]
    assert len(files) >= 20, f"HSDS-schema's niet gevonden in {HSDS}"
    return Registry().with_resources(
        (f.name, Resource.from_contents(json.loads(f.read_text(encoding="utf-8")), default_specification=DRAFT202012))
        for f in files)


@pytest.fixture(scope="module")
def export(dataset) -> dict[str, list[dict]]:
    return hsds_export(dataset, TODAY)


def validator(name: str, registry: Registry) -> Draft202012Validator:
    return Draft202012Validator(schema(name), registry=registry, format_checker=FormatChecker())


@official
@pytest.mark.parametrize("stem", SCHEMA_OF)
def test_every_object_is_valid_hsds(stem, export, registry):
    v = validator(SCHEMA_OF[stem], registry)
    assert export[stem], stem
    problems = [f"{obj.get('name')}: {e.message} at {list(e.absolute_path)}"
                for obj in export[stem] for e in v.iter_errors(obj)]
    assert not problems, problems[:5]


@official
def test_services_also_pass_the_compiled_schema(export):
    v = Draft202012Validator(schema("compiled/service_with_definitions.json"), format_checker=FormatChecker())
    problems = [e.message for s in export["services"] for e in v.iter_errors(s)]
    assert not problems, problems[:5]


@official
def test_fields_that_the_tabular_form_requires_are_there(export):
    """HSDS's 'tabular_required' (e.g. a service's organization_id) matters for CSV users."""
    def check(obj: dict, name: str):
        for key in schema(name).get("tabular_required") or []:
            assert obj.get(key), f"{name}: {key} ontbreekt in {obj.get('id')}"
    for stem, name in SCHEMA_OF.items():
        for obj in export[stem]:
            check(obj, name)
            for attr in obj.get("attributes", []):
                check(attr, "attribute.json")
            for ident in obj.get("organization_identifiers", []):
                check(ident, "organization_identifier.json")


@official
def test_a_broken_object_is_caught_by_the_schemas(export, registry):
    """The validation can fail: a status HSDS does not know is rejected."""
    broken = dict(export["services"][0], status="open")
    assert list(validator("service.json", registry).iter_errors(broken))
    nested = dict(export["services"][0], attributes=[{"id": hsds_id("x"), "link_id": 5}])
    assert list(validator("service.json", registry).iter_errors(nested))  # through the $ref to attribute.json
    assert list(validator("service.json", registry).iter_errors(dict(export["services"][0], id="ibdo-intake")))


def uuid_ok(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def test_ids_are_uuids_unique_and_stable(export, dataset):
    ids = [o["id"] for objs in export.values() for o in objs]
    ids += [a["id"] for objs in export.values() for o in objs for a in o.get("attributes", [])]
    assert all(uuid_ok(i) for i in ids)
    assert len(ids) == len(set(ids))
    ibdo = next(o for o in export["organizations"] if o["name"] == dataset.partners_by_id["ibdo"].name)
    assert ibdo["id"] == hsds_id("partner", "ibdo")  # the same id in every build


def test_references_resolve(export):
    orgs = {o["id"] for o in export["organizations"]}
    terms = {t["id"] for t in export["taxonomy_terms"]}
    taxonomies = {t["id"] for t in export["taxonomies"]}
    for s in export["services"]:
        assert s["organization_id"] in orgs, s["name"]
        for a in s["attributes"]:
            assert a["taxonomy_term_id"] in terms and a["link_id"] == s["id"] and a["link_entity"] == "service"
        for area in s["service_areas"]:
            assert area["service_id"] == s["id"]
    assert all(t["taxonomy_id"] in taxonomies for t in export["taxonomy_terms"])


def test_steps_themes_and_activity_types_are_taxonomy_terms(export, dataset):
    codes = {(t["taxonomy"], t["code"]) for t in export["taxonomy_terms"]}
    tax = {t["name"]: t for t in export["taxonomies"]}
    steps = next(n for n in tax if "ladder" in n)
    assert {(steps, s.slug) for s in dataset.ladder.steps} <= codes
    assert {("Thema's", t.slug) for t in dataset.ladder.themes} <= codes
    assert ("Soorten activiteiten", "advisering") in codes


def test_an_instrument_keeps_its_steps_themes_and_partner(export, dataset):
    ins = dataset.instruments_by_id["adviesvoucher-mkb-drenthe"]
    svc = next(s for s in export["services"] if s["id"] == hsds_id("instrument", ins.id))
    terms = {t["id"]: t for t in export["taxonomy_terms"]}
    codes = {terms[a["taxonomy_term_id"]]["code"] for a in svc["attributes"]}
    assert set(ins.steps) | set(ins.themes) | {ins.activity_type} <= codes
    assert svc["organization_id"] == hsds_id("partner", ins.partner)
    assert svc["eligibility_description"] == ins.target_group
    assert svc["assured_date"] == ins.last_reviewed.isoformat()


def test_status_maps_honestly(dataset):
    from sitegen.exports.hsds import service_status
    from datetime import timedelta
    ins = dataset.instruments[0]
    assert service_status(ins.model_copy(update={"status": "open", "open_until": None}), TODAY) == ("active", "")
    closed_by_date = ins.model_copy(update={"status": "open", "open_until": TODAY - timedelta(days=1)})
    assert service_status(closed_by_date, TODAY)[0] == "inactive"
    status, alert = service_status(ins.model_copy(update={"status": "onbekend", "open_until": None}), TODAY)
    assert status == "active" and "onbekend" in alert
    assert service_status(ins.model_copy(update={"status": "in voorbereiding", "open_until": None}), TODAY)[0] == "inactive"


def test_no_website_is_made_up(export, dataset):
    by_id = {hsds_id("instrument", i.id): i for i in dataset.instruments}
    for s in export["services"]:
        assert s.get("url") == by_id[s["id"]].website
        if "url" in s:
            assert s["url"].startswith("https://")


# Our own check, from the HSDS 3.0 specification: runs on every clone.

def test_our_check_finds_nothing_in_the_real_export(export):
    assert hsds_problems(export) == []


def _first(export, stem, **changes):
    obj = export[stem][0]
    obj.update(changes)
    return obj


BREAKAGES = {
    "a service without a name": lambda e: _first(e, "services").pop("name"),
    "a status HSDS does not know": lambda e: _first(e, "services", status="open"),
    "a slug where a uuid belongs": lambda e: _first(e, "services", id="ibdo-intake"),
    "a service whose organization is not in the export": lambda e: _first(e, "services", organization_id=hsds_id("x")),
    "a service without organization_id (tabular_required)": lambda e: _first(e, "services").pop("organization_id"),
    "an attribute pointing at no term": lambda e: _first(e, "services")["attributes"][0].update(taxonomy_term_id=hsds_id("y")),
    "an attribute of another object": lambda e: _first(e, "services")["attributes"][0].update(link_id=hsds_id("z")),
    "an attribute with a number for link_id": lambda e: _first(e, "services")["attributes"][0].update(link_id=5),
    "a term of a taxonomy not in the export": lambda e: _first(e, "taxonomy_terms", taxonomy_id=hsds_id("t")),
    "a taxonomy without a description": lambda e: _first(e, "taxonomies").pop("description"),
    "an organization without a description": lambda e: _first(e, "organizations", description=""),
    "a website that is no address": lambda e: _first(e, "organizations", website="www.example"),
    "an assured_date that is no date": lambda e: _first(e, "services", assured_date="22-11-2026"),
    "a service area of another service": lambda e: _first(e, "services")["service_areas"][0].update(service_id=hsds_id("s")),
    "a misspelt field": lambda e: _first(e, "services", organisation_id=hsds_id("partner", "ibdo")),
    "an id used twice": lambda e: _first(e, "taxonomies", id=e["services"][0]["id"]),
    "a missing file": lambda e: e.pop("taxonomy_terms"),
    "attributes that are no list": lambda e: _first(e, "organizations", attributes={}),
}


@pytest.mark.parametrize("what", BREAKAGES)
def test_our_check_catches_a_broken_export(what, export):
    broken = copy.deepcopy(export)
    BREAKAGES[what](broken)
    assert hsds_problems(broken), what
