"""The mkdocs run, then what fills Material's output: deferred lists and entity pages."""
from __future__ import annotations

import logging
from pathlib import Path

from sitegen.engine.deferred import DEFERRED_DIR, DeferredHtml
from sitegen.engine.entity_pages import SHELL_SLUG, EntityPages
from sitegen.engine.theme_fixes import fix_site
from sitegen.errors import BuildError


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
    """mkdocs and the repairs to its theme's markup (sitegen.engine.theme_fixes, on the shells too);
    then the long lists that skipped Markdown (sitegen.engine.deferred.DeferredHtml) and the partner
    and instrument pages that skipped mkdocs (sitegen.engine.entity_pages)."""
    n_html = _run_mkdocs(config_file, docs_dir, site_dir)
    fix_site(site_dir)
    n_lists = DeferredHtml.inject(docs_dir / DEFERRED_DIR, site_dir)
    return n_html, EntityPages.fill(docs_dir, site_dir), n_lists
