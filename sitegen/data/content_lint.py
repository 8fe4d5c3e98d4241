"""`build.py check` for content/*.md: render each page as mkdocs does, then judge the HTML.

The lint does not guess what Python-Markdown will do with a line (an unclosed code fence, an
indented block, a table cell): it renders the page with the very Markdown configuration mkdocs
uses (the `markdown_extensions` of mkdocs.yml, read by mkdocs itself, so its built-in toc,
tables and fenced_code too) and judges what comes out:

- raw HTML of any kind is refused. Python-Markdown keeps raw HTML verbatim in its stash; the only
  stash entries we accept are HTML comments, single character entities (`&amp;`) and the
  `<pre><code>` of a fenced code block (whose text is escaped);
- every element and attribute of the HTML must be on RENDERED_HTML: what the allowed Markdown
  makes (paragraphs, headings with ids, lists, emphasis, code, tables, admonitions, definition
  lists, links, `.md-button` on links). Every href and every reference definition is checked
  with `editor_text.link_problem`.

The HTML is read with html.parser, which differs from a browser at the edges (`<!-->`, `--!>`,
a `<` it cannot read as a tag). So what it cannot read as a clean tag is refused, not skipped.
Each problem is mapped back to the source line whose removal makes it go away; see `_blame`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import markdown

from sitegen.data.editor_text import link_problem
from sitegen.errors import DataError
from sitegen.paths import ROOT

# The audit of the built site asks this for every link of every page; many repeat.
_link_problem = lru_cache(maxsize=1 << 16)(link_problem)

# Admonition types Material styles (its "!!! note" list); any other word would become a class name.
ADMONITION_TYPES = frozenset(
    "note abstract summary tldr info todo tip hint important success check done question help faq "
    "warning caution attention failure fail missing danger error bug example quote cite".split())
BUTTON_CLASSES = frozenset({"md-button", "md-button--primary"})
_ID = re.compile(r"^(?:[A-Za-z0-9][A-Za-z0-9_-]*|_[0-9]{1,4})$")  # toc makes _1 for a heading without letters
_LANGUAGE = re.compile(r"^language-[A-Za-z0-9_+-]{1,40}$")

# What the renderer may make from the allowed Markdown: element -> attributes it may carry.
# `id` comes from toc (headings) or `{ #anker }`; the values of class, id, href and start are
# checked on their own (see _attribute_problem).
_TEXT = frozenset({"id"})
RENDERED_HTML: dict[str, frozenset[str]] = {
    **{tag: _TEXT for tag in ("p", "ul", "li", "em", "strong", "table", "thead", "tbody", "tr", "th", "td",
                              "dl", "dt", "dd", "blockquote", "hr", "br", "h1", "h2", "h3", "h4", "h5", "h6")},
    "ol": frozenset({"id", "start"}),
    "a": frozenset({"id", "href", "title", "class"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "div": frozenset({"class"}),  # only an admonition
    "p.admonition-title": frozenset({"class"}),
}

WRITE_MARKDOWN = "schrijf Markdown. Wil je een teken als < laten zien, zet het dan tussen backticks: `<`"
RAW_HTML = "HTML mag niet op een pagina; " + WRITE_MARKDOWN
_COMMENT_BODY = re.compile(r"<!--(?!-?>)((?:(?!--!?>|<!--).)*?)(?<!<!-)-->", re.S)
_ENTITY = re.compile(r"^&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});$")
_FENCED_CODE = re.compile(r'^<pre><code(?: class="language-[A-Za-z0-9_+-]{1,40}")?>[^<]*</code></pre>$')


def _clean_comments(block: str) -> bool:
    """Only whole, well-formed HTML comments (a browser ends `<!-->` and `--!>` early; we refuse both)."""
    rest = _COMMENT_BODY.sub("", block)
    return rest.strip() == "" and "<!--" in block


def _raw_block_allowed(block: str) -> bool:
    return bool(_clean_comments(block) or _ENTITY.match(block) or _FENCED_CODE.match(block))


@dataclass(frozen=True)
class Finding:
    """One problem in the rendered HTML. `key` groups equal problems (for _blame); `hint` is text
    that is likely on the guilty source line."""
    key: tuple
    hint: str
    message: str


def rendered_tag_problems(tag: str, attrs: list[tuple[str, str | None]]) -> list[Finding]:
    """One start tag against RENDERED_HTML: what the allowed Markdown may make. Also used by
    sitegen.engine.html_audit for the article of every built page."""
    classes = dict(attrs).get("class") or ""
    allowed = RENDERED_HTML.get("p.admonition-title" if tag == "p" and classes == "admonition-title" else tag)
    if allowed is None:
        return [Finding(("element", tag), f"<{tag}", f"<{tag}> mag niet op een pagina; " + WRITE_MARKDOWN)]
    found = []
    for attr, value in attrs:
        problem = _attribute_problem(tag, attr, value or "", allowed)
        if problem:
            found.append(Finding(("attribute", tag, attr, value), value or attr, problem))
    return found


def _attribute_problem(tag: str, attr: str, value: str, allowed: frozenset[str]) -> str | None:
    if attr == "style" and tag in ("th", "td"):
        return ("een tabel met uitlijning (een : in de regel met streepjes) mag niet op een pagina; "
                "schrijf die regel zonder : (bijv. |---|---|)")
    if attr not in allowed:
        return (f"het attribuut '{attr}' op <{tag}> mag niet op een pagina; als attribuutlijst mogen alleen "
                "{ #anker } en { .md-button } (met .md-button--primary); haal de rest weg")
    if attr == "id" and not _ID.match(value):
        return f"het anker '{value[:40]}' mag niet; schrijf een anker met letters, cijfers en - (bijv. {{ #contact }})"
    if attr == "start" and not value.isdigit():
        return f"<{tag} start='{value[:20]}'> mag niet op een pagina"
    if attr == "href":
        return _link_problem(value)
    if attr == "class":
        words = value.split()
        ok = {"a": lambda: set(words) <= BUTTON_CLASSES,
              "code": lambda: len(words) == 1 and _LANGUAGE.match(words[0]),
              "div": lambda: len(words) == 2 and words[0] == "admonition" and words[1] in ADMONITION_TYPES,
              "p": lambda: words == ["admonition-title"]}.get(tag, lambda: False)()
        if not ok:
            return (f"de klasse '{value[:40]}' op <{tag}> mag niet op een pagina; alleen {{ .md-button }} "
                    "(met .md-button--primary) op een link, en een kader met !!! note, !!! tip, !!! warning enz.")
    return None


class _Judge(HTMLParser):
    """The rendered page against RENDERED_HTML. Anything html.parser cannot read as a clean tag
    (a declaration, CDATA, a processing instruction, a bare `<` in text) is a finding too."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.findings: list[Finding] = []

    def _add(self, key: tuple, hint: str, message: str) -> None:
        self.findings.append(Finding(key, hint, message))

    def handle_starttag(self, tag, attrs):
        self.findings += rendered_tag_problems(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        pass  # an end tag carries nothing; its start tag (or the raw block it came in) is judged

    def handle_data(self, data):
        if "<" in data:  # the renderer escapes every < in text: this one is a tag html.parser could not read
            self._add(("data", "<"), data.strip()[:30], RAW_HTML)

    def handle_comment(self, data):
        pass  # which comments may stand is judged on the raw blocks (_raw_block_allowed)

    def handle_decl(self, decl):
        self._add(("decl",), "<!", RAW_HTML)

    def unknown_decl(self, data):
        self._add(("decl",), "<![", RAW_HTML)

    def handle_pi(self, data):
        self._add(("pi",), "<?", RAW_HTML)


class ConfigProblem(Exception):
    """mkdocs.yml cannot be read; the message is Dutch."""


@lru_cache(maxsize=4)
def markdown_config(config_file: Path) -> tuple[tuple, dict]:
    """mkdocs.yml's Markdown configuration, read by mkdocs itself (so with its built-in extensions)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        config = load_config(str(config_file))
    except (Abort, ConfigurationError, OSError) as exc:
        raise ConfigProblem(f"mkdocs kan {config_file.name} niet lezen ({exc}); de inhoudspagina's zijn niet "
                            "gecontroleerd. Herstel eerst de fout die mkdocs hierboven meldt.") from None
    return tuple(config["markdown_extensions"]), dict(config["mdx_configs"])


class PageRenderer:
    """Python-Markdown configured as mkdocs configures it; one instance, reset per render."""

    def __init__(self, config_file: Path):
        extensions, configs = markdown_config(config_file)
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=configs)

    def findings(self, text: str) -> list[Finding]:
        self._md.reset()
        html = self._md.convert(text)
        found = [Finding(("raw", block), block.strip().split("\n")[0][:60], RAW_HTML)
                 for block in self._md.htmlStash.rawHtmlBlocks
                 if isinstance(block, str) and not _raw_block_allowed(block)]
        # A reference definition makes no HTML until it is used; check it anyway.
        for label, (url, _title) in sorted(self._md.references.items()):
            problem = link_problem(url)
            if problem:
                found.append(Finding(("reference", label, url), url, problem))
        judge = _Judge()
        judge.feed(html)
        judge.close()
        if judge.rawdata:  # a '<' at the end that html.parser kept back: not a clean tag either
            found.append(Finding(("data", "<"), judge.rawdata.strip()[:30], RAW_HTML))
        return found + judge.findings


MAX_PER_PAGE = 20  # an editor fixes the first ones and runs check again
RENDERS_PER_PAGE = 300  # the blame renders the page again per line it tries; a hostile page cannot make that endless
_BLAME_ALL_LINES_UP_TO = 600


def _blame(renderer: PageRenderer, lines: list[str], finding: Finding, taken: set[int], budget: list[int]) -> int:
    """The source line of a finding: the first line (hinted lines first) whose removal makes one
    of the findings with its key go away. Python-Markdown keeps no source positions; removal asks
    the renderer itself, so an unclosed fence or a reference used far above still points at the
    line that causes it. When no single line does (the problem needs two lines together), or the
    page's budget of renders is spent, the first hinted line, else line 1."""
    def count(text_lines: list[str]) -> int:
        budget[0] -= 1
        return sum(1 for f in renderer.findings("\n".join(text_lines)) if f.key == finding.key)

    hinted = [n for n, line in enumerate(lines) if finding.hint and finding.hint.strip() in line]
    if budget[0] <= 0:
        return hinted[0] + 1 if hinted else 1
    full = count(lines)
    hinted_set = set(hinted)
    rest = [n for n in range(len(lines)) if n not in hinted_set] if len(lines) <= _BLAME_ALL_LINES_UP_TO else []
    for n in hinted + rest:
        if budget[0] <= 0:
            break
        if n in taken:
            continue
        if count(lines[:n] + [""] + lines[n + 1:]) < full:
            taken.add(n)
            return n + 1
    return hinted[0] + 1 if hinted else 1


def lint_text(text: str, shown: str, config_file: Path = ROOT / "mkdocs.yml") -> list[DataError]:
    renderer = PageRenderer(config_file)
    findings = renderer.findings(text)
    lines = text.split("\n")
    errors: list[DataError] = []
    taken: dict[tuple, set[int]] = {}
    budget = [RENDERS_PER_PAGE]
    for finding in findings[:MAX_PER_PAGE]:
        line = _blame(renderer, lines, finding, taken.setdefault(finding.key, set()), budget)
        errors.append(DataError(shown, line, 1, finding.message))
    # A raw <meta> is found twice: as raw HTML and as an element. Say it once, with the element.
    named = {e.line for e in errors if e.message != RAW_HTML}
    errors = [e for e in errors if e.message != RAW_HTML or e.line not in named]
    if len(findings) > MAX_PER_PAGE:
        errors.append(DataError(shown, 1, 1, f"en nog {len(findings) - MAX_PER_PAGE} andere problemen op deze pagina"))
    return list(dict.fromkeys(errors))  # a used reference is found as its definition and as its link


def lint_page(path: Path, shown: str, config_file: Path = ROOT / "mkdocs.yml") -> list[DataError]:
    return lint_text(path.read_text(encoding="utf-8"), shown, config_file)


def lint_content(content_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> list[DataError]:
    try:
        markdown_config(config_file)
    except ConfigProblem as exc:
        return [DataError(config_file.name, 1, 1, str(exc))]
    errors: list[DataError] = []
    for path in sorted(content_dir.rglob("*.md")):
        errors += lint_page(path, f"content/{path.relative_to(content_dir).as_posix()}", config_file)
    return errors
