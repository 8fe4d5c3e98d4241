"""schema.org JSON-LD for entity pages (Organization, Service, MonetaryGrant for subsidies)."""
from __future__ import annotations

import json

from sitegen.data.dataset import Dataset
from sitegen.data.models import Instrument, Partner


def _area(dataset: Dataset, regions: list[str]) -> list[dict]:
    return [{"@type": "AdministrativeArea", "name": dataset.region_name(r)} for r in regions]


def partner_jsonld(dataset: Dataset, p: Partner) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"#partner-{p.id}",
        "name": p.name,
        "description": p.description,
        "areaServed": _area(dataset, p.regions),
    }
    if p.website:
        data["url"] = p.website
    return data


def instrument_jsonld(dataset: Dataset, i: Instrument) -> dict:
    partner = dataset.partners_by_id[i.partner]
    org = {"@type": "Organization", "name": partner.name}
    if partner.website:
        org["url"] = partner.website
    if i.activity_type == "subsidies-en-financiering":
        data = {"@context": "https://schema.org", "@type": "MonetaryGrant", "name": i.name,
                "description": i.description, "funder": org}
    else:
        data = {"@context": "https://schema.org", "@type": "Service", "name": i.name,
                "description": i.description, "provider": org,
                "areaServed": _area(dataset, i.regions), "audience": {"@type": "BusinessAudience", "name": i.target_group}}
    if i.website:
        data["url"] = i.website
    return data


def script_safe(data: dict) -> str:
    """JSON that cannot end its <script> element early, whatever the text holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
