"""Every HTML page carries its own Content-Security-Policy in a <meta> tag.

A meta tag, not only a header: GitHub Pages and many hosts send no headers of ours, and the
policy must hold wherever the site lands. mkdocs-material inlines a few small scripts (the base
URL differs by page depth, so their text differs too); each is allowed by its SHA-256 hash, so
script-src needs no 'unsafe-inline' and no 'unsafe-eval'. Data blocks (JSON-LD, Material's
__config) do not run and need no hash.

Runs LAST in the build: a step that changes a page after this one would break its hashes.
The scan page writes its own, stricter policy (sitegen/scan/scan_page.py); it is checked, not replaced.
"""
from __future__ import annotations

import base64
import html as html_module
import hashlib
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXISTING = re.compile(r"""<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])(.*?)\1""", re.I | re.S)
_HEAD = re.compile(r"<head[^>]*>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
RUNS = {"", "text/javascript", "application/javascript", "module"}
FORBIDDEN = ("'unsafe-inline'", "'unsafe-eval'")


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in RUNS:
            continue  # a data block (application/json, application/ld+json) never runs
        digest = script_hash(match.group("body"))
        if digest not in hashes:
            hashes.append(digest)
    return hashes


def page_policy(html: str) -> str:
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'"] + inline_script_hashes(html)),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",  # the configurator's preview frames our own scan
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


class PolicyError(RuntimeError):
    """A page whose policy cannot be set; the message is Dutch."""


def protect_page(html: str, where: str) -> str:
    existing = _EXISTING.search(html)
    if existing:
        script_src = next((d for d in html_module.unescape(existing.group(2)).split(";") if d.strip().startswith("script-src")), "")
        if any(word in script_src for word in FORBIDDEN):
            raise PolicyError(f"{where}: de eigen Content-Security-Policy staat inline scripts of eval toe ({script_src.strip()})")
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if not anchor:
        raise PolicyError(f"{where}: geen <head>; de pagina kan geen Content-Security-Policy krijgen")
    first_script = html.lower().find("<script")
    if 0 <= first_script < anchor.end():
        raise PolicyError(f"{where}: er staat een script vóór <meta charset>; de policy moet ervoor staan")
    return html[: anchor.end()] + "\n" + meta + html[anchor.end():]


def protect_site(site_dir: Path) -> tuple[int, int]:
    """Put the policy into every page; returns (pages, distinct script hashes)."""
    pages, hashes = 0, set()
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        protected = protect_page(text, str(path.relative_to(site_dir)))
        if protected is not text:
            path.write_text(protected, encoding="utf-8")
            hashes.update(inline_script_hashes(text))
        pages += 1
    return pages, len(hashes)
