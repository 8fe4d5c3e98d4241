// Result actions: print / save as PDF, download JSON, copy the share link.

// The share link keeps the page's gemeente and the gemeente's colours and font, and only as the
// page accepted them (`accepted`: a known gemeente, what applyTheme applied). A parameter the page
// refused (?font=x;}body{…) or anything else on the address never travels on in a link or a mail.
// Not the frame's own plumbing (embed, parent, watchdog) nor the heading level, which fits the host
// page (opened on its own, the page needs its h1).
export const SHARED_PARAMETERS = ["gemeente", "accent", "color", "focus", "font"];

export function shareUrl(code, accepted = {}, where = location) {
  const params = new URLSearchParams();
  for (const name of SHARED_PARAMETERS) {
    if (typeof accepted[name] === "string" && accepted[name]) params.set(name, accepted[name]);
  }
  const query = params.toString();
  return `${where.origin}${where.pathname}${query ? `?${query}` : ""}#${code}`;
}

export function downloadJson(result) {
  const blob = new Blob([JSON.stringify(result, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `uitkomst-digitale-scan-${result.code || "scan"}.json`.replace(/[^\w.-]+/g, "-");
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// Clipboard may be refused (iframe, permissions): then select the text so Ctrl+C works.
export async function copyLink(input, status) {
  try {
    await navigator.clipboard.writeText(input.value);
    status.textContent = "De link is gekopieerd.";
  } catch (_) {
    input.focus();
    input.select();
    status.textContent = "Kopiëren lukte niet automatisch. De link is geselecteerd: kopieer hem met Ctrl+C (of Cmd+C).";
  }
}
