"""Long lists that skip Markdown: a marker in the page before mkdocs, the HTML after it."""
from __future__ import annotations

from pathlib import Path

DEFERRED_DIR = ".deferred-html"  # inside docs/, hidden: mkdocs skips dot-folders


class DeferredHtml:
    """Long lists skip Markdown: the page gets a marker, the built HTML gets the list after mkdocs.

    Why: at national scale (thousands of rows) Markdown's HTML and inline processing of these
    lists took most of the build. The lists are escaped HTML already; links come from valid ids
    (tests/test_build.py checks them in the built site).
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def defer(self, rel: str, html: str) -> str:
        self.folder.mkdir(parents=True, exist_ok=True)
        # Counted from the folder, not kept in memory: several PageWriters share one docs tree.
        n = sum(1 for _ in self.folder.glob("*.html"))
        (self.folder / f"{n}.html").write_text(html, encoding="utf-8")
        (self.folder / f"{n}.page").write_text(rel, encoding="utf-8")
        return f"<!-- dd-deferred {n} -->"

    @staticmethod
    def inject(folder: Path, site_dir: Path) -> int:
        count = 0
        for part in sorted(folder.glob("*.html")):
            rel = part.with_suffix(".page").read_text(encoding="utf-8")
            page = site_dir / (rel[: -len("index.md")] if rel.endswith("index.md") else rel[:-3] + "/") / "index.html"
            marker = f"<!-- dd-deferred {part.stem} -->"
            text = page.read_text(encoding="utf-8")
            if marker not in text:
                raise RuntimeError(f"{page}: de lijst kon niet worden ingevoegd (markering {marker} ontbreekt)")
            page.write_text(text.replace(marker, part.read_text(encoding="utf-8")), encoding="utf-8")
            count += 1
        return count
