#!/usr/bin/env python3
"""Time the two page checks of issue 26: the lint of content/*.md and the audit of a built site.

    .venv/bin/python bench/bench_page_checks.py --site site        # a site built before
    .venv/bin/python bench/bench_page_checks.py --site site --runs 5

Prints the best of the runs (CPU time of this process and wall time) and the pages per second.
The build prints the audit's time as one of its steps too.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.data.content_lint import lint_content, markdown_config  # noqa: E402
from sitegen.engine.html_audit import audit_site, theme_inline_scripts  # noqa: E402


def best(runs: int, job) -> tuple[float, float, object]:
    results = []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        value = job()
        results.append((time.process_time() - cpu, time.perf_counter() - wall, value))
    return min(results, key=lambda r: r[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    markdown_config(ROOT / "mkdocs.yml")  # mkdocs's config once, as in one check
    theme_inline_scripts()
    pages = sum(1 for _ in (ROOT / "content").rglob("*.md"))
    cpu, wall, errors = best(args.runs, lambda: lint_content(ROOT / "content"))
    print(f"content_lint: {pages} pagina's, {len(errors)} problemen, {cpu:.2f} s CPU, {wall:.2f} s wand")
    cpu, wall, count = best(args.runs, lambda: audit_site(args.site))
    print(f"html_audit:   {count} pagina's, {cpu:.2f} s CPU, {wall:.2f} s wand, {count / cpu:.0f} pagina's per CPU-seconde")


if __name__ == "__main__":
    main()
