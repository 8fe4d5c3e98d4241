// Loads Pyodide plainly (then the wheel) or from the snapshot, imports scan_core, scores once.
import { loadPyodide } from "../pyodide/pyodide.mjs";
const mode = new URL(self.location).searchParams.get("mode");
const t0 = performance.now();
let py;
if (mode === "snapshot") {
  const resp = await fetch("snapshot.bin.gz");
  const buf = await new Response(resp.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  py = await loadPyodide({ indexURL: "../pyodide/", _loadSnapshot: new Uint8Array(buf) });
} else {
  py = await loadPyodide({ indexURL: "../pyodide/" });
  const wheel = await (await fetch("scan_core.whl")).arrayBuffer();
  py.unpackArchive(new Uint8Array(wheel), "wheel");
}
const scan = py.pyimport("scan_core");
const data = await (await fetch("../scan/scan-data.json")).text();
const ok = scan.evaluate_json(data, "CCBCDCC", undefined, "2026-11-22").includes("funderen");
self.postMessage({ mode, ms: performance.now() - t0, ok });
