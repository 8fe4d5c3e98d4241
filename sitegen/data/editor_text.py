"""Editors' text as HTML: one renderer and one link rule for data/ and content/.

Anyone can open a pull request, and a reviewer reads YAML, not the HTML it becomes. So:
- a long text (a description) is a Markdown subset: paragraphs, emphasis, lists and links.
  No raw HTML, no images, no attribute lists, no reference-style links (markdown-it-py with
  html off; attr_list is a Python-Markdown extension and never sees this text);
- a short text (a name, a title, a step's action) is plain text, escaped for HTML and, where it
  goes into a Markdown page for mkdocs, made inert for Markdown too (`markdown_inert`);
- every link is checked against an allowlist (`link_problem`), before rendering to tell the
  editor, and again on the rendered HTML. A scheme broken by a newline, tab, entity or
  %-escape is refused, never "cleaned": a browser drops a newline from `java\\nscript:`.
`problems()` gives the Dutch messages `build.py check` prints; `render()` never emits what they refuse.
"""
from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markupsafe import Markup

from sitegen.data.urls import ADDRESS_MAX, email_problem, web_address_problem

WHAT_TO_WRITE = ("schrijf een webadres dat begint met https://, een mailto:- of tel:-link, "
                 "of een link binnen deze site (bijv. /partners/ibdo/)")
_SCHEME = re.compile(r"^([^/?#]*?):")
_TEL = re.compile(r"^[0-9+()\-.]+$")
ATTRIBUTE_LIST = re.compile(r"\{[^{}\n]*\}")
# One character class between < and the letter, not `\s*[/!?]?\s*`: two stars around an optional
# part backtrack quadratically on `<` + 16,000 spaces + `1` (3.7 s per field, issue 26).
# Every pattern here runs on text from a pull request: each must stay linear (tests/test_editor_text.py).
HTML_TAG = re.compile(r"<[\s/!?]*[a-zA-Z]")
LINK_DESTINATION = re.compile(r"\]\(([^)]*)\)?")


def _hidden_characters(url: str) -> bool:
    """Whitespace, control or format characters, or a backslash: a browser drops or rewrites them."""
    return any(c.isspace() or c == "\\" or unicodedata.category(c) in ("Cc", "Cf") for c in url)


def _variant_problem(url: str) -> str | None:
    if _hidden_characters(url):
        return ("het adres van een link bevat een spatie, tab, regeleinde of \\; "
                "schrijf het adres aan één stuk")
    if url.startswith("//"):
        return f"een link die met // begint gaat naar een andere site zonder https; {WHAT_TO_WRITE}"
    match = _SCHEME.match(url)
    if not match:
        return None  # a link within the site: /pad/, ../pad/, #anker, pagina.md
    scheme = match.group(1)
    if scheme == "https":
        return None if re.match(r"^https://[^/?#@\s]+", url) else f"'{url}' is geen volledig webadres; {WHAT_TO_WRITE}"
    if scheme == "mailto":
        # One address by the e-mail rule, nothing after it: a ?cc= or %2C would add a recipient.
        problem = email_problem(url[len("mailto:"):])
        return f"{problem} (in een mailto:-link; schrijf mailto:naam@voorbeeld.nl)" if problem else None
    if scheme == "tel" and _TEL.match(url[4:]):
        return None
    shown = scheme if len(scheme) <= 20 else scheme[:20] + "…"
    return f"een link naar '{shown}:' mag niet; {WHAT_TO_WRITE}"


def link_problem(url: str) -> str | None:
    """None when url may be a link's href; else a Dutch message. Checked as written, and as a
    browser would read it after decoding entities and %-escapes: every reading must pass."""
    if len(url) > ADDRESS_MAX:  # bounded work: five readings of a megabyte are not needed to refuse it
        return f"het adres van een link is te lang (meer dan {ADDRESS_MAX} tekens); {WHAT_TO_WRITE}"
    if url.startswith("https:") and (problem := web_address_problem(url)):
        return problem  # the one address rule of sitegen.data.urls, on the address as written
    # Where the link goes is decided before its ? or #: in an https address that passed the rule,
    # an encoded query (a form's prefilled `title=Gegevens%20wijzigen…`) cannot change scheme or host.
    head = re.split(r"[?#]", url, maxsplit=1)[0] if url.startswith("https:") else url
    readings = [url, head, html.unescape(head), unquote(head), unquote(html.unescape(head)), html.unescape(unquote(head))]
    for reading in readings:
        problem = _variant_problem(reading)
        if problem:
            if reading != url and not _variant_problem(url):
                return (f"het adres '{url[:40]}' verbergt een ander adres achter codes (zoals &#106; of %6A); "
                        f"zet geen codes in een adres en {WHAT_TO_WRITE}")
            return problem
    return None


def _renderer() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(["list", "emphasis", "link", "escape", "entity", "newline"])
    md.validateLink = lambda url: link_problem(url) is None
    return md


def _detector() -> MarkdownIt:
    """Parses what the renderer refuses too (HTML, images, autolinks, references), to say so."""
    md = MarkdownIt("commonmark", {"html": True})
    md.validateLink = lambda url: True
    return md


_RENDER = _renderer()
_DETECT = _detector()


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


# Invisible characters, by Unicode category (issue 26): control (Cc), format (Cf: bidi marks and
# isolates, zero-width characters, the soft hyphen, tag characters, U+FEFF), surrogates (Cs),
# private use (Co), unassigned (Cn) and the line and paragraph separators (Zl, Zp). Dutch text needs
# none of them; only a line break and a tab are kept (YAML's folded texts and lists hold them).
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
TEXT_WHITESPACE = frozenset("\n\t")


def invisible_characters(text: str, allowed: frozenset[str] = TEXT_WHITESPACE) -> list[str]:
    """The distinct invisible characters in text, in order of appearance."""
    if text.isprintable():  # fast path: isprintable() is False for every category refused here
        return []
    found: dict[str, None] = {}
    for c in text:
        if c not in allowed and unicodedata.category(c) in INVISIBLE_CATEGORIES:
            found.setdefault(c)
    return list(found)


def character_label(c: str) -> str:
    """U+2066 (LEFT-TO-RIGHT ISOLATE): how a message names a character no one can see."""
    name = unicodedata.name(c, None) or ("stuurteken" if unicodedata.category(c) == "Cc" else "geen naam")
    return f"U+{ord(c):04X} ({name})"


def invisible_problem(text: str, field: str = "", allowed: frozenset[str] = TEXT_WHITESPACE) -> str | None:
    """A Dutch message naming each invisible character (code and Unicode name), or None."""
    found = invisible_characters(text, allowed)
    if not found:
        return None
    where = f" in '{field}'" if field else " in de tekst"
    names = ", ".join(character_label(c) for c in found[:5]) + (" en meer" if len(found) > 5 else "")
    word = "staat een onzichtbaar teken" if len(found) == 1 else "staan onzichtbare tekens"
    return (f"er {word}{where}: {names}; haal het weg: typ de tekst opnieuw in plaats van "
            f"hem te kopiëren en te plakken")


# Bounded work (issue 26): a text longer than this is refused before any parser sees it. The
# Markdown parser has inputs that cost more than linear time ("[" repeated, "*a" repeated); at these
# lengths each check stays in milliseconds. The real data's longest description is under 500.
MARKDOWN_MAX = 5000
PLAIN_MAX = 2000


def _dutch_number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def length_problem(text: str, limit: int) -> str | None:
    if len(text) <= limit:
        return None
    return (f"de tekst is te lang: hooguit {_dutch_number(limit)} tekens (nu {_dutch_number(len(text))}); "
            f"kort hem in")


def plain_problems(text: str) -> list[str]:
    """A short text is shown as plain text; HTML and invisible control characters are refused."""
    if problem := length_problem(text, PLAIN_MAX):
        return [problem]
    found = []
    if HTML_TAG.search(text):
        found.append("HTML is niet toegestaan in tekst; schrijf gewone tekst (zonder < en >)")
    if problem := invisible_problem(text):
        found.append(problem)
    return found


def problems(text: str) -> list[str]:
    """Dutch messages for everything render() would refuse in a Markdown text; [] when it is fine."""
    if problem := length_problem(text, MARKDOWN_MAX):
        return [problem]
    found: list[str] = []

    def add(message: str) -> None:
        if message not in found:
            found.append(message)

    if ATTRIBUTE_LIST.search(text):
        add("accolades met iets ertussen, zoals {onclick=…} of { .klasse }, zijn niet toegestaan in tekst; "
            "haal de { } weg en schrijf gewone tekst")
    if HTML_TAG.search(text):
        add("HTML is niet toegestaan in tekst; schrijf gewone tekst of Markdown (zonder < en >)")
    if problem := invisible_problem(text):
        add(problem)
    # Link destinations as written, newlines and all (markdown-it does not even see
    # `java\nscript:` as a link, a browser would): each one must pass the link rule.
    bad_destination = False
    for match in LINK_DESTINATION.finditer(text):
        destination = match.group(1).strip("<>")
        problem = link_problem(destination) if destination else "een link zonder adres; schrijf [tekst](https://…)"
        if problem:
            add(problem)
            bad_destination = True
    env: dict = {}
    tokens = _DETECT.parse(text, env)
    if env.get("references"):
        add("een link met een verwijzing ([tekst][1] en [1]: adres) mag niet; schrijf de link direct: [tekst](https://…)")
    for token in _walk(tokens):
        if token.type == "image":
            add("afbeeldingen mogen niet in tekst (ze laden iets van een andere site); "
                "schrijf een link: [omschrijving](https://…)")
        elif token.type in ("html_inline", "html_block"):
            add("HTML is niet toegestaan in tekst; schrijf gewone tekst of Markdown (zonder < en >)")
        elif token.type == "link_open":
            href = str(token.attrGet("href") or "")
            if token.markup == "autolink":
                add("een adres tussen < > mag niet; schrijf de link als [tekst](https://…)")
            elif not bad_destination and (problem := link_problem(href)):
                add(problem)
    return found


_ALLOWED_TAGS = {"p": set(), "em": set(), "strong": set(), "ul": set(), "ol": {"start"}, "li": set(),
                 "a": {"href"}, "br": set()}


class _Audit(HTMLParser):
    """The rendered HTML again: only the subset's tags, only href on links, every href allowed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        allowed = _ALLOWED_TAGS.get(tag)
        if allowed is None:
            self.bad.append(f"<{tag}>")
            return
        for name, value in attrs:
            if name not in allowed or (name == "href" and link_problem(value or "")):
                self.bad.append(f"{tag} {name}={value!r}")

    handle_startendtag = handle_starttag


def html_problems(fragment: str) -> list[str]:
    audit = _Audit()
    audit.feed(fragment)
    audit.close()
    return audit.bad


def render(text: str) -> Markup:
    """A Markdown text as HTML. Text that does not pass check (validation bypassed) and anything
    the rendered HTML holds beyond the subset makes the whole text plain, escaped text."""
    text = str(text)
    if problems(text):
        return plain(text)
    out = _RENDER.render(text)
    if html_problems(out):
        return plain(text)
    return Markup(out)


def plain(text: str) -> Markup:
    """A short text as HTML: escaped, paragraphs kept."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs))


# Characters Python-Markdown (with mkdocs.yml's extensions) reads as markup anywhere in a line,
# and those it reads at the start of one. As numeric entities they show as themselves.
_INERT_ANYWHERE = {c: f"&#{ord(c)};" for c in "\\`*_{}[]|~^"}
_INERT_ANYWHERE.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_INERT_AT_START = re.compile(r"^(?:[-+#:!=]|\d+(?=\.))")


def markdown_inert(value) -> str:
    """A plain text for a Markdown page: shows as itself, can never become a link, tag or attribute."""
    text = " ".join(str(value).split())
    text = "".join(_INERT_ANYWHERE.get(c, c) for c in text)
    return _INERT_AT_START.sub(lambda m: "".join(f"&#{ord(c)};" for c in m.group(0)), text)
