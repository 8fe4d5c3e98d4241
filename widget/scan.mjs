// The scan page: start, 7 question pages, check your answers, result (or the fallback).
// Questions come from the page's own HTML and JSON, so they work before Pyodide is loaded.
import { $ } from "./lib/dom.mjs";
import { Answers, fragmentText, parseCode } from "./lib/answers.mjs";
import { Engine } from "./lib/engine.mjs";
import { setHeadingLevel, showView } from "./lib/views.mjs";
import { applyTheme, headingLevel, linksLeaveTheFrame, reportHeight } from "./lib/embedding.mjs";
import { chosenLetter, clearError, fillQuestion, showError, wireErrorLinks } from "./lib/question.mjs";
import { renderCheck, renderFallback } from "./lib/summary.mjs";
import { renderResult } from "./lib/result.mjs";
import { copyLink, downloadJson, shareUrl } from "./lib/actions.mjs";
import { copyText, renderHandoff } from "./lib/handoff.mjs";
import { printCard, renderCard } from "./lib/card.mjs";
import { earlierFromLink, readFile, renderComparison } from "./lib/compare.mjs";

const data = JSON.parse($("#scan-page-data").textContent);
const main = $("#inhoud");
const ids = data.questions.map((q) => q.id);
const answers = new Answers(ids);
const params = new URLSearchParams(location.search);
const appliedTheme = applyTheme(params); // only these go into the share link
const level = headingLevel(params);
setHeadingLevel(level);
const framed = window.self !== window.top;
if (framed) linksLeaveTheFrame(document.body);

// Watchdog delay: ?watchdog=<ms> on the URL, else data-watchdog-ms on <main> (default 15000).
const watchdogMs = Number(params.get("watchdog")) || Number(main.dataset.watchdogMs) || 15000;

const engine = new Engine({
  workerUrl: new URL(main.dataset.worker, document.baseURI).href,
  dataUrl: new URL(main.dataset.scanData, document.baseURI).href,
  watchdogMs,
  // data-engine and a performance mark: hooks for tests and bench/bench_widget.py.
  onState: (state) => { main.dataset.engine = state; performance.mark(`scan-engine-${state}`); },
  // Ready after the watchdog fired (a slow line): offer the result, do not swap the page unasked.
  onLateReady: () => {
    $("#fallback-late").hidden = false;
    $("#fallback-status").textContent = "Het rekenwerk is nu toch klaar. Je kunt je uitkomst bekijken.";
  },
});

main.dataset.engine = "idle"; // until the scan starts (a hook for tests and the bench)
const pageGemeente = knownGemeente(params.get("gemeente"), "?gemeente=");
let returnToCheck = false;
let lastResult = null;
let resultRun = 0;

function knownGemeente(slug, where) {
  if (!slug) return null;
  if (data.gemeenten.some((g) => g.slug === slug)) return slug;
  if (where) console.info(`Drenthe Digitaal scan: onbekende gemeente "${slug}" in ${where}; de scan gaat verder zonder gemeente.`);
  return null;
}

// A share link's gemeente (kept with the answers) comes before the page's ?gemeente=.
function currentGemeente() {
  return knownGemeente(answers.gemeente()) || pageGemeente;
}

function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function prepare(view) {
  if (ids.includes(view)) fillQuestion(view, answers.get(view));
  else if (view === "check") renderCheck($("#check-list"), data, answers);
  else if (view === "fallback") {
    renderFallback($("#fallback-list"), data, answers);
    $("#fallback-late").hidden = engine.state !== "ready";
    $("#fallback-status").textContent = "";
  }
}

function go(view, options = {}) {
  // The engine (4 MB) loads once the scan starts, not for a visit that only reads the start page.
  // Only from idle: a failed or timed-out engine is restarted by the visitor's "Probeer opnieuw",
  // never by showing the fallback page itself (that would download Pyodide a second time).
  if (view !== "start" && engine.state === "idle") engine.start();
  $("#notice").hidden = true; // a message about a link belongs to the step it came with
  answers.setView(view);
  prepare(view);
  showView(view, data, options);
}

function showFallback(history) {
  go("fallback", { history });
}

function showResult({ history = "push", focus = true } = {}) {
  if (!answers.complete()) { go(answers.firstMissing(), { history, focus }); return; }
  const gemeente = currentGemeente();
  const code = answers.code(gemeente);
  const run = ++resultRun;
  $("#result-busy").hidden = false;
  $("#result-body").replaceChildren();
  $("#result-status").textContent = "";
  $("#result-actions").hidden = true;
  // Asked first: the worker computes while this thread shows the result step.
  const computed = engine.evaluate(answers.code(null), gemeente, todayIso());
  // The address bar keeps no answers (they would stay in the browser's history); the share
  // link below the result has them.
  go("result", { history, focus });
  $("#result-status").textContent = "Je uitkomst wordt berekend.";
  computed.then((result) => {
    if (run !== resultRun) return;
    lastResult = result;
    renderResult($("#result-body"), result, data, level);
    const link = shareUrl(code, { ...appliedTheme, gemeente: pageGemeente || undefined });
    renderHandoff($("#handoff-contacts"), $("#mail-preview"), result, link);
    renderCard($("#result-card"), result, data);
    clearComparison();
    if (framed) { linksLeaveTheFrame($("#result-body")); linksLeaveTheFrame($("#handoff-contacts")); }
    $("#share-link").value = link;
    $("#copy-status").textContent = "";
    $("#mail-status").textContent = "";
    $("#result-busy").hidden = true;
    $("#result-actions").hidden = false;
    $("#result-status").textContent = `Je uitkomst staat klaar: de fase ${result.phase.name}.`;
    main.dataset.result = result.phase.slug; // a hook for tests and the embed script
    performance.mark("scan-result-shown"); // for bench/bench_widget.py
  }, () => {
    // Only on the result step: someone who went back to change an answer stays where they are.
    if (run !== resultRun || answers.savedView() !== "result") return;
    showFallback("replace");
  });
}

function previousOf(view) {
  const index = ids.indexOf(view);
  if (index > 0) return ids[index - 1];
  if (view === "check") return ids[ids.length - 1];
  return "start";
}

function onSubmit(event) {
  event.preventDefault();
  const form = event.target;
  const id = form.dataset.question;
  const letter = chosenLetter(form);
  if (!letter) { showError(id); return; }
  answers.set(id, letter);
  clearError(id);
  if (answers.complete()) engine.armWatchdog();
  const index = ids.indexOf(id);
  if (returnToCheck || index === ids.length - 1) {
    go(answers.complete() ? "check" : answers.firstMissing());
    if (answers.complete()) returnToCheck = false;
  } else {
    go(ids[index + 1]);
  }
}

function restart() {
  answers.clear();
  lastResult = null;
  returnToCheck = false;
  resultRun++;
  delete main.dataset.result;
  go("start");
}

const actions = {
  start: () => go(ids[0]),
  back: () => go(previousOf(answers.savedView())),
  result: () => showResult(),
  retry: () => { engine.retry(); showResult({ history: "replace" }); },
  restart,
  print: () => window.print(),
  card: printCard,
  download: () => { if (lastResult) downloadJson(lastResult); },
  copy: () => copyLink($("#share-link"), $("#copy-status")),
  "copy-mail": () => copyText($("#mail-preview"), $("#mail-status"), "De tekst is gekopieerd."),
  adviser: () => {
    const heading = $("#handoff-title");
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  },
};

// "Vergelijk met een eerdere uitkomst": the current result stays whatever the input.
function clearComparison() {
  $("#compare-error").hidden = true;
  $("#compare-body").replaceChildren();
}

function compareError(message) {
  $("#compare-body").replaceChildren();
  $("#compare-error-text").textContent = message;
  $("#compare-error").hidden = false;
  $("#compare-error").focus();
}

async function compareWith(earlierPromise) {
  if (!lastResult) return;
  try {
    const earlier = await earlierPromise;
    const compared = await engine.compare(earlier.code, earlier.date, lastResult.code, todayIso());
    $("#compare-error").hidden = true;
    const heading = renderComparison($("#compare-body"), compared, level);
    if (heading) heading.focus();
  } catch (err) {
    compareError(err && err.message ? err.message : "De vergelijking lukte niet.");
  }
}

// Ctrl+P or the print button: every closed section opens for print, and closes again after.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("#result-body details:not([open])")) {
    details.open = true;
    details.dataset.printOpened = "";
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll("details[data-print-opened]")) {
    details.open = false;
    delete details.dataset.printOpened;
  }
});

main.addEventListener("click", (event) => {
  const change = event.target.closest("[data-change]");
  if (change) {
    event.preventDefault();
    returnToCheck = true;
    go(change.dataset.change);
    return;
  }
  const button = event.target.closest("[data-action]");
  if (!button || !actions[button.dataset.action]) return;
  event.preventDefault();
  actions[button.dataset.action]();
});
main.addEventListener("submit", (event) => {
  if (event.target.id !== "compare-form") { onSubmit(event); return; }
  event.preventDefault();
  compareWith(Promise.resolve().then(() => earlierFromLink($("#compare-link").value)));
});
$("#compare-file").addEventListener("change", (event) => {
  const file = event.target.files && event.target.files[0];
  if (file) compareWith(readFile(file));
  event.target.value = ""; // the same file can be chosen again
});
wireErrorLinks();

// Back/forward buttons move between our steps.
window.addEventListener("popstate", (event) => {
  const view = event.state && event.state.view;
  if (!view) return;
  if (view === "result" || view === "fallback") showResult({ history: "none" });
  else go(view, { history: "none" });
});

// Someone pastes a share link into the address bar of an open scan.
window.addEventListener("hashchange", () => openFragment({ atLoad: false }));

// A share link (#v1.…) opens its result, and the answers leave the address bar. Any other
// fragment that is not an anchor on the page gets a friendly message: at load with an empty
// scan; in an open scan the answers stay. True when the fragment was handled.
function openFragment({ atLoad }) {
  const text = fragmentText(location.hash);
  if (!text || document.getElementById(text)) return false;
  const parsed = parseCode(text);
  if (parsed) {
    answers.fromLetters(parsed.letters, knownGemeente(parsed.gemeente, "de link"));
    showResult({ history: "replace", focus: false });
  } else if (atLoad) {
    answers.clear();
    go("start", { history: "replace", focus: false });
    notice("De link naar deze uitkomst klopt niet (meer). Daarom zie je een lege scan. Je kunt de vragen hieronder opnieuw invullen.");
  } else {
    history.replaceState(history.state, "", location.pathname + location.search);
    notice("De link naar deze uitkomst klopt niet (meer). Je antwoorden blijven zoals ze waren.");
  }
  return true;
}

function notice(text) {
  const box = $("#notice");
  box.hidden = false;
  box.textContent = text; // after unhiding: a status region announces a change, not what it held
}

// First load: a share link, else whatever this tab had (sessionStorage), else the start page.
function boot() {
  if (openFragment({ atLoad: true })) return;
  if (!history.state) {
    // A new visit: the start page is in the HTML as it is. Paint it first; the first read of
    // sessionStorage and replaceState are synchronous calls to the browser (bench_widget.py).
    afterFirstPaint(resume);
    return;
  }
  resume();
}

// Back where this tab was: a reload (history.state) or a new visit with saved answers.
function resume() {
  const saved = (history.state && history.state.view) || answers.savedView();
  if (saved === "result" || saved === "fallback") showResult({ history: "replace", focus: false });
  else if (saved === "check" && !answers.complete()) go(answers.firstMissing(), { history: "replace", focus: false });
  else if (saved === "check" || ids.includes(saved)) go(saved, { history: "replace", focus: false });
  else go("start", { history: "replace", focus: false });
}

function afterFirstPaint(callback) {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

boot();
reportHeight(params);
performance.mark("scan-interactive");

// Pyodide (4 MB) starts when the scan starts (go() to any step but the start page: "Start de
// scan", a share link, a reload mid-scan), never for a visit that only reads the start page. At
// about 3 s per question it is ready long before the last answer (bench/bench_widget.py).
