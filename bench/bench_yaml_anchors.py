#!/usr/bin/env python3
"""How long and how much memory reading a YAML alias bomb takes (it is refused), and what the
anchor scan costs on ordinary data.

    .venv/bin/python bench/bench_yaml_anchors.py

Target (issue 14): a 10-level bomb refused in under a second, with no growth in memory.
"""
from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sitegen.data.yaml_source import read_yaml  # noqa: E402
from test_yaml_and_files import alias_bomb  # noqa: E402


def measure(path: Path) -> tuple[float, int, int]:
    tracemalloc.start()
    start = time.perf_counter()
    _, errors = read_yaml(path)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, len(errors)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for levels in (9, 10, 12):
            path = Path(tmp) / f"bomb{levels}.yaml"
            path.write_text(alias_bomb(levels), encoding="utf-8")
            seconds, peak, n = measure(path)
            print(f"alias bomb, {levels} levels ({path.stat().st_size} bytes): {seconds * 1000:.1f} ms, "
                  f"peak {peak / 1024:.0f} KiB, {n} errors")
        for name in ("instruments.yaml", "ladder.yaml"):
            seconds, peak, n = measure(ROOT / "data" / name)
            print(f"data/{name}: {seconds * 1000:.1f} ms, peak {peak / 1024:.0f} KiB, {n} errors")


if __name__ == "__main__":
    main()
