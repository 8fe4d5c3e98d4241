"""Lines of an issue body that GitHub would show otherwise than sitegen.data.issue_form reads them.

The maintainer approves what GitHub renders; `apply-issue` applies what it parses. Where the two can
differ, the line is refused, never guessed at: HTML (a comment hides lines, a tag hides or
replaces them), character references and backslash escapes (shown as another character),
invisible or control characters, and Markdown block syntax that turns a line into something else
(a fence, a setext underline or table row, a link reference definition that shows nothing).
Headings are judged by issue_form itself, which knows the form's own sections.

Every check is a str method or a regex without nested repetition: linear in the line's length,
whatever the line holds (issue 26 §7).
"""
from __future__ import annotations

import re
import string
import unicodedata

# Letters (category Lo) that show as nothing; the rest of the invisible characters are in the
# categories C* (control, format such as zero-width and bidi, private use, unassigned), Zl and Zp.
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
_UNDERLINE_CHARS = frozenset("=-*_|: \t")


def is_invisible(ch: str) -> bool:
    """A character GitHub does not show as itself; the tab is allowed (line breaks are split off)."""
    if ch == "\t":
        return False
    category = unicodedata.category(ch)
    return category[0] == "C" or category in ("Zl", "Zp") or ch in BLANK_LETTERS


def looks_like_heading(line: str) -> bool:
    """A line GitHub may show as a heading: '#' first after spaces, also as a look-alike ('＃')."""
    return unicodedata.normalize("NFKC", line[:64]).lstrip(" \t").startswith("#")


def line_problems(line: str, where: str) -> list[str]:
    """What is wrong with one line of the body, in Dutch; `where` says which line ('regel 12')."""
    problems = []
    hidden = next((ch for ch in line if is_invisible(ch)), None)
    if hidden is not None:
        problems.append(f"{where}: hier staat een onzichtbaar teken of stuurteken (U+{ord(hidden):04X}). "
                        "GitHub laat het niet zien. Typ de regel opnieuw in, zonder te kopiëren en plakken")
    if "<" in line or ">" in line:
        problems.append(f"{where}: de tekens < en > mogen niet. GitHub leest ze als HTML of als citaat en "
                        "laat dan iets anders zien dan er staat. Schrijf bijvoorbeeld 'kleiner dan'")
    if "&" in line and _CHARACTER_REFERENCE.search(line):
        problems.append(f"{where}: een code als '&amp;' of '&#58;' laat GitHub zien als een ander teken. "
                        "Schrijf het teken zelf")
    if any(ch == "\\" and nxt in _ASCII_PUNCTUATION for ch, nxt in zip(line, line[1:])):
        problems.append(f"{where}: een \\ voor een leesteken laat GitHub weg. Haal de \\ weg")
    stripped = line.strip(" \t")
    if stripped.startswith(("```", "~~~")):
        problems.append(f"{where}: een regel die begint met ``` of ~~~ maakt op GitHub van de regels erna "
                        "een codeblok. Haal die tekens weg")
    elif stripped and set(stripped) <= _UNDERLINE_CHARS and set(stripped) & set("=-*_"):
        problems.append(f"{where}: een regel met alleen tekens als = - * _ of | maakt op GitHub van de "
                        "regel erboven een kop of een tabel, of wordt een streep. Haal de regel weg")
    elif stripped.startswith("[") and "]:" in stripped:
        problems.append(f"{where}: een regel die begint met [tekst]: laat GitHub niet zien. "
                        "Schrijf de tekst zonder [ ] ervoor")
    return problems
