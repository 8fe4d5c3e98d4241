// Renders scan_core's result (DESIGN.md "The result, as data") as the result page.
// Text only through textContent; the two SVG figures come from scan_core and are parsed as SVG.
import { el } from "./dom.mjs";

// URLs in the result are relative to the site root; the scan page is one level down.
const SITE_ROOT = "../";

function asText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return value.text || value.name || "";
  return String(value);
}

function asList(value) {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

function linkList(items) {
  // subsidies: {text, instruments:[{name, url, status_label}]}; routes: {text, partners:[{name, url}]}.
  return el("ul", {}, asList(items).map((item) => {
    const links = asList(item && (item.instruments || item.partners)).filter((l) => l && l.url);
    return el("li", {}, asText(item),
      links.length ? el("ul", {}, links.map((l) => el("li", {},
        el("a", { href: SITE_ROOT + l.url }, l.name),
        l.status_label && l.status !== "open" ? ` (${l.status_label})` : null))) : null);
  }));
}

function svgFigure(markup, label, className) {
  if (!markup) return null;
  const parsed = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = parsed.documentElement;
  if (!root || root.nodeName !== "svg") return null;
  for (const bad of root.querySelectorAll("script, foreignObject")) bad.remove();
  const svg = document.importNode(root, true);
  svg.setAttribute("role", "img");
  if (!svg.querySelector("title")) svg.setAttribute("aria-label", label);
  svg.setAttribute("focusable", "false");
  return el("figure", { class: `figure ${className}` }, svg,
    el("figcaption", { class: "hint", text: "De tabel hieronder geeft dezelfde gegevens in tekst." }));
}

function stepName(data, slug) {
  const step = data.steps.find((s) => s.slug === slug);
  return step ? step.name : slug;
}

// The two phases in ladder order, as the reasoning names them (its note is there already).
function betweenText(result, data) {
  const order = (slug) => data.steps.findIndex((s) => s.slug === slug);
  const [low, high] = [result.phase, result.between].sort((a, b) => order(a.slug) - order(b.slug));
  return `Je zit tussen ${low.name} en ${high.name}.`;
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
  "oktober", "november", "december"];

// "2026-06-10" becomes "10 juni 2026"; anything else is shown as it is.
export function dutchDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !MONTHS[Number(match[2]) - 1]) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

function answersTable(result, data) {
  return tableWrap("table-wrap--answers", el("table", { class: "table" },
    el("caption", { text: "Jouw antwoorden per vraag" }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: "Vraag" }),
      el("th", { scope: "col", text: "Antwoord" }),
      el("th", { scope: "col", text: "Past bij fase" }))),
    el("tbody", {}, result.answers.map((a) => el("tr", {},
      el("th", { scope: "row", text: a.title }),
      el("td", { text: a.answer ? `${a.letter}. ${a.answer}` : a.letter }),
      el("td", { text: stepName(data, a.step) }))))));
}

function ladderTable(result, data) {
  const counts = {};
  for (const a of result.answers) counts[a.step] = (counts[a.step] || 0) + 1;
  const mark = (slug) => {
    if (slug === result.phase.slug) return "Jouw fase";
    return result.between && slug === result.between.slug ? "Daar zit je tegenaan" : "";
  };
  return tableWrap("table-wrap--ladder", el("table", { class: "table" },
    el("caption", { text: "De ladder: hoe vaak je elk antwoord koos" }),
    el("thead", {}, el("tr", {},
      el("th", { scope: "col", text: "Fase (antwoord)" }),
      el("th", { scope: "col", text: "Gekozen" }),
      el("th", { scope: "col", text: "Jij" }))),
    el("tbody", {}, data.steps.map((s) => el("tr", {},
      el("th", { scope: "row", text: `${s.name} (${s.letter})` }),
      el("td", { text: `${counts[s.slug] || 0}×` }),
      el("td", { text: mark(s.slug) }))))));
}

// A wide table scrolls inside its own box; keyboard users can scroll it too (focusable region).
function tableWrap(kind, table) {
  return el("div", { class: `table-wrap ${kind}`, tabindex: "0", role: "region", "aria-label": table.querySelector("caption").textContent }, table);
}

function recommendation(item) {
  const kind = item.kind === "partner" ? "Organisatie" : "Regeling of activiteit";
  return el("li", {},
    el("a", { href: SITE_ROOT + item.url }, item.name),
    item.status_label ? el("span", { class: "tag", text: item.status_label }) : null,
    el("span", { class: "hint kind", text: kind }),
    item.why ? el("p", { text: item.why }) : null,
    item.target_group ? el("p", { text: `Voor wie: ${item.target_group}` }) : null);
}

// level: the page's top heading level (1, or what an embedding page asked for).
export function renderResult(body, result, data, level = 1) {
  const h = (text) => el(`h${Math.min(6, level + 1)}`, { text });
  const byId = Object.fromEntries(result.answers.map((a) => [a.id, a]));
  const gemeente = result.gemeente;
  const parts = [
    el("div", { class: "panel" },
      el("p", {}, "Je bedrijf zit in de fase ", el("span", { class: "phase", "data-phase": result.phase.slug, text: result.phase.name }), "."),
      result.meaning ? el("p", { text: `${result.meaning}.` }) : null,
      result.between ? el("p", { "data-between": result.between.slug, text: betweenText(result, data) }) : null,
      gemeente ? el("p", { text: `Aanbevelingen voor een bedrijf in de gemeente ${gemeente.name}.` }) : null),
    h("Waarom deze fase?"),
    el("ul", {}, asList(result.reasoning).map((r) => el("li", { text: asText(r) }))),
    h("Jouw antwoorden in beeld"),
    svgFigure(result.svg && result.svg.ladder, `De ladder met zes fases. Jouw fase: ${result.phase.name}.`, "figure--ladder"),
    ladderTable(result, data),
    svgFigure(result.svg && result.svg.answers, "Jouw antwoord per vraag op de ladder.", "figure--answers"),
    answersTable(result, data),
    h("Waar begin je?"),
    el("p", { text: "Geef eerst aandacht aan deze onderwerpen." }),
    el("ul", {}, asList(result.priorities).map((id) => {
      const a = byId[id];
      return a ? el("li", {}, el("strong", { text: a.title }), `: ${asText(a.advice)}`) : null;
    })),
    asList(result.priority_notes).map((note) => el("p", { class: "callout", text: note })),
    h("Een concrete actie"),
    el("p", { text: asText(result.action) }),
    h("Volgende stap per vraag"),
    el("dl", { class: "summary-list" }, result.answers.map((a) => el("div", { class: "summary-list__row" },
      el("dt", { class: "summary-list__key", text: a.title }),
      el("dd", { class: "summary-list__value", text: asText(a.advice) })))),
    h("Subsidie die kan passen"),
    linkList(result.subsidies),
    result.subsidy_caveat ? el("p", { class: "hint", text: result.subsidy_caveat }) : null,
    h("Wie kan je helpen?"),
    linkList(result.routes),
  ];
  const recommendations = asList(result.recommendations);
  if (recommendations.length) {
    parts.push(h("Hulp en regelingen die bij jou passen"),
      el("ul", { class: "recommendations" }, recommendations.map(recommendation)));
  }
  parts.push(
    h("Belangrijk"),
    el("div", { class: "caveat" },
      el("p", { text: asText(result.caveat) }),
      el("p", {}, "Praat over je uitkomst met een adviseur. ",
        el("a", { href: data.intake.url }, `Neem contact op met ${data.intake.name}`), "."),
      result.step_up ? el("p", { text: result.step_up }) : null),
    result.date ? el("p", { class: "hint", text: `Uitkomst van ${dutchDate(result.date)}.` }) : null,
  );
  body.replaceChildren(...parts.flat().filter(Boolean));
}
