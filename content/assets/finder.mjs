// The help finder on /vind-hulp/ (issue 24). sitegen/pages/finder.py writes the page, the filter
// form (hidden until this script runs) and the index aanbod.json, in the order the scan ranks
// availability. The filters live in the query string: a filtered view can be bookmarked, shared
// and reloaded, and the back button returns to the previous filters (pushState / popstate).
// Text goes in through textContent only; a link only when it is an instrument page of this site.
// Order: the index's (availability, then name); with a gemeente chosen, its own offers lead each
// availability group, as the scan ranks them (scan_core/recommend.py).

const PAGE_SIZE = 50;
const SWITCHES = { nu: "ja", kosten: "bekend" };
const SINGLE = new Set(["activiteit", "soort"]); // one value per offer: an index, not a bit mask
const INSTRUMENT_PAGE = /^\.\.\/instrumenten\/[a-z0-9][a-z0-9-]*\/$/;

/** Lower case without accents, as sitegen.pages.finder.fold writes the index's text. */
export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/** The filters of a query string: {q: [words], nu, kosten, masks: {key: bits}}. Unknown values are ignored. */
export function readFilters(params, facets) {
  const words = fold(params.get("q") || "").split(/\s+/).filter(Boolean);
  const masks = {};
  for (const [key, order] of Object.entries(facets)) {
    masks[key] = params.getAll(key).reduce((bits, value) => {
      const at = order.indexOf(value);
      return at < 0 ? bits : bits | (1 << at);
    }, 0);
  }
  return { words, nu: params.get("nu") === SWITCHES.nu, kosten: params.get("kosten") === SWITCHES.kosten, masks };
}

/** The items that pass every chosen filter: within a group any value, across groups all. */
export function filterItems(items, fields, filters) {
  const at = Object.fromEntries(fields.map((name, i) => [name, i]));
  const groups = Object.entries(filters.masks).filter(([, bits]) => bits);
  return items.filter((item) => {
    if (filters.nu && !item[at.now]) return false;
    if (filters.kosten && !item[at.cost]) return false;
    for (const [key, bits] of groups) {
      const value = SINGLE.has(key) ? 1 << item[at[key]] : item[at[key]];
      if (!(value & bits)) return false;
    }
    const text = item[at.text];
    return filters.words.every((word) => text.includes(word));
  });
}

/** With a gemeente chosen: within each availability group the local offers first (a stable sort). */
export function orderItems(items, fields, filters) {
  if (!filters.masks.gemeente) return items;
  const at = Object.fromEntries(fields.map((name, i) => [name, i]));
  const key = (item) => 2 * item[at.group] + (item[at.local] ? 0 : 1);
  return [...items].sort((a, b) => key(a) - key(b));
}

export function countText(n) {
  return n === 1 ? "1 regeling of activiteit" : `${n} regelingen en activiteiten`;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(item, at, base) {
  const li = element("li", "dd-card");
  const title = element("h3", "dd-card__title");
  const url = item[at.url];
  if (INSTRUMENT_PAGE.test(url)) {
    const link = element("a", "", item[at.name]);
    link.href = new URL(url, base).href;
    title.append(link);
  } else {
    title.textContent = item[at.name];
  }
  li.append(title, element("p", "dd-card__meta", `${item[at.word]} · ${item[at.partner]}`));
  const status = element("p", "dd-card__status");
  status.append(element("strong", "", item[at.status]), ` · Sluitingsdatum: ${item[at.closes] || "onbekend"}`);
  li.append(status);
  if (item[at.cost]) li.append(element("p", "dd-card__cost", `Kosten: ${item[at.cost]}`));
  return li;
}

class Finder {
  constructor(form, index, base) {
    this.form = form;
    this.index = index;
    this.base = base;
    this.at = Object.fromEntries(index.fields.map((name, i) => [name, i]));
    this.cards = document.getElementById("dd-cards");
    this.count = document.getElementById("dd-count");
    this.more = document.getElementById("dd-more");
    this.matches = [];
    this.shown = 0;
  }

  start() {
    this.fromUrl();
    this.form.hidden = false;
    document.getElementById("dd-results").hidden = false;
    document.getElementById("dd-all").hidden = true;
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.form.addEventListener("change", (event) => {
      if (event.target.name !== "q") this.update("push");
    });
    this.form.elements.q.addEventListener("input", () => this.update("replace"));
    document.getElementById("dd-clear").addEventListener("click", () => {
      this.form.reset();
      this.update("push");
    });
    this.more.addEventListener("click", () => this.showMore(true));
    window.addEventListener("popstate", () => this.fromUrl());
  }

  params() {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.form)) {
      if (typeof value === "string" && value.trim()) params.append(key, value.trim());
    }
    return params;
  }

  /** The form and the results from the address (page load, back and forward). */
  fromUrl() {
    const params = new URLSearchParams(location.search);
    this.form.elements.q.value = params.get("q") || "";
    for (const box of this.form.querySelectorAll("input[type=checkbox]")) {
      box.checked = params.getAll(box.name).includes(box.value);
    }
    for (const group of this.form.querySelectorAll("details[data-key]")) {
      if (group.querySelector("input:checked")) group.open = true;
    }
    this.render(params);
  }

  update(how) {
    const params = this.params();
    const query = params.toString();
    const url = `${location.pathname}${query ? `?${query}` : ""}`;
    if (url !== `${location.pathname}${location.search}`) {
      history[how === "push" ? "pushState" : "replaceState"](null, "", url);
    }
    this.render(params);
  }

  render(params) {
    const filters = readFilters(params, this.index.facets);
    const { items, fields } = this.index;
    this.matches = orderItems(filterItems(items, fields, filters), fields, filters);
    this.count.textContent = countText(this.matches.length);
    for (const [key] of Object.entries(this.index.facets)) {
      const chosen = params.getAll(key).length;
      const mark = this.form.querySelector(`[data-chosen="${key}"]`);
      if (mark) mark.textContent = chosen ? `(${chosen} gekozen)` : "";
    }
    this.cards.replaceChildren();
    this.shown = 0;
    this.showMore(false);
  }

  showMore(moveFocus) {
    const next = this.matches.slice(this.shown, this.shown + PAGE_SIZE);
    const nodes = next.map((item) => card(item, this.at, this.base));
    this.cards.append(...nodes);
    this.shown += next.length;
    this.more.hidden = this.shown >= this.matches.length;
    this.more.textContent = `Toon meer (nog ${this.matches.length - this.shown})`;
    // After "Toon meer" the keyboard continues at the first new card, not at the top.
    if (moveFocus && nodes.length) nodes[0].querySelector("a")?.focus();
  }
}

async function main() {
  const form = document.getElementById("dd-finder");
  if (!form) return;
  const indexUrl = new URL("../vind-hulp/aanbod.json", import.meta.url);
  try {
    const response = await fetch(indexUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    new Finder(form, await response.json(), indexUrl).start();
  } catch (error) {
    // The list of all offers stays: the page works as it does without JavaScript.
    console.info(`Drenthe Digitaal hulpvinder: de filters zijn niet beschikbaar (${error.message}).`);
  }
}

if (typeof document !== "undefined") main();
