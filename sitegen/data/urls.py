"""Page paths, relative to the site root. One place, so links and exports agree."""


def partner_url(partner_id: str) -> str:
    return f"partners/{partner_id}/"


def instrument_url(instrument_id: str) -> str:
    return f"instrumenten/{instrument_id}/"


def step_url(slug: str) -> str:
    return f"ladder/{slug}/"


def theme_url(slug: str) -> str:
    return f"themas/{slug}/"


def activity_url(slug: str) -> str:
    return f"activiteiten/{slug}/"


def gemeente_url(slug: str) -> str:
    return f"gemeenten/{slug}/"
