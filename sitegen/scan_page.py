"""Write the scan page (site/scan/index.html), its JS/CSS and the /scan/* headers.

Our own jinja2 page, not a mkdocs-material page: Material inlines scripts, which the scan's
strict CSP forbids. The ladder's questions go into the HTML and into a JSON block, so they
show at once; scan_core (in Pyodide, in a worker) computes the result.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import jinja2

WIDGET_DIR = Path(__file__).resolve().parent.parent / "widget"
WATCHDOG_MS = 15000

# One policy for the meta tag and the header. frame-ancestors only works as a header.
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])
# Gemeenten frame the scan on their own (https) sites.
HEADER_CSP = CSP + "; frame-ancestors https:"

HEADERS_BEGIN = "# scan: begin (sitegen/scan_page.py)"
HEADERS_END = "# scan: end"
HEADER_LINES = [
    "/scan/*",
    f"  Content-Security-Policy: {HEADER_CSP}",
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
            "name": intake.get("name", "een adviseur"),
            "url": "../" + intake["url"] if intake.get("url") else "../",
        },
    }


class BundlerMissing(RuntimeError):
    pass


def bundle_assets(scan_dir: Path, node_modules: Path) -> list[Path]:
    """Write scan.mjs (our modules in one minified file), scan-worker.mjs and scan.css.

    One file instead of thirteen: the start page waits for the whole module graph before its
    button works, and the worker starts only after that (bench/bench_widget.py). The worker keeps
    its import of ../pyodide/pyodide.mjs; the sources stay readable in widget/.
    """
    esbuild = node_modules / ".bin" / "esbuild"
    if not esbuild.exists():
        raise BundlerMissing(f"esbuild ontbreekt ({esbuild}). Draai eerst npm ci in de map van het project.")
    jobs = [
        ["scan.mjs", "--bundle", "--format=esm"],
        ["scan-worker.mjs", "--format=esm"],
        ["scan.css"],
    ]
    written = []
    for name, *options in jobs:
        target = scan_dir / name
        proc = subprocess.run([str(esbuild), str(WIDGET_DIR / name), *options, "--minify", "--log-level=error",
                               f"--outfile={target}"], capture_output=True, text=True)
        if proc.returncode != 0:
            raise BundlerMissing(f"esbuild kon {name} niet bundelen:\n{proc.stderr.strip()}")
        written.append(target)
    return written


def render_page(scan_data: dict) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(WIDGET_DIR / "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    data = page_data(scan_data)
    return env.get_template("scan.html").render(
        csp=CSP, title=data["title"], ladder=scan_data["ladder"], questions=data["questions"],
        intake=data["intake"], page_data=data,
        watchdog_ms=WATCHDOG_MS,
    )


def merge_headers(existing: str) -> str:
    """Replace our block in _headers (other parts of the build may write their own)."""
    lines = existing.splitlines()
    if HEADERS_BEGIN in lines:
        start = lines.index(HEADERS_BEGIN)
        end = lines.index(HEADERS_END, start) if HEADERS_END in lines[start:] else len(lines) - 1
        del lines[start:end + 1]
    while lines and not lines[-1].strip():
        lines.pop()
    block = [HEADERS_BEGIN, *HEADER_LINES, HEADERS_END]
    return "\n".join((lines + [""] if lines else []) + block) + "\n"


def write_scan_page(site_dir: Path, scan_data: dict, node_modules: Path) -> list[Path]:
    """Render site_dir/scan/index.html, bundle the widget assets, write the /scan/* headers."""
    scan_dir = site_dir / "scan"
    scan_dir.mkdir(parents=True, exist_ok=True)
    written = []
    page = scan_dir / "index.html"
    page.write_text(render_page(scan_data), encoding="utf-8")
    written.append(page)
    written += bundle_assets(scan_dir, node_modules)
    headers = site_dir / "_headers"
    existing = headers.read_text(encoding="utf-8") if headers.exists() else ""
    headers.write_text(merge_headers(existing), encoding="utf-8")
    written.append(headers)
    return written
