"""Measuring tools from npm (Lighthouse, Pagefind) for the benches: installed once into the user's
cache, never into the project's node_modules (the site and the tests do not need them)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


def cached_npm_binary(package: str, version: str, timeout: int = 600) -> Path:
    """The package's binary in ~/.cache/drenthe-digitaal/<package>-<version>, installed on first use."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drenthe-digitaal"
    prefix = cache / f"{package}-{version}"
    binary = prefix / "node_modules" / ".bin" / package
    if not binary.exists():
        print(f"{package} {version} installeren in {prefix} (eenmalig) …", flush=True)
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--loglevel=error",
                        f"{package}@{version}"], check=True, timeout=timeout)
    return binary
