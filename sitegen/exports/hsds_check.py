"""Our own check of the HSDS export: what HSDS 3.0 asks of the objects we write, and their links.

Written from the HSDS 3.0 specification (the schema files of openreferral/specification, branch
3.0, commit 279fd2e, 2024-05-16: `required`, `tabular_required`, types and formats of each field
we use). It needs no schema files, so it runs on every clone; where ../shared/vendor/hsds-3.0 is
there, the tests validate against the official schemas as well. Returns problems, never raises.
"""
from __future__ import annotations

import uuid
from collections import Counter
from datetime import date
from urllib.parse import urlsplit

# field -> kind of value. Kinds: uuid, text, uri, date, a set (the allowed values), or a nested
# object's name (a list of those). Fields we do not write are left out.
FIELDS: dict[str, dict[str, object]] = {
    "organization": {"id": "uuid", "name": "text", "description": "text", "alternate_name": "text",
                     "website": "uri", "organization_identifiers": "organization_identifier",
                     "attributes": "attribute"},
    "service": {"id": "uuid", "organization_id": "uuid", "name": "text", "description": "text",
                "status": {"active", "inactive", "defunct", "temporarily closed"}, "alert": "text",
                "eligibility_description": "text", "fees_description": "text", "assured_date": "date",
                "url": "uri", "service_areas": "service_area", "attributes": "attribute"},
    "taxonomy": {"id": "uuid", "name": "text", "description": "text", "version": "text"},
    "taxonomy_term": {"id": "uuid", "code": "text", "name": "text", "description": "text", "taxonomy": "text",
                      "taxonomy_id": "uuid", "language": "text"},
    "attribute": {"id": "uuid", "link_id": "uuid", "link_type": "text", "link_entity": "text",
                  "taxonomy_term_id": "uuid"},
    "service_area": {"id": "uuid", "service_id": "uuid", "name": "text", "description": "text"},
    "organization_identifier": {"id": "uuid", "organization_id": "uuid", "identifier_scheme": "text",
                                "identifier_type": "text", "identifier": "text"},
}
# `required` in the schema, plus `tabular_required` (what a CSV user needs, e.g. a service's
# organization_id): we always write both.
REQUIRED: dict[str, tuple[str, ...]] = {
    "organization": ("id", "name", "description"),
    "service": ("id", "name", "status", "organization_id"),
    "taxonomy": ("id", "name", "description"),
    "taxonomy_term": ("id", "name", "description"),
    "attribute": ("id", "link_id", "taxonomy_term_id", "link_entity"),
    "service_area": ("id",),
    "organization_identifier": ("id", "identifier_type", "identifier", "organization_id"),
}
FILES = {"organizations": "organization", "services": "service", "taxonomies": "taxonomy",
         "taxonomy_terms": "taxonomy_term"}


def _is_uuid(value: object) -> bool:
    try:
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_date(value: object) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def _is_uri(value: object) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return bool(parts and parts.scheme in ("http", "https") and parts.netloc)


def _value_problem(kind: object, value: object) -> str:
    if isinstance(kind, set):
        return "" if value in kind else f"is {value!r}, niet een van {sorted(kind)}"
    check = {"uuid": _is_uuid, "date": _is_date, "uri": _is_uri, "text": lambda v: isinstance(v, str)}[kind]
    return "" if check(value) else f"is geen {kind}: {value!r}"


def object_problems(name: str, obj: object, where: str) -> list[str]:
    """Required fields, unknown fields and the kind of each value, nested objects included."""
    if not isinstance(obj, dict):
        return [f"{where}: geen object"]
    problems = [f"{where}: {key} ontbreekt" for key in REQUIRED[name] if obj.get(key) in (None, "")]
    for key, value in obj.items():
        kind = FIELDS[name].get(key)
        if kind is None:
            problems.append(f"{where}: veld {key} kent deze controle niet bij {name} (staat het in HSDS 3.0? zet het dan in FIELDS)")
        elif isinstance(kind, str) and kind in FIELDS:
            if not isinstance(value, list):
                problems.append(f"{where}.{key}: geen lijst")
                continue
            for n, item in enumerate(value):
                problems += object_problems(kind, item, f"{where}.{key}[{n}]")
        elif problem := _value_problem(kind, value):
            problems.append(f"{where}.{key} {problem}")
    return problems


def link_problems(export: dict[str, list[dict]]) -> list[str]:
    """Unique ids; every service's organization, every term's taxonomy, every attribute's term
    and parent, every area's service and identifier's organization exist."""
    ids = {stem: {o.get("id") for o in export.get(stem, [])} for stem in FILES}
    problems: list[str] = []
    every_id: list[object] = []
    for stem, objs in export.items():
        for obj in objs:
            every_id.append(obj.get("id"))
            for field in ("attributes", "service_areas", "organization_identifiers"):
                every_id += [item.get("id") for item in obj.get(field, []) if isinstance(item, dict)]
    doubles = sorted(i for i, n in Counter(str(i) for i in every_id).items() if n > 1)
    if doubles:
        problems.append(f"ids komen meer dan eens voor: {doubles[:5]}")
    for term in export.get("taxonomy_terms", []):
        if term.get("taxonomy_id") not in ids["taxonomies"]:
            problems.append(f"taxonomy_term {term.get('code')}: taxonomy_id verwijst naar geen taxonomy")
    for stem, entity in (("organizations", "organization"), ("services", "service")):
        for obj in export.get(stem, []):
            where = f"{entity} {obj.get('name')!r}"
            for attr in obj.get("attributes", []):
                if attr.get("link_id") != obj.get("id") or attr.get("link_entity") != entity:
                    problems.append(f"{where}: attribute {attr.get('id')} wijst niet terug naar dit object")
                if attr.get("taxonomy_term_id") not in ids["taxonomy_terms"]:
                    problems.append(f"{where}: attribute {attr.get('id')} verwijst naar geen taxonomy_term")
    for org in export.get("organizations", []):
        for ident in org.get("organization_identifiers", []):
            if ident.get("organization_id") != org.get("id"):
                problems.append(f"organization {org.get('name')!r}: identifier hoort bij een andere organization")
    for service in export.get("services", []):
        if service.get("organization_id") not in ids["organizations"]:
            problems.append(f"service {service.get('name')!r}: organization_id verwijst naar geen organization")
        for area in service.get("service_areas", []):
            if area.get("service_id") != service.get("id"):
                problems.append(f"service {service.get('name')!r}: service_area hoort bij een andere service")
    return problems


def hsds_problems(export: dict[str, list[dict]]) -> list[str]:
    """Every problem in the export (the four files), or [] when it holds together."""
    problems = [f"bestand {stem}.json ontbreekt" for stem in FILES if stem not in export]
    problems += [f"bestand {stem}.json hoort niet bij de export" for stem in export if stem not in FILES]
    for stem, name in FILES.items():
        for n, obj in enumerate(export.get(stem, [])):
            problems += object_problems(name, obj, f"{stem}[{n}]")
    return problems + link_problems(export)
