"""Figures for the scan page in headless Chromium, cold cache (a new browser context per run).

    .venv/bin/python bench/bench_widget.py [--runs 3] [--site SITE_DIR]

Prints: start page usable; ms from a click on "Volgende" to the frame with the next question; widget JS+CSS size (gzip); result on screen
after the last click once Pyodide is ready; Pyodide ready time, our worker vs a plain
loadPyodide() of the npm package's files, on localhost and at 20 Mbit/s + 40 ms, with bytes
transferred. Ours uses the same wasm (as pyodide.asm.wasm.br) and JS with scan/runtime.zip.br in
place of the package's python_stdlib.zip; plain loads the package as it comes, from a copy under
bench/pyodide-npm/, gzipped by the server like every text and wasm file.
"Ready" is the same end state for both: Pyodide loaded, the wheel's scan_core imported and a
first result computed (plain: unpackArchive of the wheel, as the Pyodide docs show). The time
at which plain's loadPyodide() alone resolved is printed too.
The server gzips like a static host would (not .zip/.whl, which are compressed already).
No asserts: a benchmark prints figures.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import io
import shutil
import statistics
import sys
import tempfile
import multiprocessing
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from conftest import CHROMIUM, CHROMIUM_ARGS, build_test_site  # noqa: E402
from sitegen.scan.pyodide_assets import RUNTIME_FILES, RUNTIME_ZIP  # noqa: E402
from sitegen.scan.scan_page import INLINE_STYLE, built_policy  # noqa: E402

COMPRESSIBLE = {".html", ".mjs", ".js", ".css", ".json", ".wasm"}
NETWORK_20MBIT = {"offline": False, "latency": 40,
                  "downloadThroughput": 20_000_000 / 8, "uploadThroughput": 20_000_000 / 8}
NETWORK_5MBIT = {"offline": False, "latency": 100,
                 "downloadThroughput": 5_000_000 / 8, "uploadThroughput": 1_000_000 / 8}

# The floor of this machine: a new context painting one line of text.
BLANK_HTML = "<!doctype html><html lang=nl><meta charset=utf-8><title>leeg</title><p>Hallo</p></html>"
PLAIN_HTML = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>plain</title>
<script type="module" src="plain.mjs"></script></head><body></body></html>"""
PLAIN_JS = """import { loadPyodide } from "./pyodide-npm/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("./pyodide-npm/", import.meta.url).href });
performance.mark("plain-loaded");
const [wheel, data] = await Promise.all([fetch("../scan/WHEEL").then((r) => r.arrayBuffer()),
                                         fetch("../scan/scan-data.json").then((r) => r.text())]);
pyodide.unpackArchive(wheel, "wheel");
const scanCore = pyodide.pyimport("scan_core");
scanCore.evaluate_json(data, "v1.CCCCCCC", undefined, "2026-11-23");
performance.mark("plain-ready");
document.body.dataset.ready = "1";
"""


class GzipHandler(SimpleHTTPRequestHandler):
    """Like a static host: gzip where it helps, keep-alive (HTTP/1.1), the scan's CSP on every file."""
    protocol_version = "HTTP/1.1"
    cache: dict = {}
    sent = None  # multiprocessing.Value: body bytes sent, counted at the server (page and worker alike)
    csp = ""
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".wasm": "application/wasm", ".json": "application/json", ".whl": "application/zip"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path in self.cache and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = self.cache[path]
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.count(len(body))
            return io.BytesIO(body)
        if path.is_file():
            self.count(path.stat().st_size)
        return super().send_head()

    def count(self, n: int) -> None:
        with self.sent.get_lock():
            self.sent.value += n

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def _serve_forever(site: Path, port, ready) -> None:
    # Compressed once, before the first request, so no run pays for gzip.
    GzipHandler.cache = {p: gzip.compress(p.read_bytes(), 6) for p in site.rglob("*")
                         if p.suffix in COMPRESSIBLE and p.is_file()}
    GzipHandler.csp = built_policy(site)
    server = Server(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    port.value = server.server_address[1]
    ready.set()
    server.serve_forever()


class ServerProcess:
    """The server in its own process: in the bench's process it waited on Playwright for the GIL
    and added 20-60 ms to each file (measured), which is not what a visitor of a real host sees."""

    def __init__(self, site: Path):
        GzipHandler.sent = multiprocessing.Value("q", 0)
        port, ready = multiprocessing.Value("i", 0), multiprocessing.Event()
        self.process = multiprocessing.Process(target=_serve_forever, args=(site, port, ready), daemon=True)
        self.process.start()
        ready.wait(120)
        self.url = f"http://127.0.0.1:{port.value}"

    @staticmethod
    def reset_bytes() -> None:
        GzipHandler.sent.value = 0

    @staticmethod
    def bytes_sent() -> int:
        return GzipHandler.sent.value

    def shutdown(self) -> None:
        self.process.terminate()


def serve(site: Path) -> tuple[ServerProcess, str]:
    server = ServerProcess(site)
    return server, server.url


def prepare_site(site: Path | None) -> Path:
    if site is None:
        site = Path(tempfile.mkdtemp(prefix="bench-site-"))
        build_test_site(site)
    bench = site / "bench"
    npm = bench / "pyodide-npm"
    npm.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES + ("python_stdlib.zip",):
        shutil.copyfile(ROOT / "node_modules" / "pyodide" / name, npm / name)
    (bench / "plain.html").write_text(PLAIN_HTML, encoding="utf-8")
    (bench / "blank.html").write_text(BLANK_HTML, encoding="utf-8")
    wheel = next((site / "scan").glob("scan_core-*.whl")).name
    (bench / "plain.mjs").write_text(PLAIN_JS.replace("WHEEL", wheel), encoding="utf-8")
    return site


def widget_sizes(site: Path) -> dict[str, int]:
    """Our JS and CSS as served: the two scripts, and the CSS inside index.html. The worker carries
    Pyodide's loader (pyodide.mjs), which is counted apart."""
    scan = site / "scan"
    html = (scan / "index.html").read_text(encoding="utf-8")
    parts = {p.name: p.read_bytes() for p in scan.glob("*.mjs")}
    parts["inline CSS"] = INLINE_STYLE.search(html).group(1).encode("utf-8")
    loader = (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").read_bytes()
    gz = lambda b: len(gzip.compress(b, 9))  # noqa: E731
    return {"files": len(parts),
            "raw": sum(len(b) for b in parts.values()),
            "gzip": sum(gz(b) for b in parts.values()),
            "loader_gzip": gz(loader),
            "html_gzip": gz(html.encode("utf-8"))}


class Run:
    """One cold page: a new context, CDP for network emulation and byte counts."""

    def __init__(self, browser, network=None):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        ServerProcess.reset_bytes()
        if network:
            cdp = self.context.new_cdp_session(self.page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", network)

    def mark(self, name: str, timeout_ms: int = 180_000) -> float:
        deadline = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < deadline:
            value = self.page.evaluate(
                "(n) => { const e = performance.getEntriesByName(n); return e.length ? e[0].startTime : null; }", name)
            if value is not None:
                return value
            time.sleep(0.02)
        raise TimeoutError(name)

    def close(self):
        self.context.close()


# The end of the next frame's main-thread work: a rAF (before style, layout and paint), then a
# message (after them).
AFTER_NEXT_FRAME = """const afterNextFrame = (then) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  });"""

FRAME_AFTER_CLICK = """() => {
  """ + AFTER_NEXT_FRAME + """
  window.addEventListener("click", (event) => {
    const start = event.timeStamp;
    window.__frameAfterClick = new Promise((done) => afterNextFrame(() => done(performance.now() - start)));
  }, { capture: true });
}"""


RESULT_FRAME = """() => {
  """ + AFTER_NEXT_FRAME + """
  const main = document.querySelector("main");
  window.__resultFrame = new Promise((done) => {
    const observer = new MutationObserver(() => {
      if (!main.dataset.result) return;
      observer.disconnect();
      afterNextFrame(() => done(performance.now()));
    });
    observer.observe(main, { attributes: true, attributeFilter: ["data-result"] });
  });
}"""


def bench_interaction(browser, url: str) -> dict[str, float]:
    run = Run(browser)
    page = run.page
    page.goto(f"{url}/scan/")
    page.wait_for_selector("[data-action=start]", state="visible")
    fcp = run.mark("first-contentful-paint")
    interactive = run.mark("scan-interactive")
    # In-page timing of the click handler: our code's share, without Playwright's round trip.
    click = ("(sel) => { const t = performance.now(); document.querySelector(sel).click();"
             " return performance.now() - t; }")
    start_click = page.evaluate(click, "[data-action=start]")
    worker = run.mark("scan-engine-loading")  # the engine starts with the scan, not on page view
    page.wait_for_selector("#view-tools:not([hidden])")
    usable = page.evaluate("performance.now()")
    dcl = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    # "On screen after a click": a real (trusted) click, from the input event's time stamp to the
    # end of the next frame's main-thread work (a rAF, then a message: after style, layout and
    # paint of the new question). Raster and draw follow within a few ms.
    page.evaluate(FRAME_AFTER_CLICK)
    per_question, per_question_rt = [], []
    for qid in ["tools", "data", "processes", "skills", "security", "ai", "strategy"]:
        page.check(f"#{qid}-C")
        t = time.perf_counter()
        page.click(f"#view-{qid} button[type=submit]")
        # Awaited in the page, no polling from here: polling would itself load the page.
        per_question.append(page.evaluate("() => window.__frameAfterClick"))
        per_question_rt.append((time.perf_counter() - t) * 1000)
        assert page.evaluate(f"document.querySelector('#view-{qid}').hidden"), f"{qid}: still on screen"
    page.wait_for_selector("#view-check:not([hidden])")
    page.wait_for_selector("main[data-engine=ready]", timeout=180_000)
    # In-page: from just before the click to the result's mark (the result is in the DOM; the
    # browser paints it in the next frame). No Playwright round trip in the figure.
    # Until the frame that shows it: when main gets data-result, a rAF, then a message (as above).
    page.evaluate(RESULT_FRAME)
    clicked = page.evaluate("() => { const t = performance.now(); document.querySelector('[data-action=result]').click(); return t; }")
    result_frame = page.evaluate("() => window.__resultFrame") - clicked  # awaited in the page
    shown = run.mark("scan-result-shown")
    result_ms = shown - clicked
    run.close()
    return {"dcl": dcl, "fcp": fcp, "interactive": interactive, "worker": worker, "start_usable": usable, "start_click": start_click,
            "question_frame": statistics.median(per_question), "question_roundtrip": statistics.median(per_question_rt),
            "result_after_click": result_ms, "result_frame": result_frame}


def start_page_paint(browser, url: str, path: str) -> tuple[float, float]:
    """(first contentful paint, scan-interactive or 0) of one cold load."""
    run = Run(browser)
    run.page.goto(url + path)
    fcp = run.mark("first-contentful-paint")
    interactive = run.mark("scan-interactive") if path == "/scan/" else 0.0
    run.close()
    return fcp, interactive


def quartiles(values: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(values, n=4)
    return q[0], statistics.median(values), q[2]


def bench_ready(browser, url: str, way: str, network=None) -> tuple[float, float, int]:
    """(ready ms, ms at which loadPyodide() alone resolved (plain only, else 0), bytes)."""
    run = Run(browser, network)
    loaded = 0.0
    if way == "ours":
        run.page.goto(f"{url}/scan/#v1.CCCCCCC")  # a share link starts the engine at once
        ms = run.mark("scan-engine-ready")
    else:
        run.page.goto(f"{url}/bench/plain.html")
        ms = run.mark("plain-ready")
        loaded = run.mark("plain-loaded")
    transferred = ServerProcess.bytes_sent()
    run.close()
    return ms, loaded, transferred


def start_page_only_bytes(browser, url: str, network=None, linger_ms: int = 3000) -> int:
    """Bytes a visit transfers that opens the start page, reads it for a while and leaves."""
    run = Run(browser, network)
    run.page.goto(f"{url}/scan/")
    run.mark("first-contentful-paint")
    run.page.wait_for_timeout(linger_ms)
    transferred = ServerProcess.bytes_sent()
    run.close()
    return transferred


def realistic_pace(browser, url: str, network, seconds_per_question: float = 3.0) -> dict[str, float]:
    """A person answering at about 3 s per question: is the engine ready before the last answer,
    and how long from "Bekijk je uitkomst" to the result's frame?"""
    run = Run(browser, network)
    page = run.page
    page.goto(f"{url}/scan/")
    page.wait_for_selector("[data-action=start]", state="visible")
    page.click("[data-action=start]")
    started = page.evaluate("performance.now()")
    for qid in ["tools", "data", "processes", "skills", "security", "ai", "strategy"]:
        page.wait_for_timeout(seconds_per_question * 1000)
        page.check(f"#{qid}-C")
        page.click(f"#view-{qid} button[type=submit]")
    last_answer = page.evaluate("performance.now()")
    page.wait_for_selector("#view-check:not([hidden])")
    page.wait_for_timeout(seconds_per_question * 1000)  # reading the check page
    page.evaluate(RESULT_FRAME)
    clicked = page.evaluate("() => { const t = performance.now(); document.querySelector('[data-action=result]').click(); return t; }")
    result_frame = page.evaluate("() => window.__resultFrame") - clicked
    ready = run.mark("scan-engine-ready")
    run.close()
    return {"ready_after_start": ready - started, "last_answer_after_start": last_answer - started,
            "result_frame": result_frame}


def median_interleaved(runs: int, variants: dict, fn) -> dict:
    """Alternate the variants run by run, so a busy machine slows them alike."""
    values = {name: [] for name in variants}
    for _ in range(runs):
        for name, arg in variants.items():
            values[name].append(fn(arg))
    return {name: tuple(statistics.median(v[i] for v in vals) for i in range(len(vals[0])))
            for name, vals in values.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path, help="a built site (default: build a test site in a temp dir)")
    parser.add_argument("--skip-network", action="store_true")
    parser.add_argument("--slow", action="store_true", help="also at 5 Mbit/s + 100 ms")
    parser.add_argument("--start-runs", type=int, default=25,
                        help="cold loads of the start page (and of a blank page, interleaved); first paint is noisy")
    args = parser.parse_args()

    site = prepare_site(args.site)
    server, url = serve(site)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sizes = widget_sizes(site)
        print(f"python zip: ours {RUNTIME_ZIP}.br {(site / 'scan' / (RUNTIME_ZIP + '.br')).stat().st_size:,} bytes, "
              f"plain python_stdlib.zip {(site / 'bench' / 'pyodide-npm' / 'python_stdlib.zip').stat().st_size:,} bytes")
        print(f"runs: {args.runs} (medians), cold cache: a new browser context per run")
        print(f"widget JS+CSS: {sizes['files']} parts, {sizes['raw']:,} bytes raw, {sizes['gzip']:,} bytes gzip, "
              f"of which Pyodide's loader in the worker {sizes['loader_gzip']:,}; index.html {sizes['html_gzip']:,} bytes gzip")

        paints = {"/scan/": [], "/bench/blank.html": []}
        for _ in range(args.start_runs):
            for path in paints:
                paints[path].append(start_page_paint(browser, url, path))
        ours_q = quartiles([fcp for fcp, _ in paints["/scan/"]])
        blank_q = quartiles([fcp for fcp, _ in paints["/bench/blank.html"]])
        works = statistics.median(i for _, i in paints["/scan/"])
        # Usable: the button is on screen and its handler is there, whichever comes last, per load.
        usable_q = quartiles([max(fcp, interactive) for fcp, interactive in paints["/scan/"]])
        print(f"start page, {args.start_runs} cold loads (ms after navigation): usable (painted and working) median "
              f"{usable_q[1]:.0f} (quartiles {usable_q[0]:.0f}-{usable_q[2]:.0f}); start button painted (FCP) median "
              f"{ours_q[1]:.0f} (quartiles {ours_q[0]:.0f}-{ours_q[2]:.0f}); button works (scan.mjs ran) {works:.0f}; "
              f"a blank page's FCP on this machine, same runs: {blank_q[1]:.0f} ({blank_q[0]:.0f}-{blank_q[2]:.0f})")

        results = [bench_interaction(browser, url) for _ in range(args.runs)]
        m = {k: statistics.median(r[k] for r in results) for k in results[0]}
        print(f"whole-scan runs: FCP {m['fcp']:.0f}; "
              f"button works (scan.mjs ran) {m['interactive']:.0f}; DOMContentLoaded {m['dcl']:.0f}; "
              f"worker started {m['worker']:.0f}; start click handled in {m['start_click']:.1f} ms; question 1 seen by Playwright at {m['start_usable']:.0f} (after navigation, with its polling)")
        print(f"next question: {m['question_frame']:.1f} ms from the click to its frame (in the page), "
              f"{m['question_roundtrip']:.0f} ms round trip from Playwright (median)")
        print(f"result after the last click, Pyodide ready: {m['result_frame']:.0f} ms until its frame "
              f"({m['result_after_click']:.0f} ms until it is in the DOM)")

        only = start_page_only_bytes(browser, url)
        print(f"a visit that only reads the start page (3 s): {only:,} bytes transferred (gzip as a static host)")
        if not args.skip_network:
            pace = realistic_pace(browser, url, NETWORK_20MBIT)
            print(f"at 20 Mbit/s + 40 ms, 3 s per question: engine ready {pace['ready_after_start']:.0f} ms after "
                  f"'Start de scan', last answer at {pace['last_answer_after_start']:.0f} ms "
                  f"({'ready before' if pace['ready_after_start'] < pace['last_answer_after_start'] else 'NOT ready at'} "
                  f"the last answer); result frame {pace['result_frame']:.0f} ms after 'Bekijk je uitkomst'")

        networks = [("localhost", None)] + ([] if args.skip_network else [("20 Mbit/s + 40 ms", NETWORK_20MBIT)])
        if args.slow:
            networks.append(("5 Mbit/s + 100 ms", NETWORK_5MBIT))
        variants = {way: way for way in ("ours", "plain")}
        for label, network in networks:
            medians = median_interleaved(args.runs, variants, lambda way: bench_ready(browser, url, way, network))
            (ours, _, ours_bytes), (plain, plain_loaded, plain_bytes) = medians["ours"], medians["plain"]
            print(f"Pyodide ready (loaded, scan_core imported, first result), {label}: "
                  f"ours (worker, brotli files) {ours:.0f} ms, {ours_bytes:,.0f} bytes; "
                  f"plain (loadPyodide() + wheel) {plain:.0f} ms, {plain_bytes:,.0f} bytes; ours/plain {ours / plain:.2f}; "
                  f"plain's loadPyodide() alone resolved at {plain_loaded:.0f} ms (ours/that {ours / plain_loaded:.2f})")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
