"""scan_core's wheel, built by its own PEP 517 backend (hatchling, see scan_core/pyproject.toml).

The frontend is pyproject_hooks (PyPA's, what `build` and pip use inside): it calls the backend's
build_wheel hook in a subprocess, with no build isolation: the backend is the one in
requirements.lock, so nothing is downloaded and every build uses the same one. (`pip wheel` does
the same but took 8 s more per build on the busy 2-core machine.) SOURCE_DATE_EPOCH
fixes the times inside the zip, so the same source gives the same bytes: runtime.zip's cache is
keyed on them, and a new key costs about 70 s of build.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import tomllib
from pathlib import Path

from pyproject_hooks import BuildBackendHookCaller, quiet_subprocess_runner

from sitegen.errors import ScanAssetsError
from sitegen.paths import ROOT

PACKAGE = "scan_core"
SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01 00:00 UTC, the time the hand-made wheel had


def _runner(cmd, cwd=None, extra_environ=None):
    """The hook's subprocess, quiet, with SOURCE_DATE_EPOCH for the backend."""
    quiet_subprocess_runner(cmd, cwd=cwd, extra_environ={**(extra_environ or {}), "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def build_wheel(out_dir: Path, package_dir: Path = ROOT / PACKAGE) -> Path:
    """Write scan_core-<version>-py3-none-any.whl into out_dir and return its path."""
    config = package_dir / "pyproject.toml"
    if not config.is_file():
        raise ScanAssetsError(f"{config} ontbreekt: zonder dat bestand kan de wheel van scan_core niet gebouwd "
                              "worden. Haal het terug uit git.")
    backend = tomllib.loads(config.read_text(encoding="utf-8"))["build-system"]["build-backend"]
    hooks = BuildBackendHookCaller(str(package_dir), backend, runner=_runner, python_executable=sys.executable)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            name = hooks.build_wheel(tmp)
        except Exception as exc:  # noqa: BLE001 - any backend failure becomes the Dutch message below
            detail = getattr(exc, "output", b"") or b""
            raise ScanAssetsError(f"De wheel van scan_core kon niet gebouwd worden met {backend} ({exc}). Draai "
                                  "`make setup`: dat installeert de bouwhulp uit requirements.lock.\n"
                                  + detail.decode(errors="replace")[-2000:]) from exc
        target = out_dir / name
        shutil.move(Path(tmp) / name, target)
    return target
