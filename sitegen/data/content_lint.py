"""`build.py check` for content/*.md: the rules of sitegen.editor_text, applied to the pages mkdocs renders.

mkdocs renders content/ with Python-Markdown and attr_list on (our generated pages need it for
`{ #id }` and `.md-button`). So a content page may use only those two attribute lists; no raw
HTML (comments are fine), no images, and every link on the allowlist. Each problem is reported
at file:line. Then the page is rendered as mkdocs would and the HTML checked once more, so what
the line checks miss (a trick of the Markdown parser) still stops the check.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from sitegen.data.editor_text import HTML_TAG, LINK_DESTINATION, link_problem
from sitegen.errors import DataError

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n]*?)[ ]*\}")
_ALLOWED_ATTR = re.compile(r"^(#[A-Za-z0-9_-]+|\.md-button|\.md-button--primary)$")
_COMMENT = re.compile(r"<!--.*?(-->|$)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+)")
EXTENSIONS = ["admonition", "attr_list", "tables", "def_list", "toc"]  # as mkdocs.yml


def _line_problems(line: str) -> list[str]:
    out = []
    for match in _ATTR_LIST.finditer(line):
        tokens = match.group(1).split()
        if not tokens or not all(_ALLOWED_ATTR.match(t) for t in tokens):
            out.append(f"de attribuutlijst '{match.group(0)}' mag niet; op een pagina mogen alleen "
                       "{ #anker } en { .md-button } (met .md-button--primary); haal de rest weg")
    if HTML_TAG.search(_COMMENT.sub("", line)):
        out.append("HTML mag niet op een pagina; schrijf Markdown (zonder < en >)")
    if "![" in line:
        out.append("afbeeldingen mogen niet op een pagina; schrijf een link: [omschrijving](https://…)")
    destinations = [m.group(1).strip("<>") for m in LINK_DESTINATION.finditer(line)]
    reference = _REFERENCE.match(line)
    if reference:
        destinations.append(reference.group(1).strip("<>"))
    for destination in destinations:
        problem = link_problem(destination.split(" ")[0]) if destination else "een link zonder adres"
        if problem:
            out.append(problem)
    return out


class _Audit(HTMLParser):
    """Rendered HTML: no event handler, no src, every href on the allowlist."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on") or name in ("src", "srcset", "style", "formaction", "action"):
                self.bad.append((name, f"<{tag} {name}=…> mag niet op een pagina"))
            elif name == "href" and (problem := link_problem(value or "")):
                self.bad.append((value or "", problem))

    handle_startendtag = handle_starttag


def _rendered_problems(text: str) -> list[tuple[str, str]]:
    audit = _Audit()
    audit.feed(markdown.markdown(text, extensions=EXTENSIONS))
    audit.close()
    return audit.bad


def lint_page(path: Path, shown: str) -> list[DataError]:
    text = path.read_text(encoding="utf-8")
    errors: list[DataError] = []
    in_fence = False
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for problem in _line_problems(_CODE_SPAN.sub("", line)):
            errors.append(DataError(shown, number, 1, problem))
    if not errors:
        for needle, problem in _rendered_problems(text):
            number = next((n for n, line in enumerate(lines, start=1) if needle and needle in line), 1)
            errors.append(DataError(shown, number, 1, problem))
    return errors


def lint_content(content_dir: Path) -> list[DataError]:
    errors: list[DataError] = []
    for path in sorted(content_dir.rglob("*.md")):
        errors += lint_page(path, f"content/{path.relative_to(content_dir).as_posix()}")
    return errors
