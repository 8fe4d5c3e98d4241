"""Copy the Pyodide runtime from node_modules into site/pyodide/ (self-hosted: no CDN).

Only the files a module worker needs for a pure-Python wheel; the npm package's source maps,
UMD loader, console pages and type definitions stay behind.
"""
from __future__ import annotations

import shutil
from pathlib import Path

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)


class PyodideMissing(RuntimeError):
    pass


def copy_pyodide(node_modules: Path, site_dir: Path) -> Path:
    """Copy the runtime files to site_dir/pyodide/ and return that directory."""
    source = node_modules / "pyodide"
    missing = [name for name in RUNTIME_FILES if not (source / name).is_file()]
    if missing:
        raise PyodideMissing(
            f"Pyodide ontbreekt in {source} (niet gevonden: {', '.join(missing)}). "
            "Draai eerst npm ci in de map van het project; dat zet de vastgelegde versie van Pyodide klaar."
        )
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        shutil.copyfile(source / name, target / name)
    return target
