"""Pyodide for the scan, self-hosted (no CDN): the runtime files and our Python runtime zip.

copy_pyodide puts only what the worker fetches into site/pyodide/: pyodide.asm.mjs, the lock
file (without its package list) and the wasm as pyodide.asm.wasm.br. The loader (pyodide.mjs) is
bundled into the worker; the npm package's source maps, console pages, type definitions and its
python_stdlib.zip stay behind. In place of that zip the scan loads runtime.zip.br (see
pyodide_runtime.mjs): bytecode of only the modules it uses, and scan_core itself.

Why brotli files: static hosts (GitHub Pages) only gzip. Brotli at its highest setting saves
1.1 MB on these two files; the worker decodes them with brotli-dec-wasm (npm, 97 KB gzip). The
compression takes about 40 s, so results are cached in build/pyodide-runtime/.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from sitegen.errors import ScanAssetsError

HERE = Path(__file__).resolve().parent
RUNTIME_SCRIPT = HERE / "pyodide_runtime.mjs"
BROTLI_SCRIPT = HERE / "brotli.mjs"
RUNTIME_ZIP = "runtime.zip"
BROTLI = ".br"
WASM = "pyodide.asm.wasm"
# What the worker fetches from site/pyodide/.
SITE_PYODIDE_FILES = ("pyodide.asm.mjs", "pyodide-lock.json", WASM + BROTLI)
# The decoder's wasm, from the npm package brotli-dec-wasm, beside the worker in site/scan/.
DECODER_SOURCE = Path("brotli-dec-wasm") / "pkg" / "brotli_dec_wasm_bg.wasm"
DECODER_WASM = "brotli-dec.wasm"

RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "pyodide-lock.json",
)


def _source_dir(node_modules: Path, needed: tuple[str, ...]) -> Path:
    source = node_modules / "pyodide"
    missing = [name for name in needed if not (source / name).is_file()]
    if missing:
        raise ScanAssetsError(
            f"Pyodide ontbreekt in {source} (niet gevonden: {', '.join(missing)}). "
            "Draai eerst npm ci in de map van het project; dat zet de vastgelegde versie van Pyodide klaar."
        )
    return source


def copy_pyodide(node_modules: Path, site_dir: Path, cache_dir: Path | None = None) -> Path:
    """Write the runtime files the worker fetches to site_dir/pyodide/ and return that directory."""
    source = _source_dir(node_modules, RUNTIME_FILES)
    target = site_dir / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / "pyodide.asm.mjs", target / "pyodide.asm.mjs")
    _write_empty_lock(source / "pyodide-lock.json", target / "pyodide-lock.json")
    brotli_compress(source / WASM, target / (WASM + BROTLI), cache_dir)
    decoder = node_modules / DECODER_SOURCE
    if not decoder.is_file():
        raise ScanAssetsError(f"De brotli-decoder ontbreekt ({decoder}). Draai eerst npm ci in de map van het project.")
    shutil.copyfile(decoder, site_dir / "scan" / DECODER_WASM)
    return target


def _node() -> str:
    node = shutil.which("node")
    if not node:
        raise ScanAssetsError("Node.js ontbreekt; dat is nodig om de Python-runtime van de scan te maken. "
                             "Installeer Node.js 18 of nieuwer (zie README).")
    return node


def brotli_compress(source: Path, target: Path, cache_dir: Path | None = None) -> dict:
    """Write source as brotli to target (sitegen/scan/brotli.mjs), cached on the bytes of both."""
    key = hashlib.sha256(source.read_bytes() + BROTLI_SCRIPT.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"{source.name}-{key}{BROTLI}" if cache_dir else None
    if cached and cached.is_file():
        shutil.copyfile(cached, target)
        return {"brotli": target.stat().st_size, "cached": True}
    proc = subprocess.run([_node(), str(BROTLI_SCRIPT), str(source), str(target)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise ScanAssetsError(f"{source.name} kon niet met brotli ingepakt worden:\n{proc.stderr.strip()[-2000:]}")
    _keep(target, cached)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _write_empty_lock(source: Path, target: Path) -> None:
    """The lock file lists the 357 packages of the Pyodide distribution; the scan loads none of
    them. loadPyodide() still fetches and parses it, so ship only its "info" (27 KB gzip less)."""
    lock = json.loads(source.read_text(encoding="utf-8"))
    target.write_text(json.dumps({"info": lock["info"], "packages": {}}, indent=1) + "\n", encoding="utf-8")


def build_runtime_zip(node_modules: Path, wheel: Path, scan_data_json: Path, out: Path,
                      cache_dir: Path | None = None) -> dict:
    """Write runtime.zip to out (Pyodide in Node, a few seconds); return its counts and size.

    The zip depends on Pyodide, the wheel and the script, not on the data (the data only chooses
    which code paths the script walks), so it is cached on those in cache_dir.
    """
    source = _source_dir(node_modules, RUNTIME_FILES + ("python_stdlib.zip", "package.json"))
    key = hashlib.sha256()
    for part in (source / "package.json", source / "python_stdlib.zip", wheel, RUNTIME_SCRIPT):
        key.update(part.read_bytes())
    cached = cache_dir / f"runtime-{key.hexdigest()[:16]}.zip" if cache_dir else None
    if cached and cached.is_file():
        shutil.copyfile(cached, out)
        return {"bytes": out.stat().st_size, "cached": True}
    proc = subprocess.run([_node(), str(RUNTIME_SCRIPT), str(source), str(wheel), str(scan_data_json), str(out)],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise ScanAssetsError(f"De Python-runtime van de scan kon niet gemaakt worden:\n{proc.stderr.strip()[-2000:]}")
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    _keep(out, cached)
    return summary


def _keep(made: Path, cached: Path | None) -> None:
    """Copy a slow result into the cache; a build that stops halfway leaves no half file there."""
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        shutil.copyfile(made, partial)
        partial.replace(cached)
