/* The configurator on /voor-gemeenten/: choose gemeente, colour, font; see a live preview; copy the code.
 * The preview uses the real embed.js, so what a gemeente sees is what its site will show. */
const root = document.querySelector(".dd-configurator");
// Loaded on every page of the site; only this page has the configurator, so import lazily.
if (root) import("./contrast.mjs").then(({ checkColour }) => setUp(root, checkColour));

function setUp(root, checkColour) {
  var base = new URL("../", import.meta.url);  // assets/configurator.mjs → site root
  var embedPath = root.getAttribute("data-embed-path");
  var sri = root.getAttribute("data-sri");
  var form = root.querySelector("form");
  var snippet = root.querySelector("#dd-snippet");
  var preview = root.querySelector("#dd-preview");
  var accentError = root.querySelector("#dd-accent-error");
  var copyStatus = root.querySelector("#dd-copy-status");

  function settings() {
    var accent = form.accent.value;
    var check = checkColour("accent", accent);
    var ok = check.ok;
    accentError.textContent = ok ? "" : "Deze kleur heeft te weinig contrast met witte tekst (" +
      check.ratio.toFixed(1).replace(".", ",") + " : 1, nodig is 4,5 : 1). De scan gebruikt dan zijn eigen kleur.";
    form.accent.setAttribute("aria-invalid", ok ? "false" : "true");
    return { gemeente: form.gemeente.value, accent: ok ? accent : "", font: form.font.value, way: form.way.value };
  }

  function escapeAttr(v) { return v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;"); }

  function code(s) {
    if (s.way === "iframe") {
      var params = new URLSearchParams();
      if (s.gemeente) params.set("gemeente", s.gemeente);
      if (s.accent) params.set("accent", s.accent);
      if (s.font) params.set("font", s.font);
      var query = params.toString();
      return '<iframe src="' + escapeAttr(new URL("scan/" + (query ? "?" + query : ""), base).href) + '"\n' +
        '        title="Zelfscan digitalisering voor ondernemers"\n' +
        '        style="width:100%;height:60rem;border:0" loading="lazy" allow="clipboard-write"></iframe>';
    }
    var attrs = "";
    if (s.gemeente) attrs += ' gemeente="' + escapeAttr(s.gemeente) + '"';
    if (s.accent) attrs += ' accent="' + escapeAttr(s.accent) + '"';
    if (s.font) attrs += ' font="' + escapeAttr(s.font) + '"';
    return '<script src="' + new URL(embedPath, base).href + '"\n' +
      '        integrity="' + sri + '"\n' +
      '        crossorigin="anonymous" async></script>\n' +
      "<drenthe-scan" + attrs + "></drenthe-scan>";
  }

  var embedLoaded = false;
  function showPreview(s) {
    if (!embedLoaded) {
      var tag = document.createElement("script");
      tag.src = new URL(embedPath, base).href;
      tag.integrity = sri;
      tag.crossOrigin = "anonymous";
      document.head.appendChild(tag);
      embedLoaded = true;
    }
    preview.textContent = "";
    var el = document.createElement("drenthe-scan");
    if (s.gemeente) el.setAttribute("gemeente", s.gemeente);
    if (s.accent) el.setAttribute("accent", s.accent);
    if (s.font) el.setAttribute("font", s.font);
    el.setAttribute("title", "Voorbeeld van de zelfscan");
    preview.appendChild(el);
  }

  function update() {
    var s = settings();
    snippet.value = code(s);
    showPreview(s);
  }

  root.querySelector("#dd-copy").addEventListener("click", function () {
    snippet.select();
    var done = function () { copyStatus.textContent = "De code is gekopieerd."; };
    if (navigator.clipboard) navigator.clipboard.writeText(snippet.value).then(done, function () {
      copyStatus.textContent = "Kopiëren lukte niet. Selecteer de code en kopieer hem zelf.";
    });
    else { document.execCommand("copy"); done(); }
  });
  form.addEventListener("change", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  root.hidden = false;
  update();
}
