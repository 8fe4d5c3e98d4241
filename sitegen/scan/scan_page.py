"""Write the scan page (site/scan/index.html, its CSS inline), its scripts and the /scan/* headers.

Our own jinja2 page, not a mkdocs-material page: Material inlines scripts, which the scan's
strict CSP forbids. The ladder's questions go into the HTML and into a JSON block, so they
show at once; scan_core (in Pyodide, in a worker) computes the result.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
from pathlib import Path

import jinja2

from sitegen.errors import ScanAssetsError
from sitegen.paths import ROOT

WIDGET_DIR = ROOT / "widget"
WATCHDOG_MS = 15000

# One policy for the meta tag and the header. The page's own CSS is inlined (one request less
# before the first paint) and allowed by its hash, so style-src stays without 'unsafe-inline'.
# frame-ancestors only works as a header.
def policy(style_hash: str) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self'",
        f"style-src 'self' '{style_hash}'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def header_policy(style_hash: str) -> str:
    # Gemeenten frame the scan on their own (https) sites; 'self': /voor-gemeenten/ shows it in a
    # preview, also when the site is served over http (make serve, the Lighthouse bench).
    return policy(style_hash) + "; frame-ancestors 'self' https:"


def style_hash(css: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")


INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def built_policy(site_dir: Path) -> str:
    """The policy of a built scan page (tests and benches serve every file with it)."""
    html = (site_dir / "scan" / "index.html").read_text(encoding="utf-8")
    match = INLINE_STYLE.search(html)
    if not match:
        raise ValueError(f"{site_dir / 'scan' / 'index.html'} heeft geen <style>: bouw de scanpagina opnieuw")
    return policy(style_hash(match.group(1)))


HEADERS_BEGIN = "# scan: begin (sitegen/scan/scan_page.py)"
HEADERS_END = "# scan: end"


def header_lines(style_hash: str) -> list[str]:
    return [
        "/scan/*",
        f"  Content-Security-Policy: {header_policy(style_hash)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
    ]


def page_data(scan_data: dict) -> dict:
    """What the page itself needs (questions, step names, texts); no scoring rules."""
    ladder = scan_data["ladder"]
    partners = {p["id"]: p for p in scan_data.get("partners", [])}
    intake = partners.get(ladder["intake"]["partner"], {})
    return {
        "title": "Snelle zelfscan: hoe ver is jouw bedrijf met digitalisering en AI?",
        "hint": ladder["hint"],
        "between_note": ladder["between_note"],
        "subsidy_caveat": ladder.get("subsidy_caveat", ""),
        "step_up": ladder.get("step_up", ""),
        "steps": [{k: s[k] for k in ("slug", "name", "letter", "meaning")} for s in ladder["steps"]],
        "questions": [
            {k: q[k] for k in ("id", "number", "title", "options", "next_steps")}
            for q in ladder["questions"]
        ],
        "gemeenten": scan_data.get("gemeenten", []),
        "intake": {
            "instrument": ladder["intake"]["instrument"],
            "name": intake.get("name", "een adviseur"),
            "url": "../" + intake["url"] if intake.get("url") else "../",
        },
    }


def esbuild(node_modules: Path, name: str, *options: str) -> str:
    """One widget source through esbuild, minified; returns the output text."""
    binary = node_modules / ".bin" / "esbuild"
    if not binary.exists():
        raise ScanAssetsError(f"esbuild ontbreekt ({binary}). Draai eerst npm ci in de map van het project.")
    # NODE_PATH: the worker imports the pyodide package from this node_modules.
    proc = subprocess.run([str(binary), str(WIDGET_DIR / name), *options, "--minify", "--log-level=error"],
                          capture_output=True, text=True, env={**os.environ, "NODE_PATH": str(node_modules)})
    if proc.returncode != 0:
        raise ScanAssetsError(f"esbuild kon {name} niet bundelen:\n{proc.stderr.strip()}")
    return proc.stdout


def bundle_scripts(scan_dir: Path, node_modules: Path) -> list[Path]:
    """Write scan.mjs (our modules in one file) and scan-worker.mjs (with Pyodide's loader in it).

    One file each: the start page waits for its whole module graph before the button works, and
    each import the worker waits for delays the start of the big downloads by a round trip
    (bench/bench_widget.py). Pyodide's loader imports Node modules only when it runs in Node.
    The sources stay readable in widget/.
    """
    jobs = {
        "scan.mjs": ["--bundle", "--format=esm"],
        "scan-worker.mjs": ["--bundle", "--format=esm", "--platform=browser", "--external:node:*"],
    }
    written = []
    for name, options in jobs.items():
        target = scan_dir / name
        target.write_text(esbuild(node_modules, name, *options), encoding="utf-8")
        written.append(target)
    return written


def render_page(scan_data: dict, css: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(WIDGET_DIR / "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    data = page_data(scan_data)
    return env.get_template("scan.html").render(
        csp=policy(style_hash(css)), css=css, title=data["title"], ladder=scan_data["ladder"], questions=data["questions"],
        intake=data["intake"], page_data=data,
        watchdog_ms=WATCHDOG_MS,
    )


def merge_headers(existing: str, css_hash: str) -> str:
    """Replace our block in _headers (other parts of the build may write their own)."""
    lines = existing.splitlines()
    if HEADERS_BEGIN in lines:
        start = lines.index(HEADERS_BEGIN)
        end = lines.index(HEADERS_END, start) if HEADERS_END in lines[start:] else len(lines) - 1
        del lines[start:end + 1]
    while lines and not lines[-1].strip():
        lines.pop()
    block = [HEADERS_BEGIN, *header_lines(css_hash), HEADERS_END]
    return "\n".join((lines + [""] if lines else []) + block) + "\n"


def write_scan_page(site_dir: Path, scan_data: dict, node_modules: Path) -> list[Path]:
    """Render site_dir/scan/index.html with its CSS inline, bundle the scripts, write the /scan/* headers."""
    scan_dir = site_dir / "scan"
    scan_dir.mkdir(parents=True, exist_ok=True)
    css = esbuild(node_modules, "scan.css", "--bundle").strip()  # --bundle: inlines the colour tokens
    if "</style" in css.lower():
        raise ScanAssetsError("widget/scan.css bevat de tekst </style> en kan daardoor niet in de pagina. Haal die tekst weg.")
    written = bundle_scripts(scan_dir, node_modules)
    page = scan_dir / "index.html"
    page.write_text(render_page(scan_data, css), encoding="utf-8")
    written.append(page)
    headers = site_dir / "_headers"
    existing = headers.read_text(encoding="utf-8") if headers.exists() else ""
    headers.write_text(merge_headers(existing, style_hash(css)), encoding="utf-8")
    written.append(headers)
    return written
