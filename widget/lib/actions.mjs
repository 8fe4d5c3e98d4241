// Result actions: print / save as PDF, download JSON, copy the share link.

// The share link keeps ?gemeente= and the gemeente's colours, not the frame's own plumbing nor
// the heading level, which fits the host page (opened on its own, the page needs its h1).
export function shareUrl(code) {
  const params = new URLSearchParams(location.search);
  for (const name of ["embed", "parent", "watchdog", "heading"]) params.delete(name);
  const query = params.toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ""}#${code}`;
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
