#!/usr/bin/env python3
"""Search engines on the 6,000-entry synthetic site (issue 24): bytes until the first result, time
per query, build time added. (a) Material's search (lunr, the whole index), (b) Pagefind (an index
in fragments, WebAssembly), (c) our help finder (a filter over vind-hulp/aanbod.json).

    .venv/bin/python bench/bench_search.py                   # builds 5,000 instruments + 1,000 partners
    .venv/bin/python bench/bench_search.py --site /tmp/big   # an already built synthetic site
    .venv/bin/python bench/bench_search.py --no-pagefind

Bytes are gzip sizes (level 6, as a host sends them) of every file the browser asked for, counted
from the site folder. Times are taken in the page (performance.now) under Chromium's CPU slowdown
(CDP Emulation.setCPUThrottlingRate 4, Lighthouse's mobile setting). Pagefind is installed on first
use into ~/.cache/drenthe-digitaal/pagefind-<version> (not into the shared node_modules).
"""
from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from sitegen.serve import start_server  # noqa: E402

PAGEFIND_VERSION = "1.6.0"
CHROMIUM = "/usr/bin/chromium"
QUERIES = ["subsidie", "studenten", "instrument", "organisatie", "advies"]
THROTTLE = 4


def gz(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in (".gz", ".br", ".wasm") and data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


class Requests:
    """Every file the page fetched, as gzip bytes counted from the site folder."""

    def __init__(self, page, site: Path):
        self.site, self.files = site, []
        page.on("request", lambda r: self.files.append(r.url))

    def reset(self) -> None:
        self.files = []

    def bytes(self) -> int:
        total = 0
        for url in self.files:
            path = unquote(urlsplit(url).path).lstrip("/")
            file = self.site / path
            if file.is_dir() or path == "" or path.endswith("/"):
                file = file / "index.html"
            if file.is_file():
                total += gz(file)
        return total


def build_synthetic(out: Path) -> float:
    from bench_build import TODAY, synthetic_data
    from sitegen.build_site import BuildPaths, build
    data = out.parent / "data"
    data.mkdir(parents=True, exist_ok=True)
    synthetic_data(data, 5000, 1000)
    started = time.perf_counter()
    build(out, TODAY, BuildPaths(data_dir=data), quiet=True, work_dir=out.parent / "work")
    return time.perf_counter() - started


def pagefind_binary() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drenthe-digitaal"
    prefix = cache / f"pagefind-{PAGEFIND_VERSION}"
    binary = prefix / "node_modules" / ".bin" / "pagefind"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--loglevel=error",
                        f"pagefind@{PAGEFIND_VERSION}"], check=True)
    return binary


def throttled(context, page):
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLE})
    return cdp


def material(browser, url: str, site: Path) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    throttled(context, page)
    seen = Requests(page, site)
    page.goto(f"{url}/partners/ibdo/")
    times = []
    for n, query in enumerate(QUERIES):
        search = page.locator("input.md-search__input")
        search.click()
        search.fill("")
        started = time.perf_counter()
        search.fill(query)
        page.wait_for_selector(".md-search-result__item", state="attached", timeout=600000)
        times.append(1000 * (time.perf_counter() - started))
        if n == 0:
            first_bytes = seen.bytes()
    context.close()
    return {"first": first_bytes, "first_ms": times[0], "query_ms": statistics.median(times[1:])}


PAGEFIND_QUERY = """async (q) => {
  const started = performance.now();
  const search = await window.__pagefind.search(q);
  if (search.results.length) await search.results[0].data();
  return [performance.now() - started, search.results.length];
}"""


def pagefind(browser, url: str, site: Path) -> dict:
    context = browser.new_context()
    page = context.new_page()
    throttled(context, page)
    seen = Requests(page, site)
    page.goto(f"{url}/partners/ibdo/")
    page.evaluate("async () => { window.__pagefind = await import('/pagefind/pagefind.js'); await window.__pagefind.init(); }")
    times, hits = [], []
    for n, query in enumerate(QUERIES):
        ms, count = page.evaluate(PAGEFIND_QUERY, query)
        times.append(ms)
        hits.append(count)
        if n == 0:
            first_bytes = seen.bytes()
    session = seen.bytes()
    context.close()
    return {"first": first_bytes, "first_ms": times[0], "query_ms": statistics.median(times[1:]),
            "session": session, "hits": hits}


TAP = """(id) => {
  const box = document.getElementById(id);
  const started = performance.now();
  box.click();
  document.body.offsetHeight;  // the layout of the new results is part of the tap
  return performance.now() - started;
}"""


def finder(browser, url: str, site: Path) -> dict:
    context = browser.new_context(viewport={"width": 375, "height": 667})
    page = context.new_page()
    throttled(context, page)
    seen = Requests(page, site)
    page.goto(f"{url}/vind-hulp/")
    page.wait_for_selector("#dd-finder:not([hidden])")
    first_bytes = seen.bytes()
    page.evaluate("() => document.querySelectorAll('details.dd-finder__group').forEach(d => d.open = true)")
    taps = []
    for box in ["dd-activiteit-werken-met-studenten", "dd-gemeente-emmen", "dd-nu", "dd-trede-funderen",
                "dd-thema-security", "dd-nu", "dd-gemeente-emmen", "dd-activiteit-advisering", "dd-soort-hub",
                "dd-knelpunt-financiering"]:
        taps.append(page.evaluate(TAP, box))
    started = time.perf_counter()
    page.fill("#dd-q", "instrument 47")
    page.wait_for_function("() => document.getElementById('dd-count').textContent !== ''")
    typed = 1000 * (time.perf_counter() - started)
    session = seen.bytes()
    context.close()
    return {"first": first_bytes, "tap_median": statistics.median(taps), "tap_max": max(taps),
            "typed_ms": typed, "session": session, "index": gz(site / "vind-hulp" / "aanbod.json"),
            "page": gz(site / "vind-hulp" / "index.html")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="een al gebouwde synthetische site")
    parser.add_argument("--no-pagefind", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            print(f"Synthetische site (5.000 instrumenten, 1.000 partners) gebouwd in {build_synthetic(site):.1f} s", flush=True)
        pages = sum(1 for _ in site.rglob("*.html"))
        index = site / "search" / "search_index.json"
        print(f"{pages} HTML-pagina's; Material's zoekindex {index.stat().st_size / 1e6:.1f} MB, {gz(index) / 1024:.0f} KB gzip")
        pagefind_seconds = None
        if not args.no_pagefind:
            binary = pagefind_binary()
            started = time.perf_counter()
            subprocess.run([str(binary), "--site", str(site), "--output-subdir", "pagefind", "--quiet"], check=True)
            pagefind_seconds = time.perf_counter() - started
            files = list((site / "pagefind").rglob("*"))
            print(f"Pagefind {PAGEFIND_VERSION}: index in {pagefind_seconds:.1f} s, {len(files)} bestanden, "
                  f"{sum(f.stat().st_size for f in files if f.is_file()) / 1e6:.1f} MB")
        server, url = start_server(site, use_headers_file=False)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                m = material(browser, url, site)
                print(f"(a) Material: tot het eerste resultaat {m['first'] / 1024:.0f} KB gzip (pagina + index), "
                      f"{m['first_ms']:.0f} ms; daarna per zoekvraag {m['query_ms']:.0f} ms (mediaan); "
                      f"bouwtijd erbij: 0 s (mkdocs schrijft de index)", flush=True)
                if pagefind_seconds is not None:
                    f = pagefind(browser, url, site)
                    print(f"(b) Pagefind: tot het eerste resultaat {f['first'] / 1024:.0f} KB gzip (pagina + wasm + "
                          f"fragmenten), {f['first_ms']:.0f} ms; daarna per zoekvraag {f['query_ms']:.0f} ms (mediaan); "
                          f"{len(QUERIES)} zoekvragen samen {f['session'] / 1024:.0f} KB; bouwtijd erbij "
                          f"{pagefind_seconds:.1f} s; treffers {f['hits']}", flush=True)
                h = finder(browser, url, site)
                print(f"(c) Hulpvinder: tot het eerste resultaat {h['first'] / 1024:.0f} KB gzip (pagina "
                      f"{h['page'] / 1024:.0f} KB, index {h['index'] / 1024:.0f} KB); een filter-tik "
                      f"{h['tap_median']:.0f} ms (mediaan), {h['tap_max']:.0f} ms (hoogste); typen tot resultaat "
                      f"{h['typed_ms']:.0f} ms; hele sessie {h['session'] / 1024:.0f} KB gzip; bouwtijd erbij: "
                      f"de index, zie 'pagina's gemaakt' in de build", flush=True)
                print(f"Alle tijden met CPU-vertraging {THROTTLE}x (Emulation.setCPUThrottlingRate).")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
