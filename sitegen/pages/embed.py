"""The embed for gemeenten: embed.js at a versioned path with its SRI hash, and /voor-gemeenten/.

`/embed/v1/embed.js` never changes under a gemeente once published: the SRI hash in their
snippet would break. A new behaviour gets `/embed/v2/`; `/embed.js` always serves the latest.
"""
from __future__ import annotations

import base64
import hashlib
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from sitegen.pages.markdown import escape_text
from sitegen.paths import ROOT

EMBED_SOURCE = ROOT / "widget" / "embed" / "embed.js"
CONFIGURATOR_SOURCE = ROOT / "widget" / "embed" / "configurator.mjs"
CONTRAST_SOURCE = ROOT / "widget" / "lib" / "contrast.mjs"
EMBED_VERSION = "v1"
TEMPLATES = Path(__file__).parent / "templates"


def sri_hash(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def versioned_path() -> str:
    return f"embed/{EMBED_VERSION}/embed.js"


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
        sri=sri_hash(EMBED_SOURCE.read_bytes()), embed_path=versioned_path(),
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
    data = EMBED_SOURCE.read_bytes()
    versioned = site_dir / versioned_path()
    versioned.parent.mkdir(parents=True, exist_ok=True)
    versioned.write_bytes(data)
    (site_dir / "embed.js").write_bytes(data)
    with (site_dir / "_headers").open("a", encoding="utf-8") as headers:
        # Any site may load the script; SRI with crossorigin needs CORS.
        headers.write("/embed/*\n  Access-Control-Allow-Origin: *\n  Cache-Control: public, max-age=31536000, immutable\n"
                      "/embed.js\n  Access-Control-Allow-Origin: *\n")
    return f"embed.js: {versioned_path()} ({len(data)} bytes) met SRI {sri_hash(data)[:20]}…"
