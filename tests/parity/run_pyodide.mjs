// Parity harness: run scan_core.evaluate_json inside Pyodide under Node, exactly as the browser
// worker does (widget/scan-worker.mjs): load Pyodide with the site's runtime.zip (bytecode of the
// stdlib modules in use and of scan_core), import scan_core, call evaluate_json
// with the scan data JSON string, the answers or code, the gemeente (undefined -> None) and today.
//
//   node tests/parity/run_pyodide.mjs RUNTIME_ZIP SCAN_DATA_JSON CASES_JSON OUT_JSON [MORE_SCAN_DATA_JSON ...]
//
// CASES_JSON: [{answers_or_code, gemeente, today, data?}]; `data` (default 0) picks the scan data:
// 0 is SCAN_DATA_JSON, 1 the first MORE_SCAN_DATA_JSON, and so on. OUT_JSON: the list of result
// strings, in order.
// Timings (load, per evaluation) go to stderr as one JSON line, for bench/bench_pyodide_scan.mjs.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const pyodideDir = resolve(process.env.PYODIDE_DIR || resolve(root, "node_modules", "pyodide"));

export async function bootScanCore(runtimeZip) {
  const t0 = performance.now();
  const { loadPyodide } = await import(pathToFileURL(resolve(pyodideDir, "pyodide.mjs")).href);
  const pyodide = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL: resolve(runtimeZip) });
  const tLoaded = performance.now();
  const scanCore = pyodide.pyimport("scan_core");
  const tReady = performance.now();
  return { pyodide, scanCore, loadMs: tLoaded - t0, readyMs: tReady - t0 };
}

export function runCases(scanCore, dataJsons, cases) {
  const out = [];
  const times = [];
  for (const c of cases) {
    const t = performance.now();
    // undefined becomes Python None (null would become jsnull), as in the worker.
    out.push(scanCore.evaluate_json(dataJsons[c.data ?? 0], c.answers_or_code, c.gemeente ?? undefined, c.today));
    times.push(performance.now() - t);
  }
  return { out, times };
}

async function main() {
  const [runtimeZip, dataPath, casesPath, outPath, ...moreData] = process.argv.slice(2);
  if (!outPath) {
    console.error("gebruik: node run_pyodide.mjs RUNTIME_ZIP SCAN_DATA_JSON CASES_JSON OUT_JSON [MORE_SCAN_DATA_JSON ...]");
    process.exit(2);
  }
  const { scanCore, loadMs, readyMs } = await bootScanCore(runtimeZip);
  const dataJsons = [dataPath, ...moreData].map((p) => readFileSync(p, "utf8"));
  const cases = JSON.parse(readFileSync(casesPath, "utf8"));
  const { out, times } = runCases(scanCore, dataJsons, cases);
  writeFileSync(outPath, JSON.stringify(out));
  const mean = times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  console.error(JSON.stringify({ load_ms: loadMs, ready_ms: readyMs, cases: times.length, mean_ms: mean }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
