// Talks to the Pyodide worker. Python (scan_core) is the only place where the scan is scored.
// A blocked WebAssembly makes loadPyodide() hang without an error, so a watchdog turns
// "not ready in time after the last answer" into a failure the page can explain.

export class Engine {
  constructor({ workerUrl, dataUrl, watchdogMs, onState = () => {}, onLateReady = () => {} }) {
    this.onState = onState;
    this.onLateReady = onLateReady;
    this.timedOut = false;
    this.workerUrl = workerUrl;
    this.dataUrl = dataUrl;
    this.watchdogMs = watchdogMs;
    this.state = "idle"; // idle | loading | ready | failed
    this.failure = "";
    this.waiting = [];   // callbacks for ready/failed
    this.pending = new Map();
    this.nextId = 1;
    this.timer = null;
  }

  start() {
    if (this.state === "loading" || this.state === "ready") return;
    if (this.timedOut && this.worker) { this.retry(); return; } // still loading: no second download
    if (this.worker) this.worker.terminate();
    this.setState("loading");
    this.failure = "";
    try {
      this.worker = new Worker(this.workerUrl, { type: "module" });
    } catch (err) {
      this.fail(`De rekenmodule kon niet starten (${err && err.message})`);
      return;
    }
    this.worker.addEventListener("message", (event) => this.onMessage(event.data));
    this.worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.fail(`De rekenmodule gaf een fout (${event.message || "onbekend"})`);
    });
    this.worker.postMessage({ type: "init", dataUrl: this.dataUrl });
  }

  setState(state) {
    this.state = state;
    this.onState(state);
  }

  // Called at the last answer: from now on we wait at most watchdogMs for the worker.
  armWatchdog() {
    if (this.state === "ready" || this.state === "failed" || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.state !== "ready") {
        // Keep the worker: on a slow line it may still finish, and then the page can offer the result.
        this.fail("De rekenmodule was niet op tijd klaar");
        this.timedOut = true;
      }
    }, this.watchdogMs);
  }

  retry() {
    if (this.timedOut && this.worker) {
      // Still loading after the watchdog: give it another period instead of starting over.
      this.timedOut = false;
      this.setState("loading");
      this.armWatchdog();
      return;
    }
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.setState("idle");
    this.start();
  }

  onMessage(msg) {
    if (msg.type === "ready") {
      const late = this.timedOut;
      this.timedOut = false;
      this.setState("ready");
      clearTimeout(this.timer);
      this.timer = null;
      this.flush();
      if (late) this.onLateReady();
    } else if (msg.type === "failed") {
      this.timedOut = false;
      this.fail(msg.message);
    } else if (msg.type === "result" || msg.type === "error") {
      const call = this.pending.get(msg.id);
      if (!call) return;
      this.pending.delete(msg.id);
      if (msg.type === "result") call.resolve(msg.json);
      else call.reject(new Error(msg.message));
    }
  }

  fail(message) {
    if (this.state === "failed") return;
    this.timedOut = false;
    this.failure = message;
    this.setState("failed");
    clearTimeout(this.timer);
    this.timer = null;
    console.warn(`Drenthe Digitaal scan: ${message}`);
    for (const call of this.pending.values()) call.reject(new Error(message));
    this.pending.clear();
    this.flush();
  }

  flush() {
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((callback) => callback());
  }

  whenSettled() {
    if (this.state === "ready" || this.state === "failed") return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  // Resolves with scan_core's result (an object); rejects with a Dutch message.
  evaluate(code, gemeente, today) {
    return this.ask({ type: "evaluate", code, gemeente, today });
  }

  // scan_core.compare_json: an earlier code (and its date, if known) beside the current code.
  compare(earlier, earlierDate, code, today) {
    return this.ask({ type: "compare", earlier, earlierDate, code, today });
  }

  async ask(message) {
    this.start();
    this.armWatchdog();
    // Ready: the message goes out now, not after an await, so the worker computes while the
    // page switches to the result step.
    if (this.state !== "ready") await this.whenSettled();
    if (this.state === "failed") throw new Error(this.failure);
    const id = this.nextId++;
    const json = await new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
    const result = JSON.parse(json);
    if (result && result.error) throw new Error(result.error);
    return result;
  }
}
