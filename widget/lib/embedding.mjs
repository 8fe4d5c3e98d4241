// The scan inside a gemeente's page: its theme from the URL, and its height for embed.js.
// Custom properties do not cross into an iframe, so embed.js passes them as URL parameters.
import { checkColour } from "./contrast.mjs";
import { $$, el } from "./dom.mjs";

const PREFIX = "Drenthe Digitaal scan: ";
const FONT = /^[\w\s,"'-]{1,200}$/;  // font-family names only: never url(), never a font from another host
const PROPERTY = {
  accent: "--utrecht-button-primary-action-background-color",
  color: "--utrecht-document-color",
  focus: "--utrecht-focus-outline-color",
};

/** Apply accent, color, focus and font from the URL to :root; refuse what breaks WCAG contrast.
 *  Returns the parameters applied, as written: the share link carries these and nothing else. */
export function applyTheme(params, root = document.documentElement) {
  const applied = {};
  for (const [name, property] of Object.entries(PROPERTY)) {
    const value = params.get(name);
    if (!value) continue;
    const check = checkColour(name, value);
    if (check.ok) {
      root.style.setProperty(property, check.value);
      applied[name] = value;
    } else console.warn(`${PREFIX}${check.reason}; de standaardkleur blijft.`);
  }
  const font = params.get("font");
  if (font) {
    if (FONT.test(font)) {
      root.style.setProperty("--utrecht-document-font-family", font);
      applied.font = font;
    } else console.warn(`${PREFIX}het lettertype "${font}" wordt niet gebruikt: geef alleen namen van lettertypen.`);
  }
  return applied;
}

/** Heading level for the scan's main headings (1-6), from ?heading=; 1 when absent or wrong. */
export function headingLevel(params) {
  const raw = params.get("heading");
  if (!raw) return 1;
  if (/^[1-6]$/.test(raw)) return Number(raw);
  console.warn(`${PREFIX}heading=${raw} moet 1 tot en met 6 zijn; de scan gebruikt 1.`);
  return 1;
}

/** Tell the embedding page our height, only in a frame, only to the origin embed.js named. */
export function reportHeight(params, target = document.documentElement) {
  if (params.get("embed") !== "1" || window.parent === window) return;
  let origin;
  try {
    origin = new URL(params.get("parent") || "").origin;
  } catch {
    console.warn(`${PREFIX}geen geldig parent-adres; de hoogte wordt niet doorgegeven.`);
    return;
  }
  if (origin === "null") return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(target.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ source: "drenthe-scan", type: "height", height }, origin);
    }
  };
  new ResizeObserver(send).observe(target);
  send();
}

// In a gemeente's frame, a link into the site would load the whole site inside the frame (sized
// for the scan, and storage is often refused there). Such links open a new tab and say so.
export function linksLeaveTheFrame(root) {
  const links = $$("a[href]:not([data-action]):not([data-change]):not([data-focus]):not([target])", root);
  for (const link of links) {
    if (link.getAttribute("href").startsWith("#")) continue;
    link.target = "_blank";
    link.rel = "noopener";
    link.append(el("span", { class: "visually-hidden", text: " (opent in een nieuw tabblad)" }));
  }
}
