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


# Parts of the standard library the scan never uses (measured: about a third of the zip).
# Kept on purpose: concurrent (asyncio imports it at start), encodings.cp437 (zipfile),
# html and json (scan_core may escape text for SVG), urllib (pyodide's own modules).
STDLIB_DROP_PREFIXES = (
    "multiprocessing/", "_pyrepl/", "unittest/", "email/", "xml/", "xmlrpc/", "http/", "wsgiref/",
    "sqlite3/", "tomllib/", "__phello__/", "pdb.py", "bdb.py", "doctest.py", "pydoc.py", "mailbox.py",
    "imaplib.py", "smtplib.py", "poplib.py", "ftplib.py", "pickletools.py", "tarfile.py", "lzma.py",
    "bz2.py", "cProfile.py", "profile.py", "pstats.py", "trace.py", "tracemalloc.py", "timeit.py",
    "turtle.py", "antigravity.py", "this.py", "__hello__.py", "webbrowser.py", "mimetypes.py",
    "plistlib.py", "netrc.py", "optparse.py", "getopt.py", "zipapp.py", "tabnanny.py", "pyclbr.py",
    "modulefinder.py", "symtable.py", "compileall.py", "py_compile.py", "shelve.py", "wave.py",
    "sched.py", "mailcap.py", "quopri.py", "filecmp.py", "fileinput.py", "pty.py", "tty.py",
)
ENCODINGS_KEEP = {
    "__init__.py", "aliases.py", "ascii.py", "charmap.py", "cp437.py", "cp1252.py", "latin_1.py",
    "raw_unicode_escape.py", "unicode_escape.py", "utf_8.py", "utf_8_sig.py", "utf_16.py",
    "utf_16_be.py", "utf_16_le.py", "utf_32.py", "utf_32_be.py", "utf_32_le.py",
}


def keep_in_stdlib(name: str) -> bool:
    if name.startswith("encodings/") and name != "encodings/":
        return name.removeprefix("encodings/") in ENCODINGS_KEEP
    return not name.startswith(STDLIB_DROP_PREFIXES)


def trim_stdlib(zip_path: Path) -> int:
    """Rewrite python_stdlib.zip without the parts above; return the new size in bytes."""
    import zipfile

    trimmed = zip_path.with_suffix(".trimmed")
    with zipfile.ZipFile(zip_path) as source, zipfile.ZipFile(trimmed, "w") as target:
        for info in source.infolist():
            if keep_in_stdlib(info.filename):
                target.writestr(info, source.read(info), compress_type=info.compress_type, compresslevel=9)
    trimmed.replace(zip_path)
    return zip_path.stat().st_size
