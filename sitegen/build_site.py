"""The build pipeline: data → pages → mkdocs → scan bundle → exports → site/, all or nothing.

Everything is written into a staging folder first; site/ is replaced only when every step
succeeded, so a failed build never leaves a half-written site behind.
"""
from __future__ import annotations

import logging
import shutil
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from . import ecosystem, embed, exports
from .dataset import Dataset, load_dataset
from .entity_pages import SHELL_SLUG, EntityPages
from .errors import ScanAssetsError
from .pages import DEFERRED_DIR, DeferredHtml, SiteSettings, write_pages
from .scan_data import scan_data_from

ROOT = Path(__file__).resolve().parent.parent


class BuildError(Exception):
    """A build step failed; the message is Dutch and says what to do."""


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


def read_settings(config_file: Path) -> SiteSettings:
    """The owner's settings from mkdocs.yml `extra.drenthe` (empty means: not decided yet)."""
    raw = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    own = ((raw.get("extra") or {}).get("drenthe") or {})
    return SiteSettings(repository_url=own.get("repository_url") or "", branch=own.get("branch") or "main",
                        open_data_licence=own.get("open_data_licence") or "",
                        site_url=(raw.get("site_url") or "").strip())


def check(paths: BuildPaths, today: date) -> Dataset:
    return load_dataset(paths.data_dir, today, paths.seeds_dir)


def _run_mkdocs(config_file: Path, docs_dir: Path, site_dir: Path) -> int:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    log = logging.getLogger("mkdocs")
    log.setLevel(logging.WARNING)
    if not any(getattr(h, "_drenthe", False) for h in log.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("  mkdocs %(levelname)s: %(message)s"))
        handler._drenthe = True  # one handler, however often we build in one process
        log.addHandler(handler)
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except (Abort, ConfigurationError) as exc:
        raise BuildError(f"mkdocs kon de site niet bouwen: {exc}. Kijk naar de waarschuwingen hierboven "
                         "(vaak een kapotte link in content/).") from exc
    return sum(1 for page in site_dir.rglob("*.html") if SHELL_SLUG not in page.parts)  # shells are no pages


def build_html(config_file: Path, docs_dir: Path, site_dir: Path) -> tuple[int, int, int]:
    """mkdocs; then the long lists that skipped Markdown (sitegen.pages.DeferredHtml) and the
    partner and instrument pages that skipped mkdocs (sitegen.entity_pages)."""
    n_html = _run_mkdocs(config_file, docs_dir, site_dir)
    n_lists = DeferredHtml.inject(docs_dir / DEFERRED_DIR, site_dir)
    return n_html, EntityPages.fill(docs_dir, site_dir), n_lists


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
    from .scan_bundle import write_scan_bundle

    try:
        return write_scan_bundle(site_dir, scan_data_from(dataset, today), node_modules=paths.node_modules,
                                 cache_dir=paths.root / "build" / "pyodide-runtime")
    except ScanAssetsError as exc:  # Dutch already; no traceback for an editor
        raise BuildError(str(exc)) from exc


# Extra Markdown pages made from the data before mkdocs runs: (dataset, docs_dir, today, settings) -> paths.
PAGE_STEPS: list = [embed.write_voor_gemeenten, exports.write_open_data, ecosystem.write_ecosystem]

# Steps after mkdocs, in order. Each returns the line the build report prints.
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
