// Module worker: loads the self-hosted Pyodide with our runtime.zip and scores answers with scan_core.
// runtime.zip (built by sitegen/scan/pyodide_runtime.mjs) is bytecode of the standard-library modules
// Pyodide and scan_core use, plus scan_core itself: no wheel to unpack, no source to compile.
// Pyodide and the scan data are fetched at once, in parallel. Ready means: loaded, scan_core
// imported and one result computed, so WebAssembly has compiled the scoring code before the
// visitor's last click (the browser compiles a function the first time it runs).
import { loadPyodide } from "pyodide/pyodide.mjs"; // bundled in: one request less before the downloads start
import { brotliFetch } from "./lib/brotli-fetch.mjs";

const indexURL = new URL("../pyodide/", import.meta.url).href;
const runtimeURL = new URL("runtime.zip", import.meta.url).href;
const decoderURL = new URL("brotli-dec.wasm", import.meta.url).href;
// A broken download makes Pyodide log a warning and wait forever (its wasm step has no error
// path); the decoder notices, so the page can show the fallback at once instead of at the watchdog.
let reportBroken;
const broken = new Promise((_, reject) => { reportBroken = reject; });
self.fetch = brotliFetch(self.fetch.bind(self), [`${indexURL}pyodide.asm.wasm`, runtimeURL], decoderURL,
                         (err) => reportBroken(err));
let ready = null;
const WARM_UP_CODE = "v1.CCCCCCC"; // any valid answer code; its result is thrown away

function fetchOk(url, kind) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${kind} niet gevonden (${response.status})`);
    return response;
  });
}

async function boot(dataUrl, pyodidePromise) {
  const [pyodide, data] = await Promise.all([
    pyodidePromise,
    fetchOk(dataUrl, "Scangegevens").then((r) => r.text()),
  ]);
  const scanCore = pyodide.pyimport("scan_core");
  scanCore.evaluate_json(data, WARM_UP_CODE, undefined, new Date().toISOString().slice(0, 10));
  return { scanCore, data };
}

// A CSP without 'wasm-unsafe-eval' makes loadPyodide() hang silently; compiling the smallest
// valid module first turns that into an error at once (the page's watchdog covers the rest).
function webAssemblyProblem() {
  if (typeof WebAssembly !== "object") return "deze browser kan geen WebAssembly uitvoeren";
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return null;
  } catch (_) {
    return "WebAssembly is geblokkeerd door de browser of door instellingen van je organisatie";
  }
}

const problem = webAssemblyProblem();
const pyodidePromise = problem ? Promise.reject(new Error(problem))
  : Promise.race([loadPyodide({ indexURL, stdLibURL: runtimeURL }), broken]);
pyodidePromise.catch(() => {}); // reported through boot()

self.addEventListener("message", async (event) => {
  const msg = event.data;
  if (msg.type === "init" && !ready) {
    ready = boot(msg.dataUrl, pyodidePromise);
    ready.then(
      () => self.postMessage({ type: "ready" }),
      (err) => self.postMessage({ type: "failed", message: `De rekenmodule kon niet laden: ${err.message}` }),
    );
  } else if (msg.type === "compare") {
    try {
      const { scanCore, data } = await ready;
      const json = scanCore.compare_json(data, msg.earlier, msg.earlierDate || undefined, msg.code, msg.today);
      self.postMessage({ type: "result", id: msg.id, json });
    } catch (err) {
      self.postMessage({ type: "error", id: msg.id, message: `Er ging iets mis bij het vergelijken: ${err.message}` });
    }
  } else if (msg.type === "evaluate") {
    try {
      const { scanCore, data } = await ready;
      // undefined becomes Python None (null would become jsnull).
      const json = scanCore.evaluate_json(data, msg.code, msg.gemeente || undefined, msg.today);
      self.postMessage({ type: "result", id: msg.id, json });
    } catch (err) {
      self.postMessage({ type: "error", id: msg.id, message: `Er ging iets mis bij het berekenen: ${err.message}` });
    }
  }
});
