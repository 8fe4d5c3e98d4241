// "Bespreek dit met een adviseur": per contact its mailto:, tel: or contact page, the text shown before anything is
// sent, and "Kopieer de tekst" for those without a mail program. Addresses come only from
// scan_core's result, which takes them from the scan data (with a source), never from the URL.
import { el } from "./dom.mjs";
import { SITE_ROOT } from "./result.mjs";

// The e-mail rule of sitegen.data.urls (issue 26): letters, digits and . _ + - before the @ (no %,
// no comma: a mail program that decodes %2C before it splits would add a recipient), a lower-case
// domain name of two or more labels after it, no xn-- label. The data passed it; this holds it here too.
const EMAIL = /^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

export function isEmail(address) {
  return typeof address === "string" && address.length <= 120 && EMAIL.test(address) && !/[@.]xn--/.test(address);
}

export function mailBody(result, link) {
  return `Hallo,\n\nIk heb de digitale zelfscan van Drenthe Digitaal gedaan en wil de uitkomst graag met je bespreken.\n\n` +
    `Link naar mijn uitkomst: ${link}\n\n${result.summary || ""}\n\nMet vriendelijke groet,\n`;
}

// Every part %-encoded (RFC 6068): the address's local part and domain, the subject and the body.
export function mailtoHref(address, subject, body) {
  const to = isEmail(address) ? address.split("@").map(encodeURIComponent).join("@") : "";
  return `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

// A tel: link takes digits and a leading + only; the data's pattern allows spaces, brackets, dashes.
export function telHref(phone) {
  const digits = String(phone || "").replace(/[^0-9+]/g, "");
  return /^\+?[0-9]{3,}$/.test(digits) ? `tel:${digits}` : null;
}

// Each route in one step: a mail, a call, the contact page. Only where none is known, the partner's
// page on this site, which says what we know.
function contactItem(contact, subject, body) {
  const page = contact.url ? SITE_ROOT + contact.url : null;
  const email = isEmail(contact.email) ? contact.email : null;
  const tel = telHref(contact.phone);
  const site = contact.page && /^https:\/\//.test(contact.page) ? contact.page : null;
  const parts = [el("strong", { text: contact.name })];
  if (email) {
    parts.push(el("p", {}, "E-mail: ", el("span", { class: "address", text: email })),
      el("a", { class: "button button--primary", href: mailtoHref(email, subject, body) },
        `Mail je uitkomst naar ${contact.name}`));
  }
  if (tel) parts.push(el("p", {}, el("a", { href: tel, "data-route": "tel" }, `Bel ${contact.phone}`)));
  if (contact.note) parts.push(el("p", { class: "hint", text: `Let op: ${contact.note}.` }));
  if (site) parts.push(el("p", {}, el("a", { href: site, "data-route": "page" }, `Contactpagina of website van ${contact.name}`)));
  if (!email && (tel || site)) parts.push(el("p", { class: "hint", text: "Kopieer de tekst hieronder en vertel of stuur die erbij." }));
  if (!email && !tel && !site && page) {
    parts.push(el("p", { text: `We vonden geen openbaar contact van ${contact.name}. Op hun pagina op deze site staat wat we weten.` }),
      el("a", { class: "button", href: page }, `Naar de pagina van ${contact.name}`));
  }
  return el("li", { "data-contact": contact.id, "data-role": contact.role }, parts);
}

export function renderHandoff(list, preview, result, link) {
  const handoff = result.handoff || {};
  const subject = handoff.subject || "Mijn uitkomst van de digitale zelfscan";
  const body = mailBody(result, link);
  const contacts = (handoff.contacts || []).map((c) => contactItem(c, subject, body));
  // Nobody with a known address: the person's own mail program, with an empty "Aan".
  if (!(handoff.contacts || []).some((c) => isEmail(c.email))) {
    contacts.push(el("li", { "data-contact": "zelf" },
      el("a", { class: "button", href: mailtoHref("", subject, body) }, "Open een e-mail met deze tekst"),
      el("p", { class: "hint", text: "Je vult dan zelf het adres in." })));
  }
  list.replaceChildren(...contacts);
  preview.value = `Onderwerp: ${subject}\n\n${body}`;
  return body;
}

// Clipboard may be refused (iframe, permissions): then select the text so Ctrl+C works.
export async function copyText(field, status, done) {
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = done;
  } catch (_) {
    field.focus();
    field.select();
    status.textContent = "Kopiëren lukte niet automatisch. De tekst is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
  }
}
