#!/usr/bin/env python3
"""scan_core in CPython: ms per evaluation, and the size of the wheel the browser downloads.

    .venv/bin/python bench/bench_scan_core.py                 # 792 multisets x 4 gemeenten, 5 rounds
    .venv/bin/python bench/bench_scan_core.py --rounds 10

Two figures per evaluation: evaluate() on parsed data (the scoring itself) and evaluate_json()
(what the browser worker calls: parse the scan data JSON, score, write the result JSON).
Targets (DESIGN.md): < 1 ms per evaluation in CPython, < 50 KB wheel. Pyodide: bench_pyodide_scan.mjs.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scan_core import evaluate, evaluate_json  # noqa: E402
from sitegen.scan.scan_data import build_scan_data, dumps  # noqa: E402
from sitegen.scan.wheel import build_wheel  # noqa: E402

TODAY = date.today()  # the data's dates (last_reviewed, accessed) may not lie after the build date
GEMEENTEN = [None, "emmen", "assen", "hardenberg"]


def _stats(times_ms: list[float]) -> str:
    times = sorted(times_ms)
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return (f"mean {statistics.fmean(times):.3f} ms, median {statistics.median(times):.3f} ms, "
            f"p95 {p95:.3f} ms, max {times[-1]:.3f} ms over {len(times):,} evaluations")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    data = build_scan_data(ROOT / "data", TODAY)
    text = dumps(data)
    multisets = ["".join(c) for c in itertools.combinations_with_replacement("ABCDEF", 7)]
    cases = [(a, g) for a in multisets for g in GEMEENTEN]
    for answers, gemeente in cases[:50]:  # warm up
        evaluate_json(text, answers, gemeente, TODAY.isoformat())

    plain, full = [], []
    cpu_plain = cpu_full = 0.0
    for _ in range(args.rounds):
        for answers, gemeente in cases:
            c, t = time.process_time(), time.perf_counter()
            evaluate(data, answers, gemeente, TODAY).to_json()
            plain.append((time.perf_counter() - t) * 1000)
            c2, t = time.process_time(), time.perf_counter()
            evaluate_json(text, answers, gemeente, TODAY.isoformat())
            full.append((time.perf_counter() - t) * 1000)
            cpu_plain, cpu_full = cpu_plain + (c2 - c), cpu_full + (time.process_time() - c2)

    with tempfile.TemporaryDirectory() as tmp:
        wheel = build_wheel(Path(tmp))
        size = wheel.stat().st_size
        name = wheel.name

    print(f"Python {sys.version.split()[0]}; {len(multisets)} answer multisets x {len(GEMEENTEN)} gemeenten "
          f"x {args.rounds} rounds; scan data {len(text.encode()):,} bytes")
    print(f"evaluate() + to_json():  {_stats(plain)}")
    print(f"evaluate_json():         {_stats(full)}   (target < 1 ms)")
    # CPU time is steadier than wall time on a busy machine (other processes do not count).
    print(f"CPU time per evaluation: evaluate() {cpu_plain * 1000 / len(plain):.3f} ms, "
          f"evaluate_json() {cpu_full * 1000 / len(full):.3f} ms")
    print(f"wheel {name}: {size:,} bytes = {size / 1024:.1f} KB   (target < 50 KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
