#!/usr/bin/env python3
"""Zensical beside mkdocs on the same docs: what works, what breaks, and build times. Measured,
not adopted (issue 15).

    .venv/bin/python bench/bench_zensical.py                   # real site, then 5,000 + 1,000 synthetic
    .venv/bin/python bench/bench_zensical.py --scales          # real site only
    .venv/bin/python bench/bench_zensical.py --through-engine  # also: entity pages as Markdown pages

Zensical is installed when this runs, into build/zensical-venv (never into .venv), from
bench/zensical.lock with hash checking. Both engines get the docs folder our build writes
(sitegen's pages before mkdocs) and mkdocs.yml. Zensical gets a copy of mkdocs.yml with relative
docs_dir and site_dir (an absolute docs_dir made 0.0.73 panic). Then our post-processing runs
on each output: the deferred long lists (DeferredHtml.inject) and the partner and instrument
pages filled from their shell (EntityPages.fill).

What each engine builds: by default the entity pages skip both engines (as in our build): each
engine renders the overview pages and one shell per kind; the ~6,000 entity pages are copies of
the shell that EntityPages.fill writes afterwards. With --through-engine, every entity page is also
a Markdown page (its HTML body, with front matter), so the engine renders all of them itself:
what a move that drops the shell trick would cost.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_build import synthetic_data  # noqa: E402  (bench/ is on sys.path: this script's folder)
from sitegen.build_site import BuildPaths, check, write_all_pages  # noqa: E402
from sitegen.data.settings import read_settings  # noqa: E402
from sitegen.engine.deferred import DEFERRED_DIR, DeferredHtml  # noqa: E402
from sitegen.engine.entity_pages import ENTITY_DIR, SHELL_SLUG, EntityPages  # noqa: E402
from sitegen.engine.mkdocs_build import _run_mkdocs  # noqa: E402

TODAY = date.today()  # the data's dates (last_reviewed, accessed) may not lie after the build date
VENV = ROOT / "build" / "zensical-venv"
LOCK = ROOT / "bench" / "zensical.lock"
ZENSICAL = VENV / "bin" / "zensical"


def ensure_zensical() -> str:
    """Install zensical from its hashed lock into its own venv (again when the lock changed)."""
    stamp = VENV / ".lock-sha256"
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()
    if not (ZENSICAL.exists() and stamp.exists() and stamp.read_text() == digest):
        shutil.rmtree(VENV, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet",
                              "--disable-pip-version-check", "--require-hashes", "--no-deps", "-r", str(LOCK)],
                             capture_output=True, text=True)
        if pip.returncode != 0:
            sys.exit(f"zensical kon niet geïnstalleerd worden:\n{pip.stderr[-2000:]}")
        stamp.write_text(digest)
    return subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True, check=True).stdout.strip()


def prepare_docs(work: Path, data_dir: Path, through_engine: bool) -> Path:
    """The docs folder our build hands mkdocs (content/ plus the pages made from the data)."""
    paths = BuildPaths(data_dir=data_dir)
    docs = work / "docs"
    shutil.copytree(paths.content_dir, docs)
    write_all_pages(check(paths, TODAY), docs, TODAY, read_settings(paths.config_file))
    if through_engine:
        for kind_file in sorted((docs / ENTITY_DIR).glob("*.jsonl")):
            for line in kind_file.read_text(encoding="utf-8").splitlines():
                r = json.loads(line)
                front = yaml.safe_dump({"title": r["title"], "description": r["description"]}, allow_unicode=True)
                (docs / kind_file.stem / f"{r['slug']}.md").write_text(f"---\n{front}---\n\n{r['body']}\n",
                                                                      encoding="utf-8")
        shutil.rmtree(docs / ENTITY_DIR)  # nothing left for EntityPages.fill to copy
    return docs


def zensical_config(work: Path) -> Path:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir="docs", site_dir="zensical-site")
    if config["theme"].get("custom_dir"):  # our theme overrides (overrides/README.md), from the repository
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    path = work / "zensical.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def run_zensical(config: Path, *flags: str) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run([str(ZENSICAL), "build", "-f", config.name, *flags], cwd=config.parent,
                          capture_output=True, text=True)
    return time.perf_counter() - started, proc


def post_process(docs: Path, site: Path) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        lists = DeferredHtml.inject(docs / DEFERRED_DIR, site) if (docs / DEFERRED_DIR).is_dir() else 0
        pages = EntityPages.fill(docs, site)
        outcome = f"{lists} lijsten ingevoegd, {pages} entiteitpagina's gevuld"
    except Exception as exc:  # noqa: BLE001 - a bench reports what broke, it does not stop
        outcome = f"MISLUKT: {type(exc).__name__}: {exc}"
    return time.perf_counter() - started, outcome


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def search_entries(site: Path) -> tuple[str, list[dict]]:
    """Material/mkdocs: search/search_index.json {"docs": [...]}; Zensical: search.json {"items": [...]}."""
    for rel, key in (("search/search_index.json", "docs"), ("search.json", "items")):
        if (site / rel).exists():
            return rel, json.loads((site / rel).read_text(encoding="utf-8")).get(key, [])
    return "geen", []


def nav_links(site: Path) -> int:
    return len(re.findall(r'class="md-nav__link', (site / "index.html").read_text(encoding="utf-8")))


def findings(docs: Path, mk_site: Path, z_site: Path) -> list[str]:
    """What a reader of the site would notice, checked on both outputs after our post-processing."""
    out = []
    only_mk, only_z = html_pages(mk_site) - html_pages(z_site), html_pages(z_site) - html_pages(mk_site)
    out.append(f"HTML-pagina's: mkdocs {len(html_pages(mk_site))}, zensical {len(html_pages(z_site))}; "
               f"alleen mkdocs {sorted(only_mk)[:3]}, alleen zensical {sorted(only_z)[:3]}")
    out.append(f"not_in_nav: menulinks op de home: mkdocs {nav_links(mk_site)}, zensical {nav_links(z_site)}; "
               f"links naar een partnerpagina in het menu: zensical "
               f"{len(re.findall(r'md-nav__link[^>]*href=.[./]*partners/[a-z0-9-]+/', (z_site / 'index.html').read_text()))}")
    sample = next((p for p in sorted((mk_site / "partners").glob("*/index.html")) if SHELL_SLUG not in str(p)), None)
    if sample:
        rel = sample.relative_to(mk_site)
        titles = [re.search(r"<title>([^<]*)", (s / rel).read_text()).group(1) for s in (mk_site, z_site)]
        out.append(f"entiteitpagina {rel.parent.as_posix()}: titel mkdocs {titles[0]!r}, zensical {titles[1]!r}")
    for name, site in (("mkdocs", mk_site), ("zensical", z_site)):
        rel, entries = search_entries(site)
        locations = [e.get("location", "") for e in entries]
        partner = sum(1 for loc in locations if re.match(r"partners/[a-z0-9-]+/$", loc) and SHELL_SLUG not in loc)
        shells = sum(1 for loc in locations if SHELL_SLUG in loc)
        out.append(f"zoeken ({name}): {rel}, {len(entries)} items, {partner} partnerpagina's erin, "
                   f"{shells} items van de sjabloonpagina (dd-shell) erin")
    for name, site in (("mkdocs", mk_site), ("zensical", z_site)):
        sitemap = site / "sitemap.xml"
        locs = re.findall(r"<loc>([^<]*)", sitemap.read_text()) if sitemap.exists() else []
        out.append(f"sitemap ({name}): {len(locs)} adressen (site_url is leeg), eerste {locs[:1]}, "
                   f"sitemap.xml.gz {'ja' if (site / 'sitemap.xml.gz').exists() else 'nee'}")
    left = [p for p in z_site.rglob("*.html") if "dd-deferred" in p.read_text(encoding="utf-8")]
    out.append(f"lange lijsten: markeringen die in zensical's HTML over zijn na het invoegen: {len(left)}")
    page = (z_site / "voor-gemeenten" / "index.html").read_text(encoding="utf-8")
    out.append("configurator als module, alleen op /voor-gemeenten/ (overrides/voor-gemeenten.html): "
               + ("behouden" if re.search(r'<script(?=[^>]*configurator\.mjs)(?=[^>]*type="module")', page) else "WEG"))
    out.append("theme-overrides (custom_dir): " + ("geen in mkdocs.yml, niets te dragen"
               if "custom_dir" not in (ROOT / "mkdocs.yml").read_text() else "aanwezig: apart nakijken"))
    return out


def strict_link_check(docs: Path, work: Path) -> str:
    """Does zensical --strict stop on a broken link, as mkdocs strict does?"""
    trial = work / "strict"
    shutil.copytree(docs, trial / "docs")
    page = trial / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8")
    config = zensical_config(trial)
    _, proc = run_zensical(config, "--strict")
    said = (proc.stdout + proc.stderr).strip().splitlines()
    return f"kapotte link met --strict: exit {proc.returncode}; laatste regel: {said[-1] if said else ''!r}"


def measure(label: str, data_dir: Path, through_engine: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = prepare_docs(work, data_dir, through_engine)
        started = time.perf_counter()
        _run_mkdocs(ROOT / "mkdocs.yml", docs, work / "mkdocs-site")
        mk_seconds = time.perf_counter() - started
        config = zensical_config(work)
        shutil.rmtree(work / ".cache", ignore_errors=True)
        z_cold, proc = run_zensical(config)
        if proc.returncode != 0:
            print(f"{label}: zensical faalde (exit {proc.returncode}):\n{proc.stderr[-1500:]}")
            return
        z_warm, _ = run_zensical(config)
        mk_post, mk_outcome = post_process(docs, work / "mkdocs-site")
        z_post, z_outcome = post_process(docs, work / "zensical-site")
        n_md = sum(1 for _ in docs.rglob("*.md"))
        print(f"\n## {label}: {n_md} Markdown-pagina's voor de engine"
              + ("" if through_engine else ", entiteitpagina's buiten de engine (shell + EntityPages.fill)"))
        print(f"{'':<28}{'engine':>10}{'nabewerking':>13}{'samen':>9}")
        print(f"{'mkdocs 1.6 + material':<28}{mk_seconds:>9.1f}s{mk_post:>12.1f}s{mk_seconds + mk_post:>8.1f}s   {mk_outcome}")
        print(f"{'zensical, koude cache':<28}{z_cold:>9.1f}s{z_post:>12.1f}s{z_cold + z_post:>8.1f}s   {z_outcome}")
        print(f"{'zensical, warme cache':<28}{z_warm:>9.1f}s{'':>13}{'':>9}   (tweede bouw, niets veranderd)")
        for line in findings(docs, work / "mkdocs-site", work / "zensical-site"):
            print(f"  - {line}")
        if label.startswith("echte"):
            print(f"  - {strict_link_check(docs, work)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", nargs="*", default=["5000:1000"], help="instrumenten:partners (synthetisch)")
    parser.add_argument("--through-engine", action="store_true",
                        help="ook: elke entiteitpagina als Markdown-pagina door de engine")
    args = parser.parse_args()
    print(f"{ensure_zensical()}; mkdocs {__import__('mkdocs').__version__}; 2 kernen, gedeelde machine")
    modes = [False, True] if args.through_engine else [False]
    for through in modes:
        suffix = " (entiteitpagina's door de engine)" if through else ""
        measure("echte site" + suffix, ROOT / "data", through)
        for scale in args.scales:
            n_i, n_p = (int(x) for x in scale.split(":"))
            with tempfile.TemporaryDirectory() as tmp:
                synthetic_data(Path(tmp), n_i, n_p)
                measure(f"synthetisch {n_i} instrumenten + {n_p} partners{suffix}", Path(tmp), through)


if __name__ == "__main__":
    main()
