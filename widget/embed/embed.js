/* Drenthe Digitaal scan: embed script for gemeenten (version 1; this path never changes).
 *
 *   <script src="https://SITE/embed/v1/embed.js" integrity="sha384-…" crossorigin="anonymous" async></script>
 *   <drenthe-scan gemeente="emmen"></drenthe-scan>
 *
 * It inserts the scan as an iframe from SITE, sizes it to its content (postMessage, origin-checked
 * both ways) and passes the settings in the iframe URL: custom properties do not cross into an
 * iframe, so the host element's NL Design System tokens are read here. It reads nothing else from
 * the host page, writes nothing outside its own element, sets no cookie and sends the host nothing.
 * Nothing here may throw into the host page: every problem becomes a console message.
 */
(function () {
  "use strict";
  var TAG = "drenthe-scan";
  var PREFIX = "Drenthe Digitaal scan: ";
  var warn = function (msg) { try { console.warn(PREFIX + msg); } catch (e) { /* no console */ } };

  var script = document.currentScript;
  if (!script || !script.src) { warn("kan het eigen adres niet bepalen; laad embed.js met een gewone <script src>."); return; }
  // https://SITE/embed/v1/embed.js or https://SITE/embed.js (latest) → https://SITE/
  var siteBase = new URL(/\/embed\/v\d+\/embed\.js$/.test(new URL(script.src).pathname) ? "../../" : "./", script.src);
  var siteOrigin = siteBase.origin;

  // Settings: attribute first, then the host element's NL Design System token.
  var TOKENS = {
    accent: "--utrecht-button-primary-action-background-color",
    color: "--utrecht-document-color",
    font: "--utrecht-document-font-family",
    focus: "--utrecht-focus-outline-color"
  };

  function hexToRgb(hex) {
    var m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
    if (!m) return null;
    var h = m[1].length === 3 ? m[1].replace(/(.)/g, "$1$1") : m[1];
    return [0, 2, 4].map(function (i) { return parseInt(h.substr(i, 2), 16); });
  }

  function luminance(rgb) {
    var c = rgb.map(function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  // The scan has a white background and white button text: a colour must reach WCAG AA (4.5:1)
  // for text and 3:1 for the focus ring, or it is refused with a message, not applied.
  var WHITE = [255, 255, 255];
  var NEEDS = { accent: 4.5, color: 4.5, focus: 3 };

  function colour(name, value) {
    if (!value) return null;
    var rgb = hexToRgb(value.trim());
    if (!rgb) { warn("de kleur " + name + "=\"" + value + "\" wordt niet gebruikt: geef een kleur als #1a5f8c."); return null; }
    var ratio = contrast(rgb, WHITE);
    if (ratio < NEEDS[name]) {
      warn("de kleur " + name + "=\"" + value + "\" wordt niet gebruikt: het contrast met wit is " + ratio.toFixed(2) +
           ":1, nodig is minstens " + NEEDS[name] + ":1 (WCAG 2.2 AA).");
      return null;
    }
    return value.trim().toLowerCase();
  }

  function fontFamily(value) {
    if (!value) return null;
    var v = value.trim();
    // A font-family list only: names, quotes, commas, spaces. No url(), so no font from any host.
    if (!/^[\w\s,"'-]{1,200}$/.test(v)) { warn("het lettertype \"" + v + "\" wordt niet gebruikt: geef alleen namen van lettertypen."); return null; }
    return v;
  }

  function setting(el, styles, attr, token) {
    var own = el.getAttribute(attr);
    if (own) return own;
    var fromToken = styles.getPropertyValue(token);
    return fromToken ? fromToken.trim() : "";
  }

  function frameUrl(el) {
    var styles = getComputedStyle(el);
    var params = new URLSearchParams();
    var gemeente = (el.getAttribute("gemeente") || "").trim().toLowerCase();
    if (gemeente) {
      if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(gemeente)) params.set("gemeente", gemeente);
      else warn("gemeente=\"" + gemeente + "\" is geen geldige naam (gebruik bijv. \"emmen\"); de scan gaat verder zonder gemeente.");
    }
    ["accent", "color", "focus"].forEach(function (name) {
      var c = colour(name, setting(el, styles, name, TOKENS[name]));
      if (c) params.set(name, c);
    });
    var font = fontFamily(setting(el, styles, "font", TOKENS.font));
    if (font) params.set("font", font);
    var level = el.getAttribute("heading-level");
    if (level) {
      if (/^[1-6]$/.test(level)) params.set("heading", level);
      else warn("heading-level=\"" + level + "\" moet 1 tot en met 6 zijn; de scan gebruikt 1.");
    }
    params.set("embed", "1");
    params.set("parent", location.origin);
    return new URL("scan/?" + params.toString(), siteBase).href;
  }

  var frames = [];  // [{el, iframe}] of this page, for the message handler

  function onMessage(event) {
    if (event.origin !== siteOrigin) return;
    var msg = event.data;
    if (!msg || msg.source !== "drenthe-scan" || msg.type !== "height") return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].iframe.contentWindow === event.source) {
        var h = Math.round(Number(msg.height));
        if (h > 0 && h < 100000) frames[i].iframe.style.height = h + "px";
      }
    }
  }

  // The iframe belongs to its element for good. Moving the element (or taking it out and putting
  // it back) keeps that one iframe; the browser reloads it and it reports its height again.
  function register(el, iframe) {
    for (var i = 0; i < frames.length; i++) if (frames[i].el === el) return;
    frames.push({ el: el, iframe: iframe });
  }

  function ownFrame(el) {
    var state = el.__drentheScan;
    if (state && state.iframe && state.iframe.parentNode === el) return state.iframe;
    // A copy of an element (cloneNode) carries a copy of the iframe: use it, never add a second.
    for (var child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (child.tagName === "IFRAME" && child.hasAttribute("data-drenthe-scan")) return child;
    }
    return null;
  }

  function insert(el) {
    var existing = ownFrame(el);
    if (existing) { el.__drentheScan = { iframe: existing }; register(el, existing); return; }
    var iframe = document.createElement("iframe");
    iframe.src = frameUrl(el);
    iframe.title = el.getAttribute("title") || "Zelfscan digitalisering voor ondernemers";
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("referrerpolicy", "no-referrer");
    iframe.setAttribute("allow", "clipboard-write");  // "Kopieer de link" in the frame
    iframe.setAttribute("data-drenthe-scan", "");
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.display = "block";
    iframe.style.height = "40rem";  // until the scan reports its own height
    el.__drentheScan = { iframe: iframe };
    register(el, iframe);
    el.appendChild(iframe);
  }

  function remove(el) {
    frames = frames.filter(function (f) { return f.el !== el; });
  }

  // Start nothing heavy until the element is near the viewport; an element that has its iframe
  // already (it was moved) gets it back at once.
  function whenNear(el) {
    if (ownFrame(el) || !("IntersectionObserver" in window)) { insert(el); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { observer.disconnect(); el.__drentheObserver = null; insert(el); }
      });
    }, { rootMargin: "600px" });
    observer.observe(el);
    el.__drentheObserver = observer;
  }

  try {
    if (customElements.get(TAG)) { warn("embed.js is twee keer geladen; de tweede keer doet niets."); return; }
    window.addEventListener("message", onMessage);
    customElements.define(TAG, class extends HTMLElement {
      connectedCallback() {
        try {
          if (document.querySelectorAll(TAG).length > 1) {
            warn("er staan " + document.querySelectorAll(TAG).length + " scans op deze pagina. Dat werkt, maar één is duidelijker voor bezoekers.");
          }
          whenNear(this);
        } catch (e) { warn("de scan kon niet worden geplaatst: " + e.message); }
      }
      disconnectedCallback() {
        try {
          if (this.__drentheObserver) { this.__drentheObserver.disconnect(); this.__drentheObserver = null; }
          remove(this);
        } catch (e) { /* the host removed us; nothing left to do */ }
      }
    });
    // Only once the whole page is parsed can we say the element is missing.
    var checkPresent = function () {
      if (!document.querySelector(TAG)) warn("geen <" + TAG + "> gevonden op deze pagina. Zet <" + TAG + " gemeente=\"…\"></" + TAG + "> waar de scan moet komen.");
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", checkPresent);
    else checkPresent();
  } catch (e) {
    warn("de scan kon niet starten: " + e.message);
  }
})();
