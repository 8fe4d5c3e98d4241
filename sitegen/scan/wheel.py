"""Build scan_core as a pure-Python wheel with the standard library only.

Why not `pip wheel` / `build`: they need network or extra packages, and a pure-Python wheel is
just a zip with three metadata files. Fixed timestamps make the wheel byte-identical per source.
"""
from __future__ import annotations

import base64
import hashlib
import re
import zipfile
from pathlib import Path

from sitegen.paths import ROOT

PACKAGE = "scan_core"
_EPOCH = (2026, 1, 1, 0, 0, 0)


def scan_core_version(package_dir: Path = ROOT / PACKAGE) -> str:
    text = (package_dir / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    return match.group(1) if match else "0.0.0"


def wheel_filename(version: str) -> str:
    return f"{PACKAGE}-{version}-py3-none-any.whl"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(out_dir: Path, package_dir: Path = ROOT / PACKAGE) -> Path:
    """Write the wheel into out_dir and return its path."""
    version = scan_core_version(package_dir)
    dist_info = f"{PACKAGE}-{version}.dist-info"
    files: list[tuple[str, bytes]] = []
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        files.append((f"{PACKAGE}/{path.relative_to(package_dir).as_posix()}", path.read_bytes()))
    metadata = (f"Metadata-Version: 2.1\nName: {PACKAGE}\nVersion: {version}\n"
                "Summary: Zelfscan digitale volwassenheid mkb Drenthe (alleen standaardbibliotheek)\n"
                "Requires-Python: >=3.11\n").encode()
    wheel_meta = b"Wheel-Version: 1.0\nGenerator: sitegen.scan.wheel\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    files += [(f"{dist_info}/METADATA", metadata), (f"{dist_info}/WHEEL", wheel_meta)]
    record = "\n".join([_record_line(n, d) for n, d in files] + [f"{dist_info}/RECORD,,", ""]).encode()
    files.append((f"{dist_info}/RECORD", record))

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_filename(version)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return target
