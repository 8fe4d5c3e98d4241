"""Repair mkdocs-material's own markup after mkdocs has written it: invalid HTML and ARIA that the
theme's templates put on every page (Nu Html Checker and Lighthouse, issue 16).

Each fix names the upstream template and defect it works around; overrides/README.md lists them
all, so a move to Material's successor (Zensical) knows what to carry or to check again. Fixes
are exact text replacements on the theme's markup, not on page content. A theme update that
changes the markup makes a fix match nothing and the defect comes back: the tests of
tests/test_site_judges.py then fail (unless the update repaired the defect: then drop the fix).

Runs on mkdocs's output before the entity pages are copied from their shells, and before any
step that hashes the finished pages (a Content-Security-Policy step must come after this one).

Besides the markup, SCRIPT_FIXES change two expressions in the theme's minified script, so the
search index comes only when someone searches. These must match exactly once, else the build
stops: a minified script changes with every theme release, and a fix that silently matched
nothing (or too much) would go unnoticed.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sitegen.errors import BuildError


@dataclass(frozen=True)
class ThemeFix:
    name: str
    upstream: str  # which template or script, and what is wrong with it
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
    """Fix every HTML page mkdocs wrote, and the theme's script; returns how often each page fix applied."""
    fix_theme_script(site_dir)
    counts: Counter = Counter()
    for page in site_dir.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = fix_page(html, counts)
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
    return counts


BUNDLE = "assets/javascripts/bundle.*.min.js"
SCRIPT_FIXES = [
    ThemeFix(
        name="search-index-on-demand",
        upstream="integrations/search/worker (setupSearchWorker) hands the search index to the worker "
                 "at page load whenever the page is not opened from file://; on file:// it waits until "
                 "the search opens. The index of the whole site is then a phone's largest download on "
                 "most pages, and it grows with the data. We take the file:// behaviour everywhere.",
        pattern=re.compile(r'([\w$]+)\(location\.protocol!=="file:"\)'),
        replacement=r"\1(!1)",
    ),
    ThemeFix(
        name="search-highlight-on-demand",
        upstream="components/search/highlight (search.highlight) subscribes to the search index on "
                 "every page, though it only uses it when the address has ?h= (a page opened from a "
                 "search result). Only then it asks for the index now; else a promise that never "
                 "resolves keeps combineLatest quiet.",
        pattern=re.compile(r'([\w$]+)\(\[([\w$]+),([\w$]+\.pipe\([\w$]+\([\w$]+\(\)\),[\w$]+\(([\w$]+)=>!!\4\.searchParams\.get\("h"\)\)\))\]\)'),
        replacement=r'\1([new URLSearchParams(location.search).get("h")?\2:new Promise(()=>{}),\3])',
    ),
]


def fix_theme_script(site_dir: Path) -> None:
    """Apply SCRIPT_FIXES to the theme's bundle; stop the build if one does not match exactly once."""
    bundles = sorted(site_dir.glob(BUNDLE))
    if len(bundles) != 1:
        raise BuildError(f"{site_dir / BUNDLE}: {len(bundles)} scripts van het thema gevonden, verwacht 1. "
                         "Is mkdocs-material bijgewerkt? Zie overrides/README.md.")
    script = bundles[0].read_text(encoding="utf-8")
    for fix in SCRIPT_FIXES:
        script, n = fix.pattern.subn(fix.replacement, script)
        if n != 1:
            raise BuildError(f"{bundles[0]}: de aanpassing '{fix.name}' past {n} keer op het script van het "
                             "thema, verwacht 1 keer. Het thema is veranderd: kijk in overrides/README.md "
                             "wat de aanpassing doet, en pas het patroon in sitegen/engine/theme_fixes.py "
                             "aan of laat de aanpassing weg.")
    bundles[0].write_text(script, encoding="utf-8")
