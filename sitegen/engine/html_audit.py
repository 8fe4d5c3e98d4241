"""Every built HTML page against an allowlist of elements and attributes (issue 26).

The last line of defence behind the lint of content/*.md (sitegen.data.content_lint) and the
escaping of the data: it judges what ships, so a trick that got past both, on an editor's page
or on a page made from the data, still stops the build, with the built file and its line.

Three allowlists, each as small as the templates that fill it:
- THEME: what mkdocs-material 9.8.1 emits around the content with our mkdocs.yml (its meta, link,
  search form, icons, data blocks and the src of its bundle). Its inline scripts must be the
  theme's own: the scripts in material/templates/partials/javascripts/, read from the installed
  theme, with only the base URL free (`theme_inline_scripts`). The CSP step hashes whatever
  inline script a page holds, so this is what keeps an injected one out.
- the content, inside Material's <article>: what the renderer may make from the allowed Markdown
  (content_lint.RENDERED_HTML, with its rules for ids, classes and links), plus GENERATED: the
  few elements our templates in sitegen/pages add (quotes, table captions, our JSON-LD).
- our own pages (PAGE_EXTRAS): /voor-gemeenten/ adds the configurator's form (sitegen/pages/templates/
  voor_gemeenten.md.j2) to its content, /vind-hulp/ the finder's filters and cards (finder.md.j2),
  /monitor/ its bar charts (MONITOR); the scan page (widget/templates/scan.html) is no
  Material page and has SCAN_PAGE for the whole page.

Everywhere: no event handler (on…), no style attribute, no base element, meta and link only in
the head (meta http-equiv only for the CSP), src and stylesheet links only to this site, every
href on editor_text's link allowlist, comments that a browser ends where html.parser does, and
nothing html.parser cannot read as a clean tag.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from sitegen.data.content_lint import rendered_tag_problems
from sitegen.data.editor_text import link_problem

# The menu's links repeat on every page of the same depth: check each address once.
_link_problem = lru_cache(maxsize=1 << 16)(link_problem)

_A = frozenset
# Material's page around the content (inventory of its templates' output on our site).
THEME: dict[str, frozenset[str]] = {
    "html": _A({"class", "lang"}), "head": _A(), "title": _A(), "body": _A({"dir"}),
    "meta": _A({"charset", "content", "http-equiv", "name"}),
    "link": _A({"href", "rel"}),
    "script": _A({"id", "src", "type"}),
    "a": _A({"aria-label", "class", "data-md-component", "href", "title"}),
    "button": _A({"aria-label", "class", "data-md-component", "hidden", "tabindex", "title", "type"}),
    "div": _A({"aria-label", "class", "data-md-component", "data-md-scrollfix", "data-md-type", "role", "tabindex"}),
    "footer": _A({"class"}), "header": _A({"class", "data-md-component"}),
    "main": _A({"class", "data-md-component"}), "article": _A({"class"}),
    "form": _A({"class", "name"}),  # the search form: no action, so it never leaves the page
    "input": _A({"aria-label", "autocapitalize", "autocomplete", "autocorrect", "checked", "class",
                 "data-md-component", "data-md-toggle", "id", "name", "placeholder", "required", "spellcheck", "type"}),
    "label": _A({"class", "for", "id"}),
    "nav": _A({"aria-expanded", "aria-label", "aria-labelledby", "class", "data-md-level"}),
    "ul": _A({"class", "data-md-component", "data-md-scrollfix"}), "ol": _A({"class", "role"}),
    "li": _A({"class"}), "span": _A({"class"}),
    "svg": _A({"aria-hidden", "focusable", "viewbox", "xmlns"}), "path": _A({"d"}),  # Material's inline icons
}
THEME_VALUES = {
    ("meta", "http-equiv"): {"content-security-policy"},
    ("meta", "name"): {"description", "generator", "viewport"},
    ("link", "rel"): {"icon", "next", "prev", "stylesheet", "canonical"},  # canonical: only to site_url, see _check
    ("script", "type"): {"application/json", "module"},
    ("input", "type"): {"checkbox", "text"},
    ("button", "type"): {"button", "reset"},
}
# Our templates in sitegen/pages add these inside the article: (element, attribute) -> values.
GENERATED: dict[str, dict[str, set[str] | None]] = {
    "q": {"class": {"dd-quote"}},                                   # _entity_footer.html.j2
    "p": {"class": {"dd-feedback"}},                                 # _entity_footer.html.j2 (with repository_url)
    "small": {}, "caption": {},                                      # instrument.html.j2, ecosystem.py
    "th": {"scope": {"col", "row"}},                                 # tables made by templates
    "td": {"class": {"witte-vlek"}, "data-label": None},             # ecosystem.py; data-label: phone layout
    "table": {"data-stack": {""}},                                   # stacked rows on a phone (site.css)
    "ul": {"class": {"dd-open-now"}},                                # gemeente_lead.html.j2
    # monitor.py: a wide table in a scroll region a keyboard can reach (gemeente and monitor pages)
    "div": {"class": {"md-typeset__scrollwrap", "md-typeset__table", "dd-table"}, "role": {"region"},
            "tabindex": {"0"}, "aria-label": None},
    "script": {"type": {"application/ld+json"}},                     # sitegen/pages/jsonld.py
}
REQUIRED = {"script": {"type"}}  # a <script> in the content is only ever our JSON-LD
# /voor-gemeenten/: the configurator (voor_gemeenten.md.j2). None = any value.
CONFIGURATOR: dict[str, dict[str, set[str] | None]] = {
    "div": {"class": {"dd-configurator"}, "data-embed-path": None, "data-sri": None, "hidden": {""}, "id": {"dd-preview"}},
    "form": {"class": {"dd-configurator__form"}, "novalidate": {""}},
    "label": {"for": None}, "select": {"id": None, "name": None}, "option": {"value": None},
    "input": {"id": None, "name": None, "type": {"color"}, "value": None, "aria-describedby": None},
    "span": {"id": None, "class": {"dd-hint", "dd-error"}, "role": {"alert", "status"}},
    "textarea": {"id": {"dd-snippet"}, "rows": None, "readonly": {""}},
    "button": {"type": {"button"}, "class": {"md-button md-button--primary"}, "id": {"dd-copy"}},
    "h3": {}, "noscript": {},
}
# /vind-hulp/: the help finder's filters and cards (sitegen/pages/templates/finder.md.j2).
FINDER: dict[str, dict[str, set[str] | None]] = {
    "form": {"class": {"dd-finder"}, "id": None, "hidden": {""}, "aria-labelledby": None},
    "details": {"class": {"dd-finder__group"}, "data-key": None}, "summary": {}, "fieldset": {"aria-describedby": None},
    "legend": {},
    "label": {"for": None},
    "input": {"type": {"checkbox", "search"}, "id": None, "name": None, "autocomplete": {"off"},
              "spellcheck": {"false"}, "value": None},
    "div": {"class": {"dd-check", "dd-finder__all", "dd-finder__results"}, "id": None, "hidden": {""}},
    "p": {"class": {"dd-finder__count", "dd-finder__hint", "dd-finder__search"}, "id": None, "role": {"status"}, "aria-live": {"polite"}},
    "span": {"class": {"dd-card__meta", "dd-finder__chosen"}, "data-chosen": None},
    "button": {"type": {"button"}, "class": {"md-button"}, "id": None, "hidden": {""}},
    "nav": {"aria-labelledby": None},
    "ol": {"class": {"dd-cards"}, "id": None, "aria-labelledby": None},
    "ul": {"class": {"dd-cards", "dd-finder__jump"}}, "li": {"class": {"dd-card"}},
    "a": {"class": {"dd-card__title"}, "href": None},
}
# /monitor/ and /monitor/<jaar>/: layout blocks and the bar charts of monitor_chart.py (presentation
# attributes with the chart's own colours; numbers for the geometry).
_NUMBER = None  # any value: html.parser hands it over as text and a browser reads it as a length
_CHART_COLOURS = {"#1a4f7a", "#d9e5ef", "#1b1b1b"}  # scan_core.svg DARK, LIGHT, TEXT
MONITOR: dict[str, dict[str, set[str] | None]] = {
    "div": {"class": {"dd-figure", "dd-annual", "dd-annual-row", "dd-annual-cell"}},
    "p": {"class": {"dd-small", "dd-target"}},
    "svg": {"xmlns": {"http://www.w3.org/2000/svg"}, "viewbox": _NUMBER, "role": {"img"}, "aria-labelledby": None,
            "class": {"dd-chart"}},
    "title": {"id": None}, "desc": {"id": None},
    "line": {"x1": _NUMBER, "y1": _NUMBER, "x2": _NUMBER, "y2": _NUMBER, "stroke": _CHART_COLOURS, "stroke-width": _NUMBER},
    "rect": {"x": _NUMBER, "y": _NUMBER, "width": _NUMBER, "height": _NUMBER, "rx": _NUMBER, "fill": _CHART_COLOURS},
    "text": {"x": _NUMBER, "y": _NUMBER, "text-anchor": {"middle"}, "font-size": _NUMBER, "font-weight": {"700"},
             "fill": _CHART_COLOURS},
}
_MONITOR_PAGE = re.compile(r"monitor/(?:[0-9]{4}/)?index\.html")
# The scan page, widget/templates/scan.html: the whole page, no Material around it.
SCAN_PAGE: dict[str, frozenset[str]] = {
    "html": _A({"lang"}), "head": _A(), "title": _A(), "body": _A(), "style": _A(), "noscript": _A(),
    "meta": _A({"charset", "content", "http-equiv", "name"}), "link": _A({"href", "rel"}),
    "script": _A({"id", "src", "type"}),
    "a": _A({"class", "data-action", "data-focus", "href"}), "header": _A({"class"}), "footer": _A({"class"}),
    "main": _A({"class", "data-scan-data", "data-watchdog-ms", "data-worker", "id", "tabindex"}),
    "section": _A({"aria-labelledby", "class", "data-view", "hidden", "id"}),
    "div": _A({"aria-hidden", "class", "hidden", "id", "role", "tabindex"}),
    "p": _A({"class", "hidden", "id", "role"}), "span": _A({"class"}),
    "h1": _A({"class", "id", "tabindex"}), "h2": _A({"class", "id", "tabindex"}), "h3": _A({"class"}),
    "ul": _A({"class", "id"}), "li": _A(), "dl": _A({"class", "id"}),
    "form": _A({"class", "data-question", "id", "novalidate"}),
    "fieldset": _A({"aria-describedby", "class"}), "legend": _A({"class"}), "label": _A({"class", "for"}),
    "input": _A({"accept", "aria-describedby", "autocomplete", "class", "id", "name", "readonly", "spellcheck",
                 "type", "value"}),
    "textarea": _A({"class", "id", "readonly", "rows"}), "button": _A({"class", "data-action", "type"}),
}
SCAN_VALUES = {
    ("meta", "http-equiv"): {"content-security-policy"},
    ("meta", "name"): {"viewport", "referrer"},
    ("link", "rel"): {"icon"},
    ("script", "type"): {"application/json", "module"},
    ("input", "type"): {"radio", "text", "file"},
    ("button", "type"): {"button", "submit"},
}
SCAN_PAGE_FILE = "scan/index.html"
CONFIGURATOR_FILE = "voor-gemeenten/index.html"
# Pages with a form or widget of ours in their content, and what each may add.
PAGE_EXTRAS = {CONFIGURATOR_FILE: CONFIGURATOR, "vind-hulp/index.html": FINDER}
HEAD_ONLY = frozenset({"meta", "link", "title", "style"})
DATA_BLOCKS = frozenset({"application/json", "application/ld+json"})
# What Material's {{ base_url }} becomes: ".", "../..", or on the 404 page a path from the root ("/").
_BASE_URL = r"(?:\.|\.\.(?:/\.\.)*|/[A-Za-z0-9._~/-]{0,200})"
_FOREIGN = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*:|[/\\]{2})")  # a scheme or //host: not this site
MAX_REPORTED = 30


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class AuditError(RuntimeError):
    """Pages hold what no template of ours emits; the message is Dutch and names file:line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        shown = [str(p) for p in self.problems[:MAX_REPORTED]]
        if len(self.problems) > MAX_REPORTED:
            shown.append(f"en nog {len(self.problems) - MAX_REPORTED} andere problemen")
        super().__init__("De gebouwde pagina's bevatten HTML die niet uit onze sjablonen of uit toegestane Markdown "
                         "kan komen; de site is niet bijgewerkt:\n" + "\n".join(shown))


@lru_cache(maxsize=1)
def theme_inline_scripts() -> tuple[re.Pattern, ...]:
    """Material's inline scripts, from its installed templates; `{{ … }}` (the base URL) may vary."""
    import material

    folder = Path(material.__file__).parent / "templates" / "partials" / "javascripts"
    patterns = []
    for template in sorted(folder.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", template.read_text(encoding="utf-8"), re.S):
            parts = re.split(r"\{\{.*?\}\}", body)
            patterns.append(re.compile(_BASE_URL.join(re.escape(part) for part in parts)))
    return tuple(patterns)


def comment_problems(html: str) -> list[int]:
    """Lines of comments a browser would end elsewhere than html.parser: `<!-->`, `<!--->`, a
    `--!>` or `<!--` inside, or no end at all (HTML's comment rules)."""
    lines, start = [], 0
    while (i := html.find("<!--", start)) >= 0:
        rest = html[i + 4:]
        end = rest.find("-->")
        body = rest[:end] if end >= 0 else rest
        if rest.startswith((">", "->")) or end < 0 or "--!>" in body or "<!--" in body or body.endswith("<!-"):
            lines.append(html.count("\n", 0, i) + 1)
        start = i + 4 + (end + 3 if end >= 0 else len(rest))
    return lines


class _PageAudit(HTMLParser):
    def __init__(self, where: str, site_url: str = ""):
        super().__init__(convert_charrefs=False)
        self.where = where
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.problems: list[Problem] = []
        self.scan_page = where == SCAN_PAGE_FILE
        self.extras = MONITOR if _MONITOR_PAGE.fullmatch(where) else PAGE_EXTRAS.get(where, {})
        self.svg_depth = 0  # inside an inline <svg>, <title> is the chart's name (judged as content), not the page's
        self.in_head = False
        # The content runs from Material's <article> to the LAST </article> of the page: an end
        # tag inside the content (`</p></article>`) cannot end it early and put what follows
        # under the theme's looser allowlist. html.parser and a browser may count open elements
        # differently (`<div/>`), so no depth counting.
        self.in_article = False
        self.articles = 0
        self.article_ends_left = 0  # set by audit_page from the raw page
        self.seen_tag = False
        self.raw: tuple[str, str] | None = None  # (element, type) of the script or style being read

    def _problem(self, message: str) -> None:
        self.problems.append(Problem(self.where, self.getpos()[0], message))

    # -- tags ---------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag in ("script", "style"):
            self.raw = (tag, (dict(attrs).get("type") or "").lower())
        if tag == "head":
            self.in_head = True
        if tag == "svg":
            self.svg_depth += 1
        if tag == "article":
            self.articles += 1
            if self.articles > 1:
                self._problem("meer dan één <article> op de pagina; de inhoud mag geen <article> bevatten")
            self.in_article = True

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if self.raw and tag == self.raw[0]:
            self.raw = None
        if tag == "article":
            self.article_ends_left -= 1
            if self.article_ends_left > 0:
                self._problem("</article> in de inhoud; de inhoud mag geen <article> openen of sluiten")
            else:
                self.in_article = False

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen_tag = True
        for name, _ in attrs:
            if name.startswith("on"):
                self._problem(f"<{tag} {name}=…>: een event-handler mag niet op een pagina")
            elif name == "style":
                self._problem(f"<{tag} style=…>: een style-attribuut mag niet op een pagina")
        if tag == "base":
            self._problem("<base> mag niet op een pagina: het verandert waar elke link heen gaat")
            return
        if tag in HEAD_ONLY and not self.in_head and not (tag == "title" and self.svg_depth):
            self._problem(f"<{tag}> staat buiten <head>; dat maakt geen sjabloon van ons")
            return
        values = dict(attrs)
        canonical = tag == "link" and (values.get("rel") or "").lower() == "canonical"
        if canonical and not (self.site_url and (values.get("href") or "").startswith(self.site_url)):
            self._problem("<link rel=\"canonical\"> mag alleen naar het adres van de site (site_url in mkdocs.yml)")
        for name in ("src",) + (("href",) if tag == "link" and not canonical else ()):
            value = values.get(name)
            if value is not None and _FOREIGN.match(value) and not (self.scan_page and value == "data:,"):
                self._problem(f"<{tag} {name}=\"{value[:60]}\">: alleen bestanden van deze site")
        if "href" in values and tag != "link" and (problem := _link_problem(values["href"] or "")):
            self._problem(f"<{tag} href=\"{(values['href'] or '')[:60]}\">: {problem}")
        if self.scan_page:
            self._against(tag, attrs, SCAN_PAGE, SCAN_VALUES)
        elif self.in_article:
            self._content(tag, attrs)
        else:
            self._against(tag, attrs, THEME, THEME_VALUES)

    def _against(self, tag, attrs, allowed: dict, values: dict) -> None:
        names = allowed.get(tag)
        if names is None:
            self._problem(f"<{tag}> hoort niet bij het thema van de site")
            return
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                continue  # reported above
            if name not in names:
                self._problem(f"het attribuut '{name}' op <{tag}> hoort niet bij het thema van de site")
            elif (tag, name) in values and (value or "").lower() not in values[(tag, name)]:
                self._problem(f"<{tag} {name}=\"{(value or '')[:40]}\"> hoort niet bij het thema van de site")

    def _content(self, tag, attrs) -> None:
        """Inside the article: what the renderer may make, or what our templates add."""
        named = {name for name, _ in attrs}
        for rules in (GENERATED, self.extras):
            rule = rules.get(tag)
            if (rule is not None and REQUIRED.get(tag, set()) <= named
                    and all(name in rule and (rule[name] is None or (value or "") in rule[name]) for name, value in attrs)):
                return
        for finding in rendered_tag_problems(tag, attrs):
            attr = finding.key[2] if finding.key[0] == "attribute" else ""
            if attr == "style" or attr.startswith("on"):
                continue  # reported above
            self._problem(f"in de inhoud: {finding.message}")

    # -- text ---------------------------------------------------------------------------------
    def handle_data(self, data):
        if self.raw:
            self._raw_text(data)
        elif "<" in data:
            self._problem("een < die geen nette tag is; een browser kan er een tag in lezen")

    def _raw_text(self, body: str) -> None:
        element, kind = self.raw
        if re.search(r"<!--|<script|</", body, re.I):
            self._problem(f"in <{element}> staat <!--, <script of </; dat kan de pagina breken")
        if element == "style":
            return  # SCAN_PAGE allows <style> in the head only (checked with the tag)
        if kind in DATA_BLOCKS:
            try:
                json.loads(body)
            except ValueError:
                self._problem(f"<script type=\"{kind}\"> bevat geen geldige JSON")
            return
        if self.scan_page or self.in_article or kind not in ("", "text/javascript"):
            self._problem("een inline script mag hier niet; alleen de scripts van het thema, in de kop en voet")
        elif not any(p.fullmatch(body) for p in theme_inline_scripts()):
            self._problem("een inline script dat niet uit het thema (mkdocs-material) komt")

    def handle_comment(self, data):
        pass  # whether a comment ends where a browser ends it: comment_problems, on the raw page

    def handle_decl(self, decl):
        if decl.lower() != "doctype html" or self.seen_tag:
            self._problem(f"<!{decl[:30]}> hoort niet op een pagina")

    def unknown_decl(self, data):
        self._problem("<![CDATA[…]]> hoort niet op een pagina")

    def handle_pi(self, data):
        self._problem("<?…> hoort niet op een pagina")


def audit_page(html: str, where: str, site_url: str = "") -> list[Problem]:
    """Problems of one built page; `where` is its path in the site (scan/index.html, …);
    site_url is mkdocs.yml's (Material links each page to its address there: rel=canonical)."""
    audit = _PageAudit(where, site_url)
    audit.article_ends_left = len(re.findall(r"</article[\s/>]", html, re.I))
    audit.feed(html)
    audit.close()
    if audit.rawdata.strip():
        audit._problem("de pagina eindigt in een tag die niet af is")
    problems = audit.problems + [Problem(where, line, "een HTML-opmerking die een browser anders afsluit "
                                         "(<!-->, --!> of een opmerking in een opmerking)")
                                 for line in comment_problems(html)]
    if not audit.scan_page and audit.articles == 0:
        problems.append(Problem(where, 1, "geen <article>: dit is geen pagina van het thema"))
    return problems


def audit_site(site_dir: Path, site_url: str = "") -> int:
    """Every HTML page of the built site; raises AuditError with all problems. Returns the count."""
    problems: list[Problem] = []
    pages = 0
    for path in sorted(site_dir.rglob("*.html")):
        problems += audit_page(path.read_text(encoding="utf-8"), path.relative_to(site_dir).as_posix(), site_url)
        pages += 1
    if problems:
        raise AuditError(problems)
    return pages
