#!/usr/bin/env python3
"""Search engines on the 6,000-entry synthetic site (issue 24): bytes until the first result, time
per query, build time added. (a) Material's search (lunr, the whole index), (b) Pagefind (an index
in fragments, WebAssembly), (c) our help finder (a filter over vind-hulp/aanbod.json).

    .venv/bin/python bench/bench_search.py                        # builds 5,000 instruments + 1,000 partners
    .venv/bin/python bench/bench_search.py --keep /tmp/big        # ... and keeps the site there
    .venv/bin/python bench/bench_search.py --site /tmp/big/site   # an already built synthetic site
    .venv/bin/python bench/bench_search.py --no-pagefind --throttle 4 --timeout 120

Bytes are gzip sizes (level 6, as a host sends them) of every file the browser asked for, counted
from the site folder. Times are taken in the page (performance.now) under Chromium's CPU slowdown
(CDP Emulation.setCPUThrottlingRate, 4 = Lighthouse's mobile setting). Every wait has a bound
(--timeout): what does not finish in time is measured again without slowdown, and the line says so.
Pagefind is installed on first use into ~/.cache/drenthe-digitaal/pagefind-<version> (not into the
shared node_modules). It needs 'wasm-unsafe-eval', which the site's policy does not give: its
browser context runs with bypass_csp, as a page that allowed it would.
No asserts: a benchmark prints figures; the targets of issue 24 are printed beside them.
"""
from __future__ import annotations

import argparse
import gzip
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
from npm_tools import cached_npm_binary  # noqa: E402

PAGEFIND_VERSION = "1.6.0"
CHROMIUM = "/usr/bin/chromium"
QUERIES = ["subsidie", "studenten", "instrument", "organisatie", "advies"]
MATERIAL_INDEX = "search/search_index.json"
FINDER_INDEX = "vind-hulp/aanbod.json"
# A filter session (issue 24): five taps and a text search. Then more taps, for the time per tap.
SESSION_TAPS = ["dd-activiteit-werken-met-studenten", "dd-gemeente-emmen", "dd-nu", "dd-trede-funderen",
                "dd-thema-security"]
MORE_TAPS = ["dd-nu", "dd-gemeente-emmen", "dd-activiteit-advisering", "dd-soort-hub", "dd-knelpunt-financiering",
             "dd-activiteit-werken-met-studenten", "dd-trede-funderen", "dd-thema-security", "dd-soort-hub",
             "dd-activiteit-advisering", "dd-knelpunt-financiering", "dd-nu", "dd-gemeente-emmen", "dd-nu", "dd-nu"]
FINDER_TEXT = "instrument 47"
TAP_TARGET_MS, SESSION_TARGET_KB = 100, 300


def gz(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


class Requests:
    """Every file the page (and its workers) fetched, as gzip bytes counted from the site folder."""

    def __init__(self, context, site: Path):
        self.site, self.urls = site, []
        context.on("request", lambda r: self.urls.append(r.url))

    def paths(self) -> list[str]:
        out = []
        for url in self.urls:
            path = unquote(urlsplit(url).path).lstrip("/")
            if path == "" or path.endswith("/") or (self.site / path).is_dir():
                path = path.rstrip("/") + ("/" if path.rstrip("/") else "") + "index.html"
            out.append(path)
        return out

    def fetched(self, path: str) -> bool:
        return path in self.paths()

    def bytes(self) -> int:
        return sum(gz(self.site / p) for p in set(self.paths()) if (self.site / p).is_file())


def build_synthetic(out: Path) -> float:
    from bench_build import TODAY, synthetic_data
    from sitegen.build_site import BuildPaths, build
    data = out.parent / "data"
    data.mkdir(parents=True, exist_ok=True)
    synthetic_data(data, 5000, 1000)
    started = time.perf_counter()
    build(out, TODAY, BuildPaths(data_dir=data), quiet=True, work_dir=out.parent / "work")
    return time.perf_counter() - started


def finder_build_seconds(data: Path) -> float:
    """What the finder adds to the build: its page and index (write_finder), on the same data."""
    from bench_build import TODAY
    from sitegen.build_site import BuildPaths, check
    from sitegen.data.settings import read_settings
    from sitegen.pages.finder import write_finder
    paths = BuildPaths(data_dir=data)
    dataset, settings = check(paths, TODAY), read_settings(paths.config_file)
    with tempfile.TemporaryDirectory() as docs:
        started = time.perf_counter()
        write_finder(dataset, Path(docs), TODAY, settings)
        return time.perf_counter() - started


def pagefind_binary() -> Path:
    return cached_npm_binary("pagefind", PAGEFIND_VERSION)


def new_page(browser, throttle: int, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    if throttle > 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    return context, page


# Material: from the keystroke (input event) until the result list shows another answer than
# before (its count line or its first hit changed), with at least one result item.
MATERIAL_WATCH = """() => {
  const input = document.querySelector('input.md-search__input');
  const answer = () => (document.querySelector('.md-search-result__meta')?.textContent || '') + '|' +
    (document.querySelector('.md-search-result__item a')?.getAttribute('href') || '');
  window.__search = {};
  input.addEventListener('input', () => { window.__search = { start: performance.now(), before: answer() }; }, { capture: true });
  new MutationObserver(() => {
    const t = window.__search;
    if (t.start && !t.end && document.querySelector('.md-search-result__item') && answer() !== t.before) t.end = performance.now();
  }).observe(document.querySelector('.md-search-result'), { childList: true, subtree: true, characterData: true });
}"""


def material(browser, url: str, site: Path, throttle: int, timeout_ms: int) -> dict:
    context, page = new_page(browser, throttle, viewport={"width": 1280, "height": 800})
    seen = Requests(context, site)
    try:
        started = time.perf_counter()
        page.goto(f"{url}/partners/ibdo/")
        page.evaluate(MATERIAL_WATCH)
        search = page.locator("input.md-search__input")
        page.keyboard.press("/")  # Material's shortcut opens the search
        times = []
        for n, query in enumerate(QUERIES):
            search.fill(query)
            search.press("End")  # Material searches on keyup; fill alone sends only an input event
            page.wait_for_function("() => window.__search.end", timeout=timeout_ms)
            times.append(page.evaluate("() => window.__search.end - window.__search.start"))
            if n == 0:
                first_wall = time.perf_counter() - started
                first_bytes, index_seen = seen.bytes(), seen.fetched(MATERIAL_INDEX)
        return {"first": first_bytes, "first_wall_s": first_wall, "first_ms": times[0],
                "query_ms": statistics.median(times[1:]), "index_seen": index_seen}
    finally:
        context.close()


PAGEFIND_QUERY = """async (q) => {
  const started = performance.now();
  const search = await window.__pagefind.search(q);
  if (search.results.length) await search.results[0].data();
  return [performance.now() - started, search.results.length];
}"""


def pagefind(browser, url: str, site: Path, throttle: int, timeout_ms: int) -> dict:
    # As on a site that had chosen Pagefind: no Material index, and a policy that allows the wasm.
    context, page = new_page(browser, throttle, bypass_csp=True)
    context.route(f"**/{MATERIAL_INDEX}", lambda route: route.abort())
    context.set_default_timeout(timeout_ms)
    seen = Requests(context, site)
    try:
        page.goto(f"{url}/partners/ibdo/")
        page.evaluate("async () => { window.__pagefind = await import('/pagefind/pagefind.js'); "
                      "await window.__pagefind.init(); }")
        times, hits = [], []
        for n, query in enumerate(QUERIES):
            ms, count = page.evaluate(PAGEFIND_QUERY, query)
            times.append(ms)
            hits.append(count)
            if n == 0:
                first_bytes = seen.bytes()
        return {"first": first_bytes, "first_ms": times[0], "query_ms": statistics.median(times[1:]),
                "session": seen.bytes(), "hits": hits}
    finally:
        context.close()


# One tap: from the click until the count text has changed (the finder renders in the change
# handler), and until the next frame is drawn. Resolves within `bound` ms whatever happens.
TAP = """async ([id, bound]) => {
  const box = document.getElementById(id), count = document.getElementById('dd-count');
  const before = count.textContent;
  const started = performance.now();
  let changed = null;
  const observer = new MutationObserver(() => { if (changed === null) changed = performance.now(); });
  observer.observe(count, { childList: true, characterData: true, subtree: true });
  box.click();
  if (changed === null && count.textContent !== before) changed = performance.now();
  await new Promise((done) => { requestAnimationFrame(() => setTimeout(done, 0)); setTimeout(done, bound); });
  const painted = performance.now();
  observer.disconnect();
  return { count: changed === null ? null : changed - started, frame: painted - started, same: count.textContent === before };
}"""


def finder(browser, url: str, site: Path, throttle: int, timeout_ms: int) -> dict:
    context, page = new_page(browser, throttle, viewport={"width": 375, "height": 667})
    context.set_default_timeout(timeout_ms)
    seen = Requests(context, site)
    try:
        page.goto(f"{url}/vind-hulp/")
        page.wait_for_function("() => document.getElementById('dd-count').textContent !== ''")
        first_bytes, material_index = seen.bytes(), seen.fetched(MATERIAL_INDEX)
        page.evaluate("() => document.querySelectorAll('details.dd-finder__group').forEach(d => d.open = true)")
        taps = [page.evaluate(TAP, [box, timeout_ms]) for box in SESSION_TAPS]
        page.evaluate("() => { window.__typed = {}; const c = document.getElementById('dd-count'); "
                      "document.getElementById('dd-q').addEventListener('input', () => { window.__typed.start = performance.now(); "
                      "window.__typed.before = c.textContent; }, { capture: true }); "
                      "new MutationObserver(() => { window.__typed.end = performance.now(); })"
                      ".observe(c, { childList: true, characterData: true, subtree: true }); }")
        page.fill("#dd-q", FINDER_TEXT)
        page.wait_for_function("() => window.__typed.end")
        typed_ms = page.evaluate("() => window.__typed.end - window.__typed.start")
        session, session_material = seen.bytes(), seen.fetched(MATERIAL_INDEX)
        page.fill("#dd-q", "")
        taps += [page.evaluate(TAP, [box, timeout_ms]) for box in MORE_TAPS]
        counted = [t["count"] for t in taps if t["count"] is not None]
        frames = [t["frame"] for t in taps]
        return {"first": first_bytes, "material_index": material_index or session_material,
                "tap_median": statistics.median(counted), "tap_max": max(counted), "taps": len(counted),
                "frame_median": statistics.median(frames), "frame_max": max(frames),
                "typed_ms": typed_ms, "session": session,
                "session_without_material": session - (gz(site / MATERIAL_INDEX) if session_material else 0),
                "index": gz(site / FINDER_INDEX), "page": gz(site / "vind-hulp" / "index.html"),
                "items": page.evaluate("() => fetch('aanbod.json').then(r => r.json()).then(j => j.items.length)")}
    finally:
        context.close()


def measured(what, run, throttle: int, timeout_ms: int):
    """Under slowdown; when a bounded wait runs out, once more without slowdown. Returns (figures, note)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        return run(throttle, timeout_ms), f"CPU {throttle}x trager"
    except PlaywrightTimeout:
        if throttle <= 1:
            return None, f"niet klaar binnen {timeout_ms / 1000:.0f} s, ook zonder vertraging"
        print(f"    {what}: niet klaar binnen {timeout_ms / 1000:.0f} s met CPU {throttle}x trager; "
              "nu zonder vertraging gemeten", flush=True)
        try:
            return run(1, timeout_ms), (f"ZONDER vertraging: met CPU {throttle}x trager niet klaar binnen "
                                        f"{timeout_ms / 1000:.0f} s")
        except PlaywrightTimeout:
            return None, f"niet klaar binnen {timeout_ms / 1000:.0f} s, ook zonder vertraging"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="een al gebouwde synthetische site (data in ../data ernaast)")
    parser.add_argument("--keep", type=Path, help="bouw de synthetische site in deze map en laat hem staan")
    parser.add_argument("--no-pagefind", action="store_true")
    parser.add_argument("--only", choices=["material", "pagefind", "finder"], action="append",
                        help="meet alleen deze (mag vaker)")
    parser.add_argument("--throttle", type=int, default=4, help="CPU-vertraging (4 = Lighthouse mobiel)")
    parser.add_argument("--timeout", type=float, default=120, help="hoogste wachttijd per stap, in seconden")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    timeout_ms = int(args.timeout * 1000)

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = (args.keep or Path(tmp)) / "site"
            print(f"Synthetische site (5.000 instrumenten, 1.000 partners) gebouwd in {build_synthetic(site):.1f} s", flush=True)
        if (site.parent / "data").is_dir():
            print(f"Bouwtijd van de hulpvinder (pagina + index, write_finder): {finder_build_seconds(site.parent / 'data'):.2f} s",
                  flush=True)
        pages = sum(1 for _ in site.rglob("*.html"))
        index = site / MATERIAL_INDEX
        print(f"{pages} HTML-pagina's; Material's zoekindex {index.stat().st_size / 1e6:.1f} MB, {gz(index) / 1024:.0f} KB gzip; "
              f"index van de hulpvinder {(site / FINDER_INDEX).stat().st_size / 1e6:.1f} MB, {gz(site / FINDER_INDEX) / 1024:.0f} KB gzip",
              flush=True)
        pagefind_seconds = None
        want = lambda name: not args.only or name in args.only  # noqa: E731
        if want("pagefind") and not args.no_pagefind:
            binary = pagefind_binary()
            started = time.perf_counter()
            subprocess.run([str(binary), "--site", str(site), "--output-subdir", "pagefind", "--quiet"], check=True,
                           timeout=1800)
            pagefind_seconds = time.perf_counter() - started
            files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
            print(f"Pagefind {PAGEFIND_VERSION}: index in {pagefind_seconds:.1f} s, {len(files)} bestanden, "
                  f"{sum(f.stat().st_size for f in files) / 1e6:.1f} MB", flush=True)
        server, url = start_server(site, use_headers_file=False)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
                m, note = (None, "overgeslagen") if not want("material") else measured("Material", lambda t, ms: material(browser, url, site, t, ms), args.throttle, timeout_ms)
                if m:
                    print(f"(a) Material ({note}): tot het eerste resultaat {m['first'] / 1024:.0f} KB gzip (pagina + "
                          f"index{'' if m['index_seen'] else ', index NIET gezien'}), {m['first_wall_s']:.1f} s vanaf het laden; "
                          f"de eerste zoekvraag {m['first_ms']:.0f} ms, daarna per zoekvraag {m['query_ms']:.0f} ms (mediaan); "
                          "bouwtijd erbij: zit in mkdocs (de search-plugin), niet apart gemeten", flush=True)
                else:
                    print(f"(a) Material: {note}", flush=True)
                if pagefind_seconds is not None:
                    f, note = measured("Pagefind", lambda t, ms: pagefind(browser, url, site, t, ms), args.throttle, timeout_ms)
                    if f:
                        print(f"(b) Pagefind ({note}): tot het eerste resultaat {f['first'] / 1024:.0f} KB gzip (pagina + "
                              f"wasm + fragmenten), de eerste zoekvraag {f['first_ms']:.0f} ms; daarna per zoekvraag "
                              f"{f['query_ms']:.0f} ms (mediaan); {len(QUERIES)} zoekvragen samen {f['session'] / 1024:.0f} KB "
                              f"gzip; bouwtijd erbij {pagefind_seconds:.1f} s; treffers {f['hits']}", flush=True)
                    else:
                        print(f"(b) Pagefind: {note}", flush=True)
                h, note = (None, "overgeslagen") if not want("finder") else measured("Hulpvinder", lambda t, ms: finder(browser, url, site, t, ms), args.throttle, timeout_ms)
                if h:
                    print(f"(c) Hulpvinder ({note}), {h['items']} aanbiedingen: tot het eerste resultaat "
                          f"{h['first'] / 1024:.0f} KB gzip (pagina {h['page'] / 1024:.0f} KB, index {h['index'] / 1024:.0f} KB"
                          f"{', met Material’s zoekindex' if h['material_index'] else ''}); een filter-tik tot de telling "
                          f"verandert {h['tap_median']:.0f} ms (mediaan), {h['tap_max']:.0f} ms (hoogste) over {h['taps']} tikken "
                          f"[doel <= {TAP_TARGET_MS} ms]; tot het volgende beeld {h['frame_median']:.0f} ms (mediaan), "
                          f"{h['frame_max']:.0f} ms (hoogste); typen '{FINDER_TEXT}' tot de telling {h['typed_ms']:.0f} ms", flush=True)
                    print(f"    hele filtersessie (laden + {len(SESSION_TAPS)} tikken + een zoekwoord): {h['session'] / 1024:.0f} KB "
                          f"gzip [doel <= {SESSION_TARGET_KB} KB]"
                          + (f"; waarvan Material’s zoekindex {(h['session'] - h['session_without_material']) / 1024:.0f} KB"
                             if h['material_index'] else "; Material’s zoekindex niet geladen"), flush=True)
                else:
                    print(f"(c) Hulpvinder: {note}", flush=True)
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
