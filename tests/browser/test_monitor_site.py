"""Issue 22, end to end: a synthetic year of registrations goes through `build.py monitor` (one
aggregate per quarter, in a temporary copy of data/), the site is built from it, and then:

- every figure on /monitor/, /monitor/2026/ and the gemeente pages equals an independent count of
  the synthetic rows (tests/test_monitor_counting.expected counts the generator's truth);
- no count under the threshold appears, and no hidden cell follows from its column and total;
- a hidden quarter is never drawn as a bar;
- the annual monitor prints to exactly one A4 page;
- axe finds no violation and the Nu Html Checker no error on the monitor pages.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from repo_paths import DATA, ROOT, TODAY
from sitegen.build_site import BuildPaths, build, check
from sitegen.monitor.command import run_monitor
from sitegen.monitor.quarter import Quarter
from sitegen.monitor.synthetic import generate, write_folder
from sitegen.serve import start_server
from test_accessibility import AXE_OPTIONS
from test_monitor_counting import expected

pytestmark = pytest.mark.browser

QUARTERS = [Quarter(2026, n) for n in (1, 2, 3, 4)]
THRESHOLD = 5
HIDDEN = f"<{THRESHOLD}"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class Tables(HTMLParser):
    """Every <table> by its caption: the column heads and (row head, cells) per row, as text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, dict] = {}
        self._table = self._row = self._cell = None
        self._caption = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = {"head": [], "rows": []}
        elif tag == "caption" and self._table is not None:
            self._caption = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "caption" and self._caption is not None:
            self._table["caption"] = "".join(self._caption).strip()
            self._caption = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not self._table["head"]:
                self._table["head"] = self._row
            else:
                self._table["rows"].append((self._row[0], self._row[1:]))
            self._row = None
        elif tag == "table" and self._table is not None:
            self.tables[self._table.get("caption", "")] = self._table
            self._table = None

    def handle_data(self, data):
        for part in (self._cell, self._caption):
            if part is not None:
                part.append(data)


def tables_of(path: Path) -> dict[str, dict]:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.tables


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory, dataset):
    """A year of synthetic registrations, four quarters aggregated by the command, the site built from them."""
    tmp = tmp_path_factory.mktemp("monitor-e2e")
    data = tmp / "data"
    shutil.copytree(DATA, data)
    shutil.rmtree(data / "monitor")
    shutil.copytree(DATA / "monitor", data / "monitor")  # settings only: the real repo has no aggregate
    firms = generate(seed=22, firms=3000, year=2026, today=TODAY, step_names=[s.name for s in dataset.ladder.steps])
    folder = tmp / "registraties"
    write_folder(folder, firms, "csv")
    paths = BuildPaths(data_dir=data)
    for quarter in QUARTERS:
        args = argparse.Namespace(quarter=str(quarter), folder=folder)
        assert run_monitor(args, paths, TODAY, lambda: check(paths, TODAY)) == 0
    site = tmp / "site"
    build(site, TODAY, paths, quiet=True, work_dir=tmp / "work")
    return site, firms


@pytest.fixture(scope="module")
def truth(synthetic, dataset):
    _, firms = synthetic
    steps = [s.slug for s in dataset.ladder.steps]
    return {str(q): expected(firms, q, steps) for q in QUARTERS}


def agrees(shown: str, true: int, total_shown: str = "") -> bool:
    """A shown count is the true count, or hidden ("<5") while the true count is not 0; a 0 is hidden
    too when the whole map is, because its total is hidden (total_shown: the total as the page shows it)."""
    if shown == HIDDEN:
        return true > 0 or total_shown == HIDDEN
    return int(shown) == true


def shown_total(site: Path, indicator: str, quarter: str) -> str:
    """The indicator's count for a quarter as /monitor/ shows it."""
    return dict(tables_of(site / "monitor" / "index.html")[f"{indicator} per kwartaal"]["rows"])[quarter][0]


def _totals(want: dict) -> dict[str, tuple]:
    """Per indicator the columns of its table: (count, of or firms) from the independent count."""
    return {
        "Bereik": (want["bereik"][0],),
        "Gebruik van instrumenten": (sum(want["instrumenten"].values()),),
        "Doorstroom": (want["doorstroom"][0], want["doorstroom"][1]),
        "Basisniveau digitale weerbaarheid": (want["basisniveau"][0], want["basisniveau"][1]),
        "Inzet van talent": (want["talent"][0], want["talent"][1]),
        "Regionale binding": (want["binding"][0], want["binding"][1]),
    }


def test_every_indicator_per_quarter_equals_an_independent_count(synthetic, truth):
    site, _ = synthetic
    for page in ("monitor/index.html", "monitor/2026/index.html"):
        tables = tables_of(site / page)
        for quarter, want in truth.items():
            for name, true_values in _totals(want).items():
                table = tables[f"{name} per kwartaal"]
                row = dict(table["rows"])[quarter]
                shown = [c for c, head in zip(row, table["head"][1:]) if head != "Aandeel"]
                assert len(shown) == len(true_values), (page, name)
                for s, t in zip(shown, true_values):
                    assert agrees(s, t), f"{page}: {name} {quarter} toont {s}, geteld {t}"


def test_breakdowns_by_gemeente_step_and_instrument_equal_the_count(synthetic, truth, dataset):
    site, _ = synthetic
    tables = tables_of(site / "monitor" / "index.html")
    latest = str(QUARTERS[-1])
    want = truth[latest]
    by_gemeente = {"Bereik": want["bereik"][1], "Doorstroom": want["doorstroom"][2],
                   "Basisniveau digitale weerbaarheid": want["basisniveau"][2], "Inzet van talent": want["talent"][2],
                   "Regionale binding": want["binding"][2]}
    names = {g.name: g.slug for g in dataset.regions.gemeenten}
    table = tables[f"Per gemeente, {latest}"]
    assert len(table["rows"]) == 13
    for name, cells in table["rows"]:
        for head, cell in zip(table["head"][1:], cells):
            assert agrees(cell, by_gemeente[head][names[name]], shown_total(site, head, latest)), (name, head, cell)
    by_step = {"Bereik": want["bereik"][2], "Doorstroom": want["doorstroom"][3],
               "Basisniveau digitale weerbaarheid": want["basisniveau"][3]}
    steps = {s.name: s.slug for s in dataset.ladder.steps}
    table = tables[f"Per starttrede, {latest}"]
    for name, cells in table["rows"]:
        for head, cell in zip(table["head"][1:], cells):
            assert agrees(cell, by_step[head][steps[name]], shown_total(site, head, latest)), (name, head, cell)
    table = tables["Gebruik per instrument en kwartaal"]
    ids = {i.name: i.id for i in dataset.instruments}
    used = {i for w in truth.values() for i in w["instrumenten"]}
    assert {ids[name] for name, _ in table["rows"]} == used
    for name, cells in table["rows"]:
        for quarter, cell in zip(table["head"][1:], cells):
            uses = truth[quarter]["instrumenten"]
            assert agrees(cell, uses[ids[name]], shown_total(site, "Gebruik van instrumenten", quarter)), (name, quarter, cell)


def test_each_gemeente_page_shows_its_own_figures(synthetic, truth, dataset):
    site, _ = synthetic
    monitor = tables_of(site / "monitor" / "index.html")
    totals = {(caption.removesuffix(" per kwartaal"), quarter): cells[0]
              for caption, table in monitor.items() if caption.endswith(" per kwartaal") for quarter, cells in table["rows"]}
    for g in dataset.regions.gemeenten:
        table = tables_of(site / "gemeenten" / g.slug / "index.html")[f"Monitor voor {g.name} per kwartaal"]
        for quarter, cells in table["rows"]:
            want = truth[quarter]
            true = {"Bereik": want["bereik"][1], "Doorstroom": want["doorstroom"][2],
                    "Basisniveau digitale weerbaarheid": want["basisniveau"][2], "Inzet van talent": want["talent"][2],
                    "Regionale binding": want["binding"][2]}
            for head, cell in zip(table["head"][1:], cells):
                assert agrees(cell, true[head][g.slug], totals[(head, quarter)]), (g.slug, quarter, head, cell)


def _counts_on(path: Path):
    for caption, table in tables_of(path).items():
        for label, cells in table["rows"]:
            for head, cell in zip(table["head"][1:], cells):
                yield caption, label, head, cell


def test_no_count_under_the_threshold_appears_and_none_follows_from_totals(synthetic, dataset):
    site, _ = synthetic
    pages = [site / "monitor" / "index.html", site / "monitor" / "2026" / "index.html"] + \
        [site / "gemeenten" / g.slug / "index.html" for g in dataset.regions.gemeenten]
    for page in pages:
        for caption, label, head, cell in _counts_on(page):
            if re.fullmatch(r"[0-9]+", cell):
                assert int(cell) == 0 or int(cell) >= THRESHOLD, (page, caption, label, head, cell)
    # A column of a breakdown with its total shown: never exactly one hidden cell; and a part of a
    # group (count of `of`) never leaves fewer than the threshold outside it.
    tables = tables_of(site / "monitor" / "index.html")
    latest = str(QUARTERS[-1])
    for caption in (f"Per gemeente, {latest}", f"Per starttrede, {latest}"):
        table = tables[caption]
        for k, head in enumerate(table["head"][1:]):
            total = dict(tables[f"{head} per kwartaal"]["rows"])[latest][0]
            column = [cells[k] for _, cells in table["rows"]]
            hidden = column.count(HIDDEN)
            if total != HIDDEN:
                assert hidden != 1, (caption, head)
                shown = sum(int(c) for c in column if c != HIDDEN)
                assert hidden or shown == int(total), (caption, head)
    for name in ("Doorstroom", "Basisniveau digitale weerbaarheid", "Regionale binding"):
        for quarter, cells in tables[f"{name} per kwartaal"]["rows"]:
            total, of = cells[0], cells[1]
            if HIDDEN not in (total, of):
                assert not 0 < int(of) - int(total) < THRESHOLD, (name, quarter)


def test_a_hidden_quarter_is_never_drawn(synthetic):
    site, _ = synthetic
    html = (site / "monitor" / "index.html").read_text(encoding="utf-8")
    for svg in re.findall(r'<svg[^>]*class="dd-chart".*?</svg>', html, re.S):
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
        hidden = desc.count("minder dan")
        points = desc.count(": ")
        assert svg.count("<rect") == points - hidden, desc
        assert svg.count("&lt;5") == hidden


def test_the_annual_monitor_prints_on_exactly_one_a4_page(synthetic, page):
    site, _ = synthetic
    server, url = start_server(site)
    try:
        page.goto(f"{url}/monitor/2026/")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        server.shutdown()
    pages = re.findall(rb"/Type\s*/Page(?![s\w])", pdf)
    assert len(pages) == 1, f"{len(pages)} pagina's"
    box = [float(x) for x in re.search(rb"/MediaBox\s*\[\s*([0-9. ]+)\]", pdf).group(1).split()]
    assert abs(box[2] - 595.3) < 2 and abs(box[3] - 841.9) < 2, box  # A4 in points


@pytest.mark.parametrize("path", ["monitor/", "monitor/2026/", "gemeenten/emmen/"])
def test_axe_finds_nothing_on_the_monitor_pages(synthetic, page, path):
    site, _ = synthetic
    server, url = start_server(site)
    try:
        page.goto(f"{url}/{path}")
        results = Axe().run(page, options=AXE_OPTIONS)
    finally:
        server.shutdown()
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.vnu
def test_nu_html_checker_finds_no_error_on_the_monitor_pages(synthetic):
    if not shutil.which("java") or not VNU_JAR.exists():
        pytest.skip("Java of vnu.jar ontbreekt (make setup en make test installeren ze)")
    site, _ = synthetic
    files = [site / "monitor" / "index.html", site / "monitor" / "2026" / "index.html",
             site / "gemeenten" / "emmen" / "index.html", site / "open-data" / "index.html"]
    proc = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
                          capture_output=True, text=True)
    messages = json.loads(proc.stderr)["messages"]
    assert not messages, [(m["url"].split("/site/")[-1], m.get("lastLine"), m["message"]) for m in messages]
