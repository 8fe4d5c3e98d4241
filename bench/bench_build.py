#!/usr/bin/env python3
"""Build a synthetic national-scale dataset and print build time and HTML size per entity page.

    .venv/bin/python bench/bench_build.py                 # 1,000/200, 2,500/500 and 5,000/1,000
    .venv/bin/python bench/bench_build.py --scales 5000:1000

The synthetic data uses the real ladder and regions; partners and instruments are generated with
the same shape as the real ones. Targets (issue 2): < 30 s for 5,000 instruments and 1,000
partners on the 2-core machine, < 30 KB HTML per entity page, growing linearly.
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.build_site import BuildPaths, build  # noqa: E402
from sitegen.data.vocabulary import ACTIVITY_TYPES, KNELPUNTEN, PARTNER_KINDS, STATUSES, STEP_SLUGS  # noqa: E402

TODAY = date.today()  # the data's dates (last_reviewed, accessed) may not lie after the build date


class _NoAliases(yaml.SafeDumper):
    """Every entry shares one `sources` list; PyYAML would write it once with &id001 and then *id001,
    and the data check refuses anchors and aliases (editors write every value out)."""

    def ignore_aliases(self, data):
        return True


def synthetic_data(target: Path, n_instruments: int, n_partners: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    # The vocabularies and lists that refer to the real entries (kept in the synthetic data below).
    for name in ("ladder.yaml", "regions.yaml", "sectors.yaml", "pathway.yaml", "events.yaml"):
        if (ROOT / "data" / name).exists():
            shutil.copy(ROOT / "data" / name, target / name)
    ladder = yaml.safe_load((ROOT / "data" / "ladder.yaml").read_text(encoding="utf-8"))
    regions = yaml.safe_load((ROOT / "data" / "regions.yaml").read_text(encoding="utf-8"))
    region_slugs = [g["slug"] for g in regions["gemeenten"]] + [r["slug"] for r in regions["regions"]]
    themes = [t["slug"] for t in ladder["themes"]]
    real_partners = yaml.safe_load((ROOT / "data" / "partners.yaml").read_text(encoding="utf-8"))["partners"]
    real_instruments = yaml.safe_load((ROOT / "data" / "instruments.yaml").read_text(encoding="utf-8"))["instruments"]
    source = real_instruments[0]["sources"][:1]  # a real source, as the check wants it (quote and all)
    partners = list(real_partners)
    for n in range(n_partners - len(partners)):
        partners.append({
            "id": f"partner-{n}", "name": f"Organisatie {n}", "kind": rng.choice(list(PARTNER_KINDS)),
            "description": "Een organisatie die ondernemers helpt met digitalisering. " * rng.randint(1, 3),
            "regions": rng.sample(region_slugs, rng.randint(1, 3)), "classification": "redactie",
            "sources": source, "last_reviewed": "2026-10-01"})
    partner_ids = [p["id"] for p in partners]
    instruments = list(real_instruments)
    for n in range(n_instruments - len(instruments)):
        instruments.append({
            "id": f"instrument-{n}", "name": f"Instrument {n}", "partner": rng.choice(partner_ids),
            "activity_type": rng.choice(list(ACTIVITY_TYPES)),
            "description": "Een instrument voor mkb-bedrijven die een stap willen zetten. " * rng.randint(1, 4),
            "steps": sorted(rng.sample(list(STEP_SLUGS), rng.randint(1, 3)), key=STEP_SLUGS.index),
            "themes": rng.sample(themes, rng.randint(1, 3)),
            "knelpunten": rng.sample(list(KNELPUNTEN), rng.randint(0, 2)),
            "target_group": "Mkb-bedrijven met minstens 2 fte", "regions": rng.sample(region_slugs, 1),
            "status": rng.choice(list(STATUSES)), "classification": "redactie",
            "sources": source, "last_reviewed": "2026-10-01"})
    dump = lambda obj: yaml.dump(obj, Dumper=_NoAliases, allow_unicode=True, sort_keys=False,  # noqa: E731
                                 default_flow_style=False)
    (target / "partners.yaml").write_text(dump({"partners": partners}), encoding="utf-8")
    (target / "instruments.yaml").write_text(dump({"instruments": instruments}), encoding="utf-8")


def page_sizes(site: Path, folder: str) -> list[int]:
    return [p.stat().st_size for p in (site / folder).glob("*/index.html")]


def run(n_instruments: int, n_partners: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        data.mkdir()
        synthetic_data(data, n_instruments, n_partners)
        started = time.perf_counter()
        build(tmp / "site", TODAY, BuildPaths(data_dir=data), quiet=True, work_dir=tmp / "work")
        seconds = time.perf_counter() - started
        site = tmp / "site"
        sizes = page_sizes(site, "instrumenten") + page_sizes(site, "partners")
        html_total = sum(p.stat().st_size for p in site.rglob("*.html"))
        search_index = site / "search" / "search_index.json"
        return {"instruments": n_instruments, "partners": n_partners, "seconds": seconds,
                "entity_pages": len(sizes), "mean_kb": statistics.mean(sizes) / 1024,
                "max_kb": max(sizes) / 1024, "html_mb": html_total / 1e6,
                "search_index_mb": search_index.stat().st_size / 1e6 if search_index.exists() else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="+", default=["1000:200", "2500:500", "5000:1000"],
                        help="instrumenten:partners, bijv. 5000:1000")
    args = parser.parse_args()
    print(f"{'instrumenten':>12} {'partners':>8} {'bouwtijd':>9} {'pagina’s':>8} {'gem. KB':>8} {'max KB':>7} "
          f"{'HTML MB':>8} {'zoekindex MB':>12} {'ms/pagina':>9}")
    for scale in args.scales:
        n_i, n_p = (int(x) for x in scale.split(":"))
        r = run(n_i, n_p)
        print(f"{r['instruments']:>12} {r['partners']:>8} {r['seconds']:>8.1f}s {r['entity_pages']:>8} "
              f"{r['mean_kb']:>8.1f} {r['max_kb']:>7.1f} {r['html_mb']:>8.1f} {r['search_index_mb']:>12.1f} "
              f"{1000 * r['seconds'] / r['entity_pages']:>9.2f}", flush=True)


if __name__ == "__main__":
    main()
