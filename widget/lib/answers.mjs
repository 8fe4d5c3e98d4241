// The answers: kept in memory, mirrored to sessionStorage (reload loses nothing),
// and turned into / read from the share code "v1.CCDDBAE" or "v1.CCDDBAE.emmen".
// The gemeente of a share link is kept with them, so a reload gives the same result.

const STORAGE_KEY = "drenthe-digitaal-scan";
const CODE_PATTERN = /^v1\.([A-F]{7})(?:\.([a-z0-9-]+))?$/;

export class Answers {
  constructor(questionIds) {
    this.ids = questionIds;
    this.letters = {};
    this.view = "start";
    this.sharedGemeente = null;
    this.loaded = false; // sessionStorage is read on first use, so the start page paints first
  }

  set(id, letter) { this.load(); this.letters[id] = letter; this.save(); }
  get(id) { this.load(); return this.letters[id] || null; }
  complete() { this.load(); return this.ids.every((id) => this.letters[id]); }
  firstMissing() { this.load(); return this.ids.find((id) => !this.letters[id]) || null; }
  clear() { this.loaded = true; this.letters = {}; this.view = "start"; this.sharedGemeente = null; this.save(); }
  setView(view) { this.load(); this.view = view; this.save(); }
  savedView() { this.load(); return this.view; }
  gemeente() { this.load(); return this.sharedGemeente; }

  code(gemeente) {
    if (!this.complete()) return null;
    const letters = this.ids.map((id) => this.letters[id]).join("");
    return gemeente ? `v1.${letters}.${gemeente}` : `v1.${letters}`;
  }

  fromLetters(letters, gemeente = null) {
    this.loaded = true;
    this.sharedGemeente = gemeente;
    this.letters = {};
    this.ids.forEach((id, i) => { this.letters[id] = letters[i]; });
    this.save();
  }

  // Storage can be refused (Chromium denies it in a cross-site frame): then memory only.
  save() {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ letters: this.letters, view: this.view, gemeente: this.sharedGemeente }));
    } catch (_) { /* memory only */ }
  }

  // Reads once; before that, nothing is saved, so a stored scan is never overwritten unread.
  load() {
    if (this.loaded) return true;
    this.loaded = true;
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      if (!raw) return false;
      const saved = JSON.parse(raw);
      for (const id of this.ids) {
        const letter = saved.letters && saved.letters[id];
        if (typeof letter === "string" && /^[A-F]$/.test(letter)) this.letters[id] = letter;
      }
      if (typeof saved.view === "string") this.view = saved.view;
      if (typeof saved.gemeente === "string") this.sharedGemeente = saved.gemeente;
      return true;
    } catch (_) {
      return false;
    }
  }
}

// Returns {letters, gemeente} or null when the code is not one of ours.
export function parseCode(text) {
  const match = CODE_PATTERN.exec(text.trim());
  if (!match) return null;
  return { letters: match[1], gemeente: match[2] || null };
}

// The fragment of the address, decoded; a broken %-escape ("#v1.CCD%") gives the raw text,
// which is then simply not a code: the friendly message, never a script error.
export function fragmentText(hash) {
  const raw = hash.replace(/^#/, "");
  try { return decodeURIComponent(raw); } catch (_) { return raw; }
}
