#!/usr/bin/env python3
"""The monitor: time and peak memory to aggregate 100,000 registration rows, as CSV and as xlsx.

    .venv/bin/python bench/bench_monitor.py                  # 100,000 rows, seed 1
    .venv/bin/python bench/bench_monitor.py --rows 20000

The synthetic files are written first (not timed) into a temporary folder. Each measurement runs
in a fresh Python process, so its peak memory (ru_maxrss: interpreter, imports and the work) is
its own. Timed: reading and checking every row, counting, suppression (aggregate_folder), not
loading data/. Target (issue 22): at most 5 s and 500 MB on the project's 2-core machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = date(2026, 12, 1)  # the synthetic year is 2026; the data's own dates must not lie after it


def _dataset():
    from sitegen.data.dataset import load_dataset
    return load_dataset(ROOT / "data", max(TODAY, date.today()), None)


def measure(folder: Path) -> dict:
    from sitegen.monitor.aggregate import aggregate_folder
    from sitegen.monitor.quarter import Quarter
    from sitegen.monitor.vocabulary import Vocabulary

    dataset = _dataset()
    basis = dataset.monitor.settings.basisniveau
    vocabulary = Vocabulary.from_dataset(dataset, basis.question, list(basis.letters))
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    aggregate = aggregate_folder(folder, Quarter(2026, 3), vocabulary, 5, {"question": basis.question}, TODAY)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    # CPU time beside the wall clock: on a machine shared by many processes the wall clock mostly measures the others.
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return {"seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024,
            "bereik": aggregate["indicators"]["bereik"]["total"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return 0

    from sitegen.monitor.synthetic import generate, write_folder

    dataset = _dataset()
    firms = generate(args.seed, args.rows, 2026, TODAY, [s.name for s in dataset.ladder.steps])
    with tempfile.TemporaryDirectory(prefix="bench-monitor-") as tmp:
        for fmt in ("csv", "xlsx"):
            folder = Path(tmp) / fmt
            paths = write_folder(folder, firms, fmt)
            size = sum(p.stat().st_size for p in paths) / 1024 / 1024
            out = subprocess.run([sys.executable, __file__, "--measure", str(folder)], check=True,
                                 capture_output=True, text=True).stdout
            result = json.loads(out)
            verdict = "ok" if result["seconds"] <= 5 and result["peak_mb"] <= 500 else "BOVEN DOEL"
            print(f"{fmt:>4}: {args.rows:,} rijen in {len(paths)} bestanden ({size:.1f} MB): "
                  f"{result['seconds']:.2f} s (CPU {result['cpu']:.2f} s), piekgeheugen {result['peak_mb']:.0f} MB "
                  f"(doel 5 s, 500 MB: {verdict}); bereik 2026-Q3 = {result['bereik']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
