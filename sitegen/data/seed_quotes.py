"""The seed documents as text, to check that a source's line numbers exist and its quote stands there.

The seeds are text exported from PDFs: a word can be split over two lines with a hyphen
("precisieland-" / "bouw"), lines are wrapped anywhere, and blank lines sit between them. A quote is
what a reader sees in the PDF, so both sides are compared after normalising that away. A hyphen
before 'en', 'of' or 'tot' stays ("Zuid- en Oost-Drenthe"); the raw reading is tried as well.
"""
from __future__ import annotations

import re
from pathlib import Path

from sitegen.data.quote_rule import quote_problem

_BREAK_HYPHEN = re.compile(r"(\w)-[ \t]*\n\s*(?!(?:en|of|tot)\b)(?=[a-zà-ÿ])")
_SPACE = re.compile(r"\s+")
_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ad": None})


def normalise(text: str) -> str:
    """Whitespace collapsed, typographic quotes made plain, soft hyphens dropped."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()


def readings(text: str) -> tuple[str, str]:
    """The text as a reader sees it (line-break hyphens joined) and the raw text, both normalised."""
    return normalise(_BREAK_HYPHEN.sub(r"\1", text)), normalise(text)


def line_range(lines: str) -> tuple[int, int]:
    first, _, last = lines.partition("-")
    return int(first), int(last or first)


def line_label(lines: str) -> str:
    """'regels 12-20' or 'regel 12', as a page or a message names a source's lines."""
    return f"{'regels' if '-' in lines else 'regel'} {lines}"


class SeedTexts:
    """The seed files in ../shared/seeds, by document key ("000" … "004"); empty when absent."""

    def __init__(self, seeds_dir: Path | None):
        self._lines: dict[str, list[str]] = {}
        if seeds_dir and seeds_dir.is_dir():
            for f in sorted(seeds_dir.glob("*.txt")):
                self._lines[f.name[:3]] = f.read_text(encoding="utf-8", errors="replace").splitlines()

    @property
    def available(self) -> bool:
        return bool(self._lines)

    def has(self, key: str) -> bool:
        return key in self._lines

    def length(self, key: str) -> int:
        return len(self._lines[key])

    def text(self, key: str, lines: str) -> str:
        first, last = line_range(lines)
        return "\n".join(self._lines[key][first - 1:last])

    def quote_found(self, key: str, lines: str, quote: str) -> bool:
        wanted = normalise(quote)
        return any(wanted in reading for reading in readings(self.text(key, lines)))


def source_errors(doc, path: tuple, sources, ident: str, today, seeds: SeedTexts) -> list:
    """A list of sources checked against the day and the seeds: an `accessed` date in the future, a
    quote that proves nothing by itself (quote_rule), a line range past the end of its document, a
    quote that does not stand in its lines."""
    errors = []
    for s_i, s in enumerate(sources):
        if s.accessed and s.accessed > today:
            errors.append(doc.error(path + ("sources", s_i, "accessed"), f"'accessed' ({s.accessed}) ligt in de toekomst", ident))
        problem = quote_problem(s.quote) if s.quote else None
        if problem:  # the words alone, so this holds without ../shared too
            errors.append(doc.error(path + ("sources", s_i, "quote"), problem, ident))
        if s.document and s.lines and seeds.has(s.document):
            last = line_range(s.lines)[1]
            if last > seeds.length(s.document):
                errors.append(doc.error(path + ("sources", s_i, "lines"),
                                        f"brondocument {s.document} heeft maar {seeds.length(s.document)} regels, niet {last}", ident))
            elif s.quote and not seeds.quote_found(s.document, s.lines, s.quote):
                errors.append(doc.error(path + ("sources", s_i, "quote"),
                                        f"dit citaat staat niet in brondocument {s.document}, {line_label(s.lines)}; "
                                        "neem de woorden precies over uit die regels, of verbeter de regelnummers", ident))
    return errors
