"""Repair mkdocs-material's own markup after mkdocs has written it: invalid HTML and ARIA that the
theme's templates put on every page (Nu Html Checker and Lighthouse, issue 16).

Each fix names the upstream template and defect it works around; overrides/README.md lists them
all, so a move to Material's successor (Zensical) knows what to carry or to check again. Fixes
are exact text replacements on the theme's markup, not on page content. A theme update that
changes the markup makes a fix match nothing and the defect comes back: the tests of
tests/test_site_judges.py then fail (unless the update repaired the defect: then drop the fix).

Runs on mkdocs's output before the entity pages are copied from their shells, and before any
step that hashes the finished pages (a Content-Security-Policy step must come after this one).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable


@dataclass(frozen=True)
class ThemeFix:
    name: str
    upstream: str  # which template, and what is wrong with it
    pattern: re.Pattern
    replacement: str
    applies: Callable[[str], bool] = lambda html: True


FIXES = [
    ThemeFix(
        name="empty-tabindex",
        upstream="partials/nav-item.html writes tabindex=\"{{ tabindex }}\" on a section's label, and "
                 "tabindex is unset for sections: tabindex=\"\" is no integer (HTML). Without the "
                 "attribute the label is not focusable, which is what the template means.",
        pattern=re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]*" id="[^"]*") tabindex=""'),
        replacement=r"\1",
    ),
    ThemeFix(
        name="checkbox-autocomplete",
        upstream="base.html puts autocomplete=\"off\" on the drawer and search toggles "
                 "(<input type=checkbox>); HTML allows autocomplete only on text-like inputs.",
        pattern=re.compile(r'(<input class="md-toggle" data-md-toggle="[a-z]+" type="checkbox" id="__[a-z]+") '
                           r'autocomplete="off">'),
        replacement=r"\1>",
    ),
    ThemeFix(
        name="toc-label-without-control",
        upstream="partials/toc.html writes <label for=\"__toc\">, but partials/nav-item.html writes "
                 "the __toc checkbox only for a page in the navigation; on other pages the label "
                 "names no control (HTML).",
        pattern=re.compile(r'<label class="md-nav__title" for="__toc">'),
        replacement='<label class="md-nav__title">',
        applies=lambda html: 'id="__toc"' not in html,
    ),
    ThemeFix(
        name="search-dialog-name",
        upstream="partials/search.html gives the search role=\"dialog\" without a name "
                 "(Lighthouse/axe aria-dialog-name, WCAG 4.1.2).",
        pattern=re.compile(r'<div class="md-search" data-md-component="search" role="dialog">'),
        replacement='<div class="md-search" data-md-component="search" role="dialog" aria-label="Zoeken">',
    ),
]


def fix_page(html: str, counts: Counter | None = None) -> str:
    for fix in FIXES:
        if fix.applies(html):
            html, n = fix.pattern.subn(fix.replacement, html)
            if counts is not None:
                counts[fix.name] += n
    return html


def fix_site(site_dir: Path) -> Counter:
    """Fix every HTML page mkdocs wrote; returns how often each fix applied."""
    counts: Counter = Counter()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_page(html, counts)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
    return counts
