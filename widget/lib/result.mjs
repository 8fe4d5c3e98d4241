// Renders scan_core's result (DESIGN.md "The result, as data") as the result page.
// First screen: phase, between-note, the seed's one concrete action, the adviser button. Then the
// phase's subsidy and route, one line each, and up to three offers (usable now first, as scan_core
// ranks them). Everything else sits in <details> sections (opened for print).
// Text only through textContent; the SVG figures come from scan_core and are parsed as SVG.
import { el } from "./dom.mjs";

// URLs in the result are relative to the site root; the scan page is one level down.
export const SITE_ROOT = "../";
const FIRST_OFFERS = 3;

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

// One line: "Subsidie: <seed text>". With one offer behind it the seed text is the link (and its
// status when not open); with more, their names follow.
function offerLine(label, items) {
  return asList(items).map((item) => {
    const links = asList(item && (item.instruments || item.partners)).filter((l) => l && l.url);
    const status = (l) => (l.status_label && l.status !== "open" ? ` (${l.status_label})` : "");
    if (links.length === 1) {
      return el("p", { class: "line" }, el("strong", { text: `${label}: ` }),
        el("a", { href: SITE_ROOT + links[0].url }, asText(item)), status(links[0]));
    }
    return el("p", { class: "line" }, el("strong", { text: `${label}: ` }), asText(item),
      links.length ? ": " : null,
      links.flatMap((l, i) => [i ? ", " : null, el("a", { href: SITE_ROOT + l.url }, l.name), status(l)]));
  });
}

export function svgFigure(markup, label, className) {
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

// The two phases in ladder order, and the seed's between-note.
function betweenText(result, data) {
  const order = (slug) => data.steps.findIndex((s) => s.slug === slug);
  const [low, high] = [result.phase, result.between].sort((a, b) => order(a.slug) - order(b.slug));
  return `Je zit tussen ${low.name} en ${high.name}. ${data.between_note || ""}`.trim();
}

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
  "oktober", "november", "december"];

// "2026-06-10" becomes "10 juni 2026"; anything else is shown as it is.
export function dutchDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !MONTHS[Number(match[2]) - 1]) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

export function tableOf(caption, kind, heads, rows) {
  const table = el("table", { class: "table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, heads.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, rows.map((cells) => el("tr", {},
      el("th", { scope: "row", text: cells[0] }), cells.slice(1).map((c) => el("td", { text: c }))))));
  // A wide table scrolls inside its own box; keyboard users can scroll it too (focusable region).
  return el("div", { class: `table-wrap ${kind}`, tabindex: "0", role: "region", "aria-label": caption }, table);
}

function answersTable(result, data) {
  return tableOf("Jouw antwoorden per vraag", "table-wrap--answers", ["Vraag", "Antwoord", "Past bij fase"],
    result.answers.map((a) => [a.title, a.answer ? `${a.letter}. ${a.answer}` : a.letter, stepName(data, a.step)]));
}

function ladderTable(result, data) {
  const counts = {};
  for (const a of result.answers) counts[a.step] = (counts[a.step] || 0) + 1;
  const mark = (slug) => {
    if (slug === result.phase.slug) return "Jouw fase";
    return result.between && slug === result.between.slug ? "Daar zit je tegenaan" : "";
  };
  return tableOf("De ladder: hoe vaak je elk antwoord koos", "table-wrap--ladder", ["Fase (antwoord)", "Gekozen", "Jij"],
    data.steps.map((s) => [`${s.name} (${s.letter})`, `${counts[s.slug] || 0}×`, mark(s.slug)]));
}

// Kind word · status · closing date · partner, then what is particular to the offer.
// The first three leave out "Voor wie" and "Daarna" (both in "Alle hulp en regelingen"): two screens on a phone.
function offer(item, full = true) {
  const facts = [item.kind_word || null, item.status_label || null,
    item.open_until ? `sluit op ${dutchDate(item.open_until)}` : null,
    item.partner ? item.partner.name : null].filter(Boolean);
  return el("li", { class: item.usable_now ? "offer" : "offer offer--later" },
    el("a", { href: SITE_ROOT + item.url }, item.name),
    el("p", { class: "offer__facts", text: facts.join(" · ") }),
    item.why ? el("p", { text: item.why }) : null,
    full && item.next ? el("p", { class: "offer__next" }, "Daarna: ", el("a", { href: SITE_ROOT + item.next.url }, item.next.name)) : null,
    full && item.target_group ? el("p", { class: "hint", text: `Voor wie: ${item.target_group}` }) : null);
}

// An event of the agenda: date and time (Dutch time, as the scan data gives it), place, sign-up.
function eventItem(event) {
  const time = (iso) => iso.slice(11, 16).replace(":", ".");
  const where = event.online ? "online" : event.place;
  return el("li", { class: "offer" },
    el("p", { class: "offer__title", text: event.title }),
    el("p", { class: "offer__facts", text: `${dutchDate(event.start.slice(0, 10))}, ${time(event.start)} tot ${time(event.end)} uur · ${where}` }),
    el("p", {}, "Hoort bij: ", el("a", { href: SITE_ROOT + event.instrument.url }, event.instrument.name),
      event.signup ? [" · ", el("a", { href: event.signup }, "aanmelden")] : null));
}

function section(title, id, ...children) {
  return el("details", { class: "more", id },
    el("summary", {}, el("span", { class: "more__title", text: title })), ...children);
}

// level: the page's top heading level (1, or what an embedding page asked for).
export function renderResult(body, result, data, level = 1) {
  const h = (text, attrs = {}) => el(`h${Math.min(6, level + 1)}`, { ...attrs, text });
  const byId = Object.fromEntries(result.answers.map((a) => [a.id, a]));
  const gemeente = result.gemeente;
  const intakeId = data.intake.instrument;
  const recommendations = asList(result.recommendations);
  const first = recommendations.filter((r) => r.id !== intakeId).slice(0, FIRST_OFFERS);
  const usableNow = first.filter((r) => r.usable_now).length;
  const parts = [
    el("div", { class: "panel" },
      el("p", { class: "panel__phase" }, "Je bedrijf zit in de fase ",
        el("span", { class: "phase", "data-phase": result.phase.slug, text: result.phase.name }),
        result.meaning ? `: ${result.meaning.toLowerCase()}.` : "."),
      result.between ? el("p", { "data-between": result.between.slug, text: betweenText(result, data) }) : null,
      el("p", { class: "action" }, el("strong", { text: "Eén concrete actie: " }), el("span", { "data-action-text": "", text: asText(result.action) })),
      el("button", { type: "button", class: "button button--primary", "data-action": "adviser" }, "Bespreek dit met een adviseur")),
    h("Subsidie en hulp voor jouw fase", { class: "result-h" }),
    offerLine("Subsidie", result.subsidies),
    offerLine("Wie helpt je", result.routes),
    result.subsidy_caveat ? el("p", { class: "hint", text: result.subsidy_caveat }) : null,
    first.length ? el("p", { class: "lead" }, `Dit past bij je fase, ${result.phase.name}, of bij de stap daarna`,
      gemeente ? ` (voor een bedrijf in de gemeente ${gemeente.name})` : "",
      usableNow === first.length ? "." : `. Nu open: ${usableNow} van ${first.length}.`) : null,
    first.length ? el("ol", { class: "offers", "aria-label": "Hulp die past" }, first.map((r) => offer(r, false))) : null,
    section("Waarom deze fase?", "more-why",
      el("ul", {}, asList(result.reasoning).map((r) => el("li", { text: asText(r) })))),
    section("Jouw antwoorden in beeld", "more-charts",
      svgFigure(result.svg && result.svg.ladder, `De ladder met zes fases. Jouw fase: ${result.phase.name}.`, "figure--ladder"),
      ladderTable(result, data),
      svgFigure(result.svg && result.svg.answers, "Jouw antwoord per vraag op de ladder.", "figure--answers"),
      answersTable(result, data)),
    section("Waar begin je? De volgende stap per vraag", "more-steps",
      el("p", { text: "Geef eerst aandacht aan deze onderwerpen." }),
      el("ul", {}, asList(result.priorities).map((id) => {
        const a = byId[id];
        return a ? el("li", {}, el("strong", { text: a.title }), `: ${asText(a.advice)}`) : null;
      })),
      asList(result.priority_notes).map((note) => el("p", { class: "callout", text: note })),
      el("dl", { class: "summary-list" }, result.answers.map((a) => el("div", { class: "summary-list__row" },
        el("dt", { class: "summary-list__key", text: a.title }),
        el("dd", { class: "summary-list__value", text: asText(a.advice) }))))),
    recommendations.length ? section(`Alle hulp en regelingen (${recommendations.length})`, "more-offers",
      el("ul", { class: "offers" }, recommendations.map((r) => offer(r)))) : null,
    asList(result.events).length ? section(`Bijeenkomsten die passen (${result.events.length})`, "more-events",
      el("ul", { class: "offers" }, result.events.map(eventItem))) : null,
    section("Belangrijk om te weten", "more-caveat",
      el("div", { class: "caveat" },
        el("p", { text: asText(result.caveat) }),
        result.step_up ? el("p", { text: result.step_up }) : null)),
    result.date ? el("p", { class: "hint", text: `Uitkomst van ${dutchDate(result.date)}.` }) : null,
  ];
  body.replaceChildren(...parts.flat(3).filter(Boolean));
}
