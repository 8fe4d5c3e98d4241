// Shows one view at a time, keeps the browser's back button working (history state),
// sets the page title and moves focus to the new heading.
import { $, $$ } from "./dom.mjs";

const SITE = "Drenthe Digitaal";

export function currentView() {
  const shown = $$(".view").find((view) => !view.hidden);
  return shown ? shown.dataset.view : null;
}

function titleFor(view, data) {
  const question = data.questions.find((q) => q.id === view);
  if (question) return `Vraag ${question.number} van ${data.questions.length}: ${question.title}`;
  const heading = $(`#view-${view} .view-heading`);
  return heading ? heading.textContent.trim() : data.title;
}

// history: "push" (a new step), "replace" (same step, new URL) or "none" (from popstate / first load).
export function showView(view, data, { history: mode = "push", focus = true } = {}) {
  for (const section of $$(".view")) section.hidden = section.dataset.view !== view;
  document.title = `${titleFor(view, data)} - ${SITE}`;
  const url = location.pathname + location.search; // no fragment: answers never sit in the address bar
  if (mode === "push") history.pushState({ view }, "", url);
  else if (mode === "replace") history.replaceState({ view }, "", url);
  if (focus) {
    const heading = $(`#view-${view} .view-heading`);
    if (heading) heading.focus();
  }
}

// An embedding page may ask for another heading level (?heading=2): h1 becomes h2, h2 becomes h3.
export function setHeadingLevel(level, root = document.querySelector("main")) {
  if (level === 1) return;
  for (const old of $$("h1, h2, h3", root)) {
    const next = Math.min(6, Number(old.tagName[1]) + level - 1);
    const heading = document.createElement(`h${next}`);
    for (const attr of old.attributes) heading.setAttribute(attr.name, attr.value);
    heading.append(...old.childNodes);
    old.replaceWith(heading);
  }
}
