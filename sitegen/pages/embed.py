"""The embed for gemeenten: embed.js at a versioned path with its SRI hash, and /voor-gemeenten/.

`/embed/v1/embed.js` never changes under a gemeente once published: the SRI hash in their
snippet would break, and their browser would refuse the script without a word. So its hash is
committed (widget/embed/v1.sri) and a build whose v1 would differ stops. A new behaviour gets
`/embed/v2/`; `/embed.js` always serves the latest.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from sitegen.errors import BuildError
from sitegen.pages.markdown import escape_text
from sitegen.paths import ROOT

EMBED_SOURCE = ROOT / "widget" / "embed" / "embed.js"
CONFIGURATOR_SOURCE = ROOT / "widget" / "embed" / "configurator.mjs"
CONTRAST_SOURCE = ROOT / "widget" / "lib" / "contrast.mjs"
EMBED_VERSION = "v1"
PIN_FILE = ROOT / "widget" / "embed" / f"{EMBED_VERSION}.sri"
TEMPLATES = Path(__file__).parent / "templates"


def sri_hash(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def versioned_path() -> str:
    return f"embed/{EMBED_VERSION}/embed.js"


def pinned_embed_script(source: Path | None = None, pin_file: Path | None = None) -> bytes:
    """The bytes of embed/v1/embed.js, after checking them against the committed SRI hash."""
    source, pin_file = source or EMBED_SOURCE, pin_file or PIN_FILE
    data = source.read_bytes()
    pinned = pin_file.read_text(encoding="utf-8").strip() if pin_file.exists() else ""
    if sri_hash(data) != pinned:
        raise BuildError(
            f"{source.relative_to(ROOT) if source.is_relative_to(ROOT) else source} is veranderd, maar embed/{EMBED_VERSION}/embed.js "
            f"ligt vast met de integrity-code in {pin_file.name} ({pinned or 'leeg'}). Gemeenten laden het script met "
            "die code; hun browser weigert elk ander bestand, en de scan verdwijnt dan zonder melding van hun site. "
            f"Zet nieuw gedrag daarom in een nieuwe versie (v2/) en laat {EMBED_VERSION} zoals hij is. "
            f"Alleen zolang de site nog niet gepubliceerd is (site_url in mkdocs.yml is leeg), mag {EMBED_VERSION} "
            f"opnieuw vastgezet worden: zet {sri_hash(data)} in {pin_file.name}, in een eigen commit die zegt waarom.")
    return data


# What changed in the embed, newest first, for the webmasters on /voor-gemeenten/: (version, date, text).
EMBED_CHANGES = [
    ("v1", "2 december 2026", "Eerste versie, vastgezet voordat de site online ging: de scan in een iframe, "
     "de hoogte past zich aan, instellingen voor gemeente, kleuren, lettertype en niveau van de koppen. "
     "Verplaats je <drenthe-scan> op de pagina, of haal je hem weg en zet je hem terug, dan blijft er "
     "één scan staan en past de hoogte zich nog steeds aan."),
]


def host_csp_lines(site_origin: str) -> dict[str, str]:
    """What a gemeente's security officer adds to the host page's CSP, per way of embedding."""
    return {
        "iframe": f"frame-src {site_origin};",
        "script": f"script-src {site_origin}; frame-src {site_origin};",
    }


def write_voor_gemeenten(dataset, docs_dir: Path, today: date, settings) -> list[Path]:
    """The page for gemeenten (before mkdocs): snippets, configurator, CSP lines, accessibility text."""
    site_url = settings.site_url
    base = site_url.rstrip("/") + "/" if site_url else "https://ADRES-VAN-DEZE-SITE/"
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["t"] = escape_text
    text = env.get_template("voor_gemeenten.md.j2").render(
        gemeenten=dataset.regions.gemeenten, base=base, origin=origin, site_url_known=bool(site_url),
        sri=sri_hash(pinned_embed_script()), embed_path=versioned_path(), changes=EMBED_CHANGES,
        csp=host_csp_lines(origin), today=today)
    path = docs_dir / "voor-gemeenten.md"
    path.write_text(text, encoding="utf-8")
    assets = docs_dir / "assets"
    assets.mkdir(exist_ok=True)
    shutil.copy(CONFIGURATOR_SOURCE, assets / "configurator.mjs")
    # The configurator checks colours with the scan's own contrast rule (one rule, two users).
    shutil.copy(CONTRAST_SOURCE, assets / "contrast.mjs")
    return [path]


def copy_embed_script(dataset, site_dir: Path, today: date, paths, settings) -> str:
    """After mkdocs: /embed/v1/embed.js (pinned by SRI) and /embed.js (the latest)."""
    data = pinned_embed_script()
    versioned = site_dir / versioned_path()
    versioned.parent.mkdir(parents=True, exist_ok=True)
    versioned.write_bytes(data)
    (site_dir / "embed.js").write_bytes(data)
    with (site_dir / "_headers").open("a", encoding="utf-8") as headers:
        # Any site may load the script; SRI with crossorigin needs CORS.
        headers.write("/embed/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=31536000, immutable\n"
                      "/embed.js\n  Access-Control-Allow-Origin: *\n")
    return f"embed.js: {versioned_path()} ({len(data)} bytes) met SRI {sri_hash(data)[:20]}…"
