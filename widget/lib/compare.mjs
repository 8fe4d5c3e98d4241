// "Vergelijk met een eerdere uitkomst": read an earlier share link or JSON download in the browser,
// let scan_core compare (the same answer as `python -m scan_core CODE --compare EARLIER`), show it
// in words, a small chart and a table. Bad input: a Dutch message; the current result stays.
import { el } from "./dom.mjs";
import { fragmentText, parseCode } from "./answers.mjs";
import { dutchDate, svgFigure, tableOf } from "./result.mjs";

const MARKER = "drenthe-digitaal-zelfscan-uitkomst";
const MAX_FILE_BYTES = 1_000_000;

export class CompareInputError extends Error {}

// A share link (or just its code) -> {code, date: null}.
export function earlierFromLink(text) {
  const value = String(text || "").trim();
  if (!value) throw new CompareInputError("Plak eerst de link van een eerdere uitkomst, of kies een bestand.");
  const hash = value.includes("#") ? value.slice(value.indexOf("#")) : value;
  const code = fragmentText(hash);
  if (/^v\d+\./.test(code) && !code.startsWith("v1.")) {
    throw new CompareInputError("Deze link komt van een andere versie van de scan. Die kan deze scan niet vergelijken.");
  }
  if (!parseCode(code)) {
    throw new CompareInputError("Dit is geen link naar een uitkomst van deze scan. Een goede link eindigt op iets als #v1.CCDDBAE.");
  }
  return { code, date: null };
}

// A downloaded result (JSON text) -> {code, date}.
export function earlierFromJson(text) {
  let parsed;
  try { parsed = JSON.parse(text); } catch (_) { parsed = null; }
  if (!parsed || typeof parsed !== "object" || parsed.marker !== MARKER || typeof parsed.code !== "string") {
    throw new CompareInputError("Dit bestand is geen uitkomst van deze scan. Kies het bestand dat je bij een eerdere uitkomst hebt gedownload.");
  }
  return { code: parsed.code, date: typeof parsed.date === "string" ? parsed.date : null };
}

export function readFile(file) {
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new CompareInputError("Dit bestand is te groot voor een uitkomst van deze scan."));
  }
  return file.text().then(earlierFromJson);
}

export function renderComparison(body, c, level = 1) {
  const h = (text) => el(`h${Math.min(6, level + 2)}`, { text, tabindex: "-1", class: "compare__heading" });
  const then = c.then.date ? `Toen (${dutchDate(c.then.date)})` : "Eerder";
  body.replaceChildren(
    h(`${c.then.label} en nu`),
    el("p", { class: "compare__phase", text: c.phase_text }),
    el("p", { text: c.counts_text }),
    svgFigure(c.svg, "Je antwoorden toen en nu.", "figure--compare"),
    tableOf("Per vraag: toen en nu", "table-wrap--compare", ["Vraag", then, "Nu", "Verschil"],
      c.questions.map((q) => [q.title, q.then, q.now, q.change])),
  );
  return body.firstChild;
}
