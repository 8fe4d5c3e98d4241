"""The build pipeline: data → pages → mkdocs → scan bundle → exports → site/, all or nothing.

Everything is written into a staging folder first; site/ is replaced only when every step
succeeded, so a failed build never leaves a half-written site behind.
"""
from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitegen.data.content_lint import lint_content
from sitegen.data.dataset import Dataset, load_dataset
from sitegen.data.settings import SiteSettings, read_settings
from sitegen.data.symlinks import symlink_errors
from sitegen.engine import csp, html_audit
from sitegen.engine.mkdocs_build import build_html
from sitegen.errors import BuildError, DataErrors, ScanAssetsError
from sitegen.exports import agenda_feeds, open_data
from sitegen.pages import agenda, ecosystem, embed, finder, monitor
from sitegen.pages.markdown import write_pages
from sitegen.paths import ROOT
from sitegen.scan.scan_data import scan_data_from


@dataclass
class BuildReport:
    """Prints each step with its count and time, so an editor sees at once what happened."""

    quiet: bool = False
    started: float = field(default_factory=time.perf_counter)
    _step_start: float = field(default_factory=time.perf_counter)

    def begin(self) -> None:
        self._step_start = time.perf_counter()

    def done(self, message: str) -> None:
        if not self.quiet:
            print(f"  ✓ {message} ({time.perf_counter() - self._step_start:.1f} s)", flush=True)
        self._step_start = time.perf_counter()

    def total(self) -> float:
        return time.perf_counter() - self.started


@dataclass
class BuildPaths:
    root: Path = ROOT
    data_dir: Path | None = None
    content_dir: Path | None = None
    config_file: Path | None = None
    seeds_dir: Path | None = None
    node_modules: Path | None = None

    def __post_init__(self):
        self.data_dir = self.data_dir or self.root / "data"
        self.content_dir = self.content_dir or self.root / "content"
        self.config_file = self.config_file or self.root / "mkdocs.yml"
        self.seeds_dir = self.seeds_dir or (self.root.parent / "shared" / "seeds")
        self.node_modules = self.node_modules or self.root / "node_modules"


def check(paths: BuildPaths, today: date) -> Dataset:
    """data/ and content/ together, so an editor sees every problem at once."""
    # A symlink is refused and never read, not even by the lint (it could point outside the repo).
    content_errors = symlink_errors(paths.content_dir, "content") or lint_content(paths.content_dir, paths.config_file)
    try:
        dataset = load_dataset(paths.data_dir, today, paths.seeds_dir)
    except DataErrors as exc:
        raise DataErrors(exc.errors + content_errors) from None
    if content_errors:
        raise DataErrors(content_errors)
    return dataset


def build(out_dir: Path, today: date, paths: BuildPaths | None = None, quiet: bool = False,
          work_dir: Path | None = None) -> BuildReport:
    paths = paths or BuildPaths()
    report = BuildReport(quiet=quiet)
    dataset = check(paths, today)
    report.done(f"gegevens gecontroleerd: {len(dataset.partners)} partners, {len(dataset.instruments)} instrumenten, "
                f"{len(dataset.ladder.steps)} treden, {len(dataset.ladder.questions)} vragen")

    staging = Path(work_dir or paths.root / "build") / f"staging-{out_dir.name}"
    shutil.rmtree(staging, ignore_errors=True)
    docs_dir, site_dir = staging / "docs", staging / "site"
    shutil.copytree(paths.content_dir, docs_dir)
    settings = read_settings(paths.config_file)
    written = write_all_pages(dataset, docs_dir, today, settings)
    report.done(f"{len(written)} pagina's gemaakt uit de gegevens")

    n_html, n_entities, n_lists = build_html(paths.config_file, docs_dir, site_dir)
    report.done(f"mkdocs: {n_html} HTML-pagina's gebouwd; daarna {n_entities} partner- en instrumentpagina's "
                f"in hun paginavorm gezet en {n_lists} lange lijsten ingevoegd")

    for step in EXTRA_STEPS:
        message = step(dataset, site_dir, today, paths, settings)
        report.done(message)
    # Last, after every step that changes a page (a fix-up of the theme's HTML goes into
    # EXTRA_STEPS): the policy holds the hashes of each page's inline scripts as they are now.
    report.done(_protect_pages(site_dir))
    # Then every page as it will ship, against the allowlist of what our templates and the
    # allowed Markdown emit: editor pages and pages from the data alike.
    report.done(_audit_pages(site_dir, settings.site_url))

    _replace(site_dir, out_dir)
    shutil.rmtree(staging, ignore_errors=True)
    if not quiet:
        print(f"Klaar: de site staat in {out_dir} (gebouwd in {report.total():.1f} s)")
    return report


def write_all_pages(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """Every Markdown page made from the data: entity and overview pages, then the PAGE_STEPS."""
    written = write_pages(dataset, docs_dir, today, settings)
    for page_step in PAGE_STEPS:
        written += page_step(dataset, docs_dir, today, settings)
    return written


def _scan_bundle(dataset: Dataset, site_dir: Path, today: date, paths: BuildPaths, settings: SiteSettings) -> str:
    from sitegen.scan.scan_bundle import write_scan_bundle

    try:
        return write_scan_bundle(site_dir, scan_data_from(dataset, today), node_modules=paths.node_modules,
                                 cache_dir=paths.root / "build" / "pyodide-runtime")
    except ScanAssetsError as exc:  # Dutch already; no traceback for an editor
        raise BuildError(str(exc)) from exc


def _protect_pages(site_dir: Path) -> str:
    try:
        pages, hashes = csp.protect_site(site_dir)
    except csp.PolicyError as exc:
        raise BuildError(str(exc)) from exc
    return f"Content-Security-Policy in {pages} HTML-pagina's ({hashes} verschillende inline scripts toegestaan met een hash)"


def _audit_pages(site_dir: Path, site_url: str) -> str:
    try:
        pages = html_audit.audit_site(site_dir, site_url)
    except html_audit.AuditError as exc:
        raise BuildError(f"{exc}\nDe pagina's staan in {site_dir}; de regelnummers horen bij die bestanden.") from exc
    return f"{pages} HTML-pagina's nagekeken: alleen elementen en attributen uit het thema, onze sjablonen en Markdown"


# Extra Markdown pages made from the data before mkdocs runs: (dataset, docs_dir, today, settings) -> paths.
PAGE_STEPS: list = [embed.write_voor_gemeenten, open_data.write_open_data, ecosystem.write_ecosystem,
                    finder.write_finder, monitor.write_monitor, agenda.write_agenda, agenda_feeds.write_agenda_feeds]

# Steps after mkdocs, in order. Each returns the line the build report prints. The
# Content-Security-Policy step comes after all of them (see build()).
EXTRA_STEPS = [_scan_bundle, embed.copy_embed_script]


def _replace(new_site: Path, out_dir: Path) -> None:
    """Swap the finished site into place; the old one is removed only after the swap."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    old = out_dir.with_name(out_dir.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(old)
    shutil.move(str(new_site), str(out_dir))
    shutil.rmtree(old, ignore_errors=True)
