// scan_core in Pyodide under Node: load time and ms per evaluation after load.
//
//   make site     (or any build: it leaves runtime.zip in build/pyodide-runtime/ and writes site/scan/scan-data.json)
//   node bench/bench_pyodide_scan.mjs build/pyodide-runtime/runtime-<key>.zip site/scan/scan-data.json [ROUNDS]
//
// Each evaluation is what the browser worker does: evaluate_json(scan data JSON string, answers,
// gemeente, today), over all 792 answer multisets x 4 gemeenten. Target: < 5 ms per evaluation.
// Node's load time is not the browser's (no download, no worker): see bench/bench_widget.py for that.
import { readFileSync } from "node:fs";
import { bootScanCore, runCases } from "../tests/parity/run_pyodide.mjs";

const [runtimeZip, dataPath, roundsArg] = process.argv.slice(2);
if (!dataPath) {
  console.error("gebruik: node bench/bench_pyodide_scan.mjs RUNTIME_ZIP SCAN_DATA_JSON [ROUNDS]");
  process.exit(2);
}
const rounds = Number(roundsArg || 2);

function multisets(letters, k, start = 0, prefix = "") {
  if (k === 0) return [prefix];
  const out = [];
  for (let i = start; i < letters.length; i++) out.push(...multisets(letters, k - 1, i, prefix + letters[i]));
  return out;
}

const { pyodide, scanCore, loadMs, readyMs } = await bootScanCore(runtimeZip);
const dataJson = readFileSync(dataPath, "utf8");
const cases = [];
for (const answers of multisets("ABCDEF", 7)) {
  for (const gemeente of [undefined, "emmen", "assen", "hardenberg"]) {
    cases.push({ answers_or_code: answers, gemeente, today: "2026-11-22" });
  }
}
const first = runCases(scanCore, [dataJson], cases.slice(0, 1)).times[0];
runCases(scanCore, [dataJson], cases.slice(0, 50)); // warm up
let times = [];
const cpu0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) times = times.concat(runCases(scanCore, [dataJson], cases).times);
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const mean = times.reduce((a, b) => a + b, 0) / times.length;
const p95 = times[Math.min(times.length - 1, Math.floor(0.95 * times.length))];
const median = times[Math.floor(times.length / 2)];
const python = pyodide.runPython("import sys; sys.version.split()[0]");
console.log(`Pyodide ${pyodide.version} (Python ${python}) on Node ${process.version}; ${cases.length} cases x ${rounds} rounds; ` +
            `scan data ${Buffer.byteLength(dataJson)} bytes`);
console.log(`loadPyodide: ${loadMs.toFixed(0)} ms; + import scan_core: ${readyMs.toFixed(0)} ms`);
console.log(`first evaluation: ${first.toFixed(2)} ms`);
console.log(`evaluate_json after load: mean ${mean.toFixed(2)} ms, median ${median.toFixed(2)} ms, ` +
            `p95 ${p95.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms over ${times.length} evaluations (target < 5 ms)`);
// CPU time is steadier than wall time on a busy machine (includes Node's own GC threads).
console.log(`CPU time per evaluation: ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(2)} ms`);
