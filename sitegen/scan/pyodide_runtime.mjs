// Build the scan's Python runtime zip: the standard-library modules that Pyodide and scan_core
// really import, plus scan_core itself, all as bytecode made by Pyodide's own Python.
//
//   node sitegen/scan/pyodide_runtime.mjs PYODIDE_DIR WHEEL SCAN_DATA_JSON OUT_ZIP
//
// Why (measured, bench/bench_widget.py): Pyodide's python_stdlib.zip holds .py sources only, so
// every start compiles about 200 modules in WebAssembly. Bytecode of just those modules is half
// the bytes and starts in a third of the time. The worker passes this zip as loadPyodide's
// stdLibURL. Run by sitegen/scan/pyodide_assets.py; prints one JSON line with counts and sizes.
import { readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [pyodideDir, wheelPath, dataPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error("gebruik: node sitegen/scan/pyodide_runtime.mjs PYODIDE_DIR WHEEL SCAN_DATA_JSON OUT_ZIP");
  process.exit(2);
}
const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
const dataJson = readFileSync(dataPath, "utf8");

// What the browser may ask: every phase, a gemeente, a date, and the error paths (bad code, bad
// gemeente, bad date, broken data). Their imports decide what goes into the zip; the parity test
// (tests/parity) then runs 1,800 cases against the zip to prove nothing is missing.
const WORKLOAD = [
  ["AAAAAAA"], ["BBBBBBB"], ["CCDDBAE"], ["DDDDDDD"], ["EEEEEEE"], ["FFFFFFF"], ["ABCDEFA"],
  ["v1.CCDDBAE.emmen"], ["CCDDBAE", "hardenberg"], ["CCDDBAE", "atlantis"], ["v2.XYZ"], [""],
  ["CCDDBAE", undefined, "2026-13-01"], ["CCDDBAE", undefined, ""], ["CCDDBAE", undefined, undefined, "{kapot"],
];

function evaluateAll(scanCore) {
  return WORKLOAD.map(([code, gemeente, today = "2026-11-22", data = dataJson]) =>
    scanCore.evaluate_json(data, code, gemeente, today));
}

const source = await loadPyodide({ indexURL: resolve(pyodideDir) + "/" });
source.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: "/tmp/wheel" });
source.runPython("import sys; sys.path.insert(0, '/tmp/wheel')");
const expected = evaluateAll(source.pyimport("scan_core"));

const summary = source.runPython(`
import sys

# Read sys.modules before this build code imports anything of its own.
stdlib_zip = f"/lib/python{sys.version_info.major}{sys.version_info.minor}.zip"
prefix = stdlib_zip + "/"
# Left out: frozen modules (os, site, codecs, importlib._bootstrap, ...) are compiled into the
# wasm and never read from the zip; and modules that asyncio, zipfile and shutil import inside
# try/except ImportError (TLS, bz2, lzma, zstd), which the scan never uses. 170 KB less.
OPTIONAL = ("ssl", "_ssl", "bz2", "lzma", "compression")
def wanted(m):
    name = getattr(m, "__name__", "")
    frozen = getattr(getattr(m, "__spec__", None), "origin", None) == "frozen"
    return not frozen and name.split(".")[0] not in OPTIONAL
used = sorted({m.__file__[len(prefix):] for m in list(sys.modules.values())
               if (getattr(m, "__file__", None) or "").startswith(prefix) and wanted(m)})
ours = sorted({m.__file__[len("/tmp/wheel/"):] for m in list(sys.modules.values())
               if (getattr(m, "__file__", None) or "").startswith("/tmp/wheel/scan_core/")})

import importlib.util, json, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def pyc(source_bytes, name, optimize):
    code = compile(source_bytes, prefix + name, "exec", dont_inherit=True, optimize=optimize)
    # Unchecked hash-based .pyc: valid without its source, and the same bytes on every build.
    return _code_to_hash_pyc(code, importlib.util.source_hash(source_bytes), checked=False)

entries = []
with zipfile.ZipFile(stdlib_zip) as stdlib:
    # optimize=2 leaves out docstrings and asserts, as python -OO does: 15 % fewer bytes.
    entries += [(name + "c", pyc(stdlib.read(name), name, 2)) for name in used if name.endswith(".py")]
# scan_core keeps its docstrings and asserts: it is ours, and small.
entries += [(name + "c", pyc(open("/tmp/wheel/" + name, "rb").read(), name, 0)) for name in ours]

# Stored, not deflated: the site serves the zip brotli-compressed as a whole (sitegen/scan/brotli.mjs),
# which packs 0.3 MB tighter than deflate per file, and zipimport then reads without inflating.
with zipfile.ZipFile("/tmp/runtime.zip", "w", zipfile.ZIP_STORED) as out:
    for name, data in sorted(entries):
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        out.writestr(info, data)
json.dumps({"stdlib_modules": len(used), "scan_core_modules": len(ours)})
`);
const zipBytes = source.FS.readFile("/tmp/runtime.zip");

// Self-check: a fresh Pyodide on the new zip alone (no wheel) must give the same results.
const checkPath = outPath + ".check";
writeFileSync(checkPath, zipBytes);
const check = await loadPyodide({ indexURL: resolve(pyodideDir) + "/", stdLibURL: checkPath });
const got = evaluateAll(check.pyimport("scan_core"));
unlinkSync(checkPath);
const differs = got.findIndex((g, i) => g !== expected[i]);
if (differs >= 0) {
  console.error(`De Python-runtime voor de scan geeft een ander resultaat dan de bron bij geval ${differs}: ` +
    `${JSON.stringify(WORKLOAD[differs])}. Meld dit als fout; de site is niet gebouwd.`);
  process.exit(1);
}
writeFileSync(outPath, zipBytes);
console.log(JSON.stringify({ ...JSON.parse(summary), bytes: zipBytes.length }));
