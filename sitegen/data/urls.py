"""Page paths, relative to the site root. One place, so links and exports agree."""
from urllib.parse import urlencode


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


FINDER_PATH = "vind-hulp/"


def finder_url(**filters: list[str]) -> str:
    """The help finder with filters preset, e.g. finder_url(gemeente=["emmen"], trede=["funderen"]).
    The keys are the finder's query parameters (sitegen/pages/finder.py FILTER_KEYS)."""
    pairs = [(key, value) for key, values in filters.items() for value in values]
    return FINDER_PATH + ("?" + urlencode(pairs) if pairs else "")
