// The check-your-answers list and the fallback's "Volgende stap per vraag": both plain data
// from the page's JSON. The fallback shows the seed's advice for the answer's band; it does
// not score anything (scan_core does that).
import { el } from "./dom.mjs";

function optionText(question, letter) {
  const option = question.options.find((o) => o.letter === letter);
  return option ? `${letter}. ${option.text}` : "Nog niet beantwoord";
}

export function renderCheck(list, data, answers) {
  list.replaceChildren(...data.questions.map((q) => el("div", { class: "summary-list__row" },
    el("dt", { class: "summary-list__key", text: `${q.number}. ${q.title}` }),
    el("dd", { class: "summary-list__value", text: optionText(q, answers.get(q.id)) }),
    el("dd", { class: "summary-list__actions" },
      el("a", { href: "", "data-change": q.id }, "Wijzig", el("span", { class: "visually-hidden", text: ` je antwoord op vraag ${q.number}: ${q.title}` }))),
  )));
}

function band(letter) {
  if (letter === "A" || letter === "B") return "low";
  if (letter === "C" || letter === "D") return "mid";
  return "high";
}

export function renderFallback(list, data, answers) {
  list.replaceChildren(...data.questions.map((q) => {
    const letter = answers.get(q.id);
    return el("div", { class: "summary-list__row" },
      el("dt", { class: "summary-list__key", text: `${q.number}. ${q.title}` }),
      el("dd", { class: "summary-list__value", text: `Jouw antwoord: ${optionText(q, letter)}` }),
      letter ? el("dd", { class: "summary-list__value", text: `Volgende stap: ${q.next_steps[band(letter)]}` }) : null,
    );
  }));
}
