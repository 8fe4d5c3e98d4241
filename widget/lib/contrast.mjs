// WCAG 2.2 contrast for the colours a gemeente may set. embed.js keeps its own copy on purpose:
// it is one standalone file pinned by an SRI hash on the gemeente's site.

export function hexToRgb(hex) {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(hex).trim());
  if (!m) return null;
  const h = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.substr(i, 2), 16));
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const WHITE = [255, 255, 255];
// Button text is white on the accent; body text sits on white; a focus ring needs 3:1 (non-text).
export const REQUIRED = { accent: 4.5, color: 4.5, focus: 3 };

/** The colour if it is valid and readable on white, else null plus a Dutch reason. */
export function checkColour(name, value) {
  const rgb = hexToRgb(value);
  if (!rgb) return { ok: false, reason: `de kleur ${name}="${value}" is geen kleur als #1a5f8c` };
  const ratio = contrast(rgb, WHITE);
  if (ratio < REQUIRED[name]) {
    return { ok: false, ratio, reason: `de kleur ${name}="${value}" heeft te weinig contrast met wit (${ratio.toFixed(2)}:1, nodig is ${REQUIRED[name]}:1)` };
  }
  return { ok: true, ratio, value: String(value).trim().toLowerCase() };
}
