#!/usr/bin/env python3
"""Time the issue-form parser on slow inputs of growing size and print seconds per size.

    .venv/bin/python bench/bench_issue_form.py

Linear code roughly doubles its time when the input doubles; the old heading regex
(`^###\\s+(.*?)\\s*$`) quadrupled it and took about 30 s on `### x` + 60,000 spaces + `y` (issue 26 §7).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.data.issue_form import FORM_FILE, FormError, parse_request  # noqa: E402

INPUTS = {
    "kop + spaties": lambda n: "### x" + " " * n + "y",
    "kop + tabs": lambda n: "###\t" + "\t" * n + "y",
    "veld + spaties": lambda n: "a" + " " * n + "b",
    "&-code": lambda n: "&" + "a" * n,
    "regels '<'": lambda n: "\n".join(["<"] * (n // 2)),
}


def main() -> None:
    form = ROOT / FORM_FILE
    for name, make in INPUTS.items():
        for n in (15_000, 30_000, 60_000):
            body = make(n)
            start = time.perf_counter()
            try:
                parse_request(body, form)
            except FormError:
                pass
            print(f"{name:16} {n:>7,} tekens  {time.perf_counter() - start:8.4f} s".replace(",", "."))


if __name__ == "__main__":
    main()
