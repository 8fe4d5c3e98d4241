// The gesprekskaart: one A4 for the conversation with an adviser. Hidden on screen; its own button
// prints only this (data-print="card" on <html> while printing).
import { el } from "./dom.mjs";
import { dutchDate } from "./result.mjs";

export function renderCard(card, result, data) {
  const intakeId = data.intake.instrument;
  const offers = (result.recommendations || []).filter((r) => r.id !== intakeId).slice(0, 3);
  const titles = Object.fromEntries(result.answers.map((a) => [a.id, a.title]));
  const contacts = ((result.handoff && result.handoff.contacts) || [])
    .map((c) => {
      const ways = [c.email, c.phone, c.page].filter(Boolean).join(", ");
      return `${c.name}${ways ? `: ${ways}` : ""}${c.note ? ` (${c.note})` : ""}`;
    });
  card.replaceChildren(
    el("p", { class: "card__title", text: "Gesprekskaart · digitale zelfscan Drenthe Digitaal" }),
    el("p", {}, el("strong", { text: `Fase: ${result.phase.name}` }), result.between ? ` (tegen ${result.between.name} aan)` : "",
      ` · Eén concrete actie: ${result.action}`),
    el("table", { class: "table" }, el("caption", { text: "Antwoorden" }),
      el("tbody", {}, result.answers.map((a) => el("tr", {},
        el("th", { scope: "row", text: `${a.number}. ${a.title}` }), el("td", { text: `${a.letter}. ${a.answer}` }))))),
    el("p", {}, el("strong", { text: "Eerst aandacht voor: " }), (result.priorities || []).map((p) => titles[p] || p).join(", ")),
    el("p", {}, el("strong", { text: "Hulp die past:" })),
    el("ul", {}, offers.map((r) => el("li", { text: `${r.name} (${[r.kind_word, r.status_label, r.partner && r.partner.name].filter(Boolean).join(", ")})` }))),
    result.basisniveau ? el("p", { "data-basisniveau": result.basisniveau.meets ? "ja" : "nee", text: result.basisniveau.line }) : null,
    contacts.length ? el("p", {}, el("strong", { text: "Praat erover met: " }), contacts.join("; ")) : null,
    el("p", { class: "card__code", text: `Code: ${result.code} · uitkomst van ${dutchDate(result.date)}` }),
    result.handoff && result.handoff.register ? el("p", { class: "card__register", text: result.handoff.register }) : null,
    el("p", {}, el("strong", { text: "Notities" })),
    el("div", { class: "card__notes" }),
  );
}

export function printCard() {
  const root = document.documentElement;
  root.dataset.print = "card";
  window.addEventListener("afterprint", () => { delete root.dataset.print; }, { once: true });
  window.print();
}
