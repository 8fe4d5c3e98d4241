#!/usr/bin/env python3
"""Lighthouse on the built site, default mobile settings, served with gzip as a real host does.

    .venv/bin/python bench/bench_lighthouse.py                  # builds both sites, 3 runs a page
    .venv/bin/python bench/bench_lighthouse.py --site site --runs 1 --no-synthetic

Prints per page the median of the runs: accessibility, best practices, performance, LCP and
the bytes the page transfers, and the audits that kept a score below 1. Pages: home, a partner,
an instrument, /ecosysteem/, /gemeenten/emmen/, /voor-gemeenten/, /vind-hulp/, /open-data/, /scan/,
and an instrument page and /vind-hulp/ of the synthetic site of 5,000 instruments and 1,000 partners
(bench/bench_build.py makes its data): Material's search index grows with the data.
Targets (issue 16): accessibility 1.0, best practices 1.0, performance >= 0.95, on a quiet machine.

Lighthouse 12.8.2, not 13: 13 asks for Node >= 22 and this project's Node is 20; 12.8 runs
cleanly there. It is installed on first use into ~/.cache/drenthe-digitaal/ (XDG_CACHE_HOME),
not by `npm ci`: it brings some 200 packages that nothing else needs. Chromium is Debian's.
No asserts: a benchmark prints figures (tests/test_site_judges.py checks the named defects).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sitegen.build_site import BuildPaths, build  # noqa: E402
from npm_tools import cached_npm_binary  # noqa: E402
from sitegen.serve import start_server  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("accessibility", "best-practices", "performance")
PAGES = {
    "home": "",
    "partner": "partners/ibdo/",
    "instrument": "instrumenten/adviesvoucher-mkb-drenthe/",
    "ecosysteem": "ecosysteem/",
    "gemeente Emmen": "gemeenten/emmen/",
    "voor gemeenten": "voor-gemeenten/",
    "vind hulp": "vind-hulp/",
    "open data": "open-data/",
    "scan": "scan/",
}
SYNTHETIC_PAGES = {"6.000 (instrument)": "instrumenten/instrument-0/", "6.000 (vind hulp)": "vind-hulp/"}
SYNTHETIC_SCALE = (5000, 1000)


def lighthouse_binary() -> Path:
    return cached_npm_binary("lighthouse", LIGHTHOUSE_VERSION)


def run_lighthouse(binary: Path, url: str, out: Path) -> dict:
    """One run, Lighthouse's defaults (mobile, simulated throttling); returns the figures we print."""
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                   check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    report = json.loads(out.read_text(encoding="utf-8"))
    failing = set()
    for name in ("accessibility", "best-practices"):
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit["score"] is not None and audit["score"] < 1:
                failing.add(ref["id"])
    figures = {name: report["categories"][name]["score"] for name in CATEGORIES}
    figures["lcp_ms"] = report["audits"]["largest-contentful-paint"]["numericValue"]
    figures["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    figures["failing"] = failing
    return figures


def bench_site(binary: Path, site: Path, pages: dict[str, str], runs: int, work: Path) -> list[tuple[str, dict]]:
    server, base = start_server(site, use_gzip=True)  # _headers too: the scan page gets its CSP
    rows = []
    try:
        for name, path in pages.items():
            results = [run_lighthouse(binary, f"{base}/{path}", work / f"lh-{len(rows)}-{i}.json") for i in range(runs)]
            row = {key: statistics.median(r[key] for r in results) for key in (*CATEGORIES, "lcp_ms", "bytes")}
            row["failing"] = sorted(set().union(*(r["failing"] for r in results)))
            rows.append((name, row))
            print_row(name, row)
    finally:
        server.shutdown()
    return rows


def print_header() -> None:
    print("| pagina | toegankelijkheid | best practices | prestaties | LCP | bytes | audits onder 1 |")
    print("|---|---|---|---|---|---|---|")


def print_row(name: str, row: dict) -> None:
    print(f"| {name} | {row['accessibility']:.2f} | {row['best-practices']:.2f} | {row['performance']:.2f} "
          f"| {row['lcp_ms'] / 1000:.2f} s | {row['bytes'] / 1024:.0f} KB | {', '.join(row['failing']) or '-'} |",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="een gebouwde site (anders bouwt de bench er een)")
    parser.add_argument("--no-synthetic", action="store_true", help="sla de synthetische site van 6.000 items over")
    parser.add_argument("--synthetic-site", type=Path, help="een al gebouwde synthetische site (bench_search.py --keep)")
    parser.add_argument("--page", action="append", help="alleen deze pagina's (naam uit PAGES of SYNTHETIC_PAGES)")
    args = parser.parse_args()
    binary = lighthouse_binary()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        chosen = lambda pages: {k: v for k, v in pages.items() if not args.page or k in args.page}  # noqa: E731
        site = args.site
        if site is None and chosen(PAGES):
            site = tmp / "site"
            build(site, date.today(), BuildPaths(), quiet=True, work_dir=tmp / "work")
        synthetic = args.synthetic_site
        if synthetic is None and not args.no_synthetic and chosen(SYNTHETIC_PAGES):
            from bench_build import synthetic_data
            data = tmp / "synthetic-data"
            data.mkdir()
            synthetic_data(data, *SYNTHETIC_SCALE)
            synthetic = tmp / "synthetic-site"
            build(synthetic, date.today(), BuildPaths(data_dir=data), quiet=True, work_dir=tmp / "work-synthetic")
        print(f"Lighthouse {LIGHTHOUSE_VERSION}, standaard mobiel, gzip, mediaan van {args.runs} runs")
        print_header()
        if site and chosen(PAGES):
            bench_site(binary, site, chosen(PAGES), args.runs, tmp)
        if synthetic and chosen(SYNTHETIC_PAGES):
            bench_site(binary, synthetic, chosen(SYNTHETIC_PAGES), args.runs, tmp)


if __name__ == "__main__":
    main()
