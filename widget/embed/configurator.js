/* The configurator on /voor-gemeenten/: choose gemeente, colour, font; see a live preview; copy the code.
 * The preview uses the real embed.js, so what a gemeente sees is what its site will show. */
(function () {
  "use strict";
  var root = document.querySelector(".dd-configurator");
  if (!root) return;  // loaded on every page of the site; only this page has the configurator
  var script = document.currentScript;
  var base = new URL("../", script ? script.src : location.href);  // assets/configurator.js → site root
  var embedPath = root.getAttribute("data-embed-path");
  var sri = root.getAttribute("data-sri");
  var form = root.querySelector("form");
  var snippet = root.querySelector("#dd-snippet");
  var preview = root.querySelector("#dd-preview");
  var accentError = root.querySelector("#dd-accent-error");
  var copyStatus = root.querySelector("#dd-copy-status");

  function luminance(hex) {
    var h = hex.replace("#", "");
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16) / 255; })
      .map(function (v) { return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
      .reduce(function (sum, v, i) { return sum + v * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }

  function contrastWithWhite(hex) { return 1.05 / (luminance(hex) + 0.05); }

  function settings() {
    var accent = form.accent.value;
    var ratio = contrastWithWhite(accent);
    var ok = ratio >= 4.5;
    accentError.textContent = ok ? "" : "Deze kleur heeft te weinig contrast met witte tekst (" +
      ratio.toFixed(1).replace(".", ",") + " : 1, nodig is 4,5 : 1). De scan gebruikt dan zijn eigen kleur.";
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
        '        style="width:100%;height:60rem;border:0" loading="lazy"></iframe>';
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
})();
