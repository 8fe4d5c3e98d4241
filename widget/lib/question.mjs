// A question page: shows the saved answer, and the GOV.UK error pattern when "Volgende"
// is pressed without a choice (summary at the top, message at the field, focus on the summary).
import { $, $$ } from "./dom.mjs";

export function fillQuestion(id, letter) {
  for (const input of $$(`input[name="${id}"]`)) input.checked = input.value === letter;
  clearError(id);
}

export function chosenLetter(form) {
  const checked = $("input:checked", form);
  return checked ? checked.value : null;
}

export function showError(id) {
  const summary = $(`#error-summary-${id}`);
  const message = $(`#${id}-error`);
  const fieldset = $(`form[data-question="${id}"] fieldset`);
  summary.hidden = false;
  message.hidden = false;
  fieldset.closest(".form-group").classList.add("form-group--error");
  fieldset.setAttribute("aria-describedby", `${id}-hint ${id}-error`);
  if (!document.title.startsWith("Fout: ")) document.title = `Fout: ${document.title}`;
  summary.focus();
}

export function clearError(id) {
  const summary = $(`#error-summary-${id}`);
  if (!summary) return;
  summary.hidden = true;
  $(`#${id}-error`).hidden = true;
  const fieldset = $(`form[data-question="${id}"] fieldset`);
  fieldset.closest(".form-group").classList.remove("form-group--error");
  fieldset.setAttribute("aria-describedby", `${id}-hint`);
}

// The summary's link points at the first radio; focus it without touching location.hash
// (the fragment is where a share code lives).
export function wireErrorLinks() {
  for (const link of $$("[data-focus]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const target = document.getElementById(link.dataset.focus);
      if (target) target.focus();
    });
  }
}
