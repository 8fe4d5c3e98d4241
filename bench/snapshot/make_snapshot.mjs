// Make a Pyodide memory snapshot with scan_core imported (private, young API: _makeSnapshot).
// Usage: node bench/snapshot/make_snapshot.mjs <pyodide dir> <wheel> <out.bin.gz>
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel, out] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ _makeSnapshot: true });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
py.pyimport("scan_core");
const snapshot = py.makeMemorySnapshot();
const gz = gzipSync(snapshot, { level: 9 });
writeFileSync(out, gz);
console.log(JSON.stringify({ raw: snapshot.length, gzip: gz.length }));
