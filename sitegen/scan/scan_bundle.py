"""Everything under site/scan/ and site/pyodide/ that the scan needs, in one place.

Used by the site build and by the browser tests, so both serve the very same files: the scan
data, the scan_core wheel (the package, for the command line and as the source of the runtime),
runtime.zip (what the browser loads), the Pyodide runtime files and the scan page.
"""
from __future__ import annotations

from pathlib import Path

from sitegen.scan.pyodide_assets import BROTLI, RUNTIME_ZIP, brotli_compress, build_runtime_zip, copy_pyodide
from sitegen.scan.scan_data import dumps
from sitegen.scan.scan_page import write_scan_page
from sitegen.paths import ROOT
from sitegen.scan.wheel import PACKAGE, build_wheel


def write_scan_bundle(site_dir: Path, scan_data: dict, node_modules: Path = ROOT / "node_modules",
                      package_dir: Path = ROOT / PACKAGE, cache_dir: Path | None = ROOT / "build" / "pyodide-runtime") -> str:
    """Write the scan's files into site_dir; return the line the build report prints."""
    scan_dir = site_dir / "scan"
    scan_dir.mkdir(parents=True, exist_ok=True)
    data_file = scan_dir / "scan-data.json"
    data_file.write_text(dumps(scan_data), encoding="utf-8")
    wheel = build_wheel(scan_dir, package_dir=package_dir)
    copy_pyodide(node_modules, site_dir, cache_dir)
    runtime_zip = scan_dir / RUNTIME_ZIP
    runtime = build_runtime_zip(node_modules, wheel, data_file, runtime_zip, cache_dir=cache_dir)
    packed = brotli_compress(runtime_zip, scan_dir / (RUNTIME_ZIP + BROTLI), cache_dir)
    runtime_zip.unlink()  # the browser only fetches the brotli file
    write_scan_page(site_dir, scan_data, node_modules)
    cached = ", uit de cache" if runtime.get("cached") else ""
    return (f"scan: gegevens, {wheel.name} ({wheel.stat().st_size // 1024} KB), "
            f"{RUNTIME_ZIP}{BROTLI} ({packed['brotli'] // 1024} KB{cached}) en Pyodide klaargezet")
