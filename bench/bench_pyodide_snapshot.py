#!/usr/bin/env python3
"""Pyodide memory snapshot vs a plain loadPyodide() + wheel, in headless Chromium (cold cache).

    .venv/bin/python bench/bench_pyodide_snapshot.py [--runs 2]     (after `make site`)

Not used by the site: the site loads runtime.zip.br (bytecode) instead, see bench_widget.py. Kept
to show why: the snapshot adds 4-6 MB of gzip, which loses on a 20 Mbit/s line. The
snapshot is made with Node (bench/snapshot/make_snapshot.mjs) and served gzipped; the worker
unzips it with DecompressionStream, so it does not depend on the host compressing it.
Prints ms from worker start to the first scan result, per network profile, and the bytes.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitegen.serve import start_server  # noqa: E402

NETWORKS = {"localhost": None, "20 Mbit/s + 40 ms": (20e6 / 8, 40)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        # The site ships brotli files and runtime.zip.br instead; plain Pyodide (and the snapshot
        # maker) need the npm package as it comes.
        for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json", "python_stdlib.zip"):
            shutil.copy(ROOT / "node_modules" / "pyodide" / name, site / "pyodide")
        bench = site / "bench"
        shutil.copytree(ROOT / "bench" / "snapshot", bench)
        wheel = next((site / "scan").glob("scan_core-*.whl"))
        shutil.copy(wheel, bench / "scan_core.whl")
        (bench / "index.html").write_text('<!doctype html><title>-</title><script type="module" src="page.mjs"></script>')
        made = subprocess.run(["node", str(bench / "make_snapshot.mjs"), str(site / "pyodide"), str(wheel),
                               str(bench / "snapshot.bin.gz")], capture_output=True, text=True, check=True)
        sizes = json.loads(made.stdout.strip().splitlines()[-1])
        print(f"snapshot: {sizes['raw'] / 1e6:.1f} MB, gzip {sizes['gzip'] / 1e6:.1f} MB")
        server, url = start_server(site, use_headers_file=False)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for name, net in NETWORKS.items():
                times: dict[str, list[float]] = {"plain": [], "snapshot": []}
                for _ in range(args.runs):
                    for mode in times:
                        context = browser.new_context()
                        page = context.new_page()
                        if net:
                            cdp = context.new_cdp_session(page)
                            cdp.send("Network.enable")
                            cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": net[1],
                                     "downloadThroughput": net[0], "uploadThroughput": net[0]})
                        page.goto(f"{url}/bench/index.html?mode={mode}")
                        page.wait_for_function("document.title.startsWith('{') || document.title.startsWith('error')",
                                               timeout=180_000)
                        result = json.loads(page.title())
                        assert result["ok"], result
                        times[mode].append(result["ms"])
                        context.close()
                print(f"{name:>20}: plain {statistics.median(times['plain']):7.0f} ms, "
                      f"snapshot {statistics.median(times['snapshot']):7.0f} ms "
                      f"(runs: {[round(t) for t in times['plain']]} / {[round(t) for t in times['snapshot']]})")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
