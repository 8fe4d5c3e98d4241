"""`python build.py stale`: the list an editor works through once a month, and the issue body made from it."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from repo_paths import ROOT, TODAY


def set_reviewed(data_dir: Path, file: str, entry_id: str, new_date: str) -> int:
    """Give one entry another last_reviewed date; return the line of its '- id:'."""
    path = data_dir / file
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(n for n, line in enumerate(lines) if re.match(rf"\s*- id: {re.escape(entry_id)}\s*$", line))
    for n in range(start + 1, len(lines)):
        if re.match(r"\s*- id:", lines[n]):
            break
        if "last_reviewed:" in lines[n]:
            lines[n] = re.sub(r"last_reviewed:.*", f"last_reviewed: {new_date}", lines[n])
            path.write_text("".join(lines), encoding="utf-8")
            return start + 1
    raise AssertionError(f"no last_reviewed for {entry_id}")


def stale(data_dir: Path, *extra: str, today: date = TODAY) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", "--data", str(data_dir), "--date", today.isoformat(),
                           "stale", *extra], cwd=ROOT, capture_output=True, text=True)


def test_an_entry_checked_13_months_ago_is_listed_with_file_line_id_and_date(data_copy):
    old = (TODAY - timedelta(days=400)).isoformat()
    line = set_reviewed(data_copy, "instruments.yaml", "ibdo-intake", old)
    result = stale(data_copy)
    assert result.returncode == 0, result.stderr
    assert f"data/instruments.yaml:{line}: instrument 'ibdo-intake'" in result.stdout
    assert f"laatst nagekeken op {old}" in result.stdout
    assert "langer dan 12 maanden niet nagekeken" in result.stdout


def test_an_entry_checked_11_months_ago_is_not_listed(data_copy):
    set_reviewed(data_copy, "partners.yaml", "ibdo", (TODAY - timedelta(days=330)).isoformat())
    result = stale(data_copy)
    assert result.returncode == 0
    assert "'ibdo'" not in result.stdout


def test_the_same_rule_as_the_mogelijk_verouderd_label_on_pages(data_copy):
    """A year and a day is stale for both; exactly 365 days is not (sitegen.data.dates.is_stale decides)."""
    from sitegen.data.dates import is_stale
    set_reviewed(data_copy, "partners.yaml", "ibdo", (TODAY - timedelta(days=365)).isoformat())
    set_reviewed(data_copy, "partners.yaml", "kvk", (TODAY - timedelta(days=366)).isoformat())
    out = stale(data_copy).stdout
    assert is_stale(TODAY - timedelta(days=366), TODAY) and "partner 'kvk'" in out
    assert not is_stale(TODAY - timedelta(days=365), TODAY) and "partner 'ibdo'" not in out


def test_nothing_stale_says_so_and_still_exits_0(data_copy):
    result = stale(data_copy, today=TODAY)
    assert result.returncode == 0
    assert "Alle partners en instrumenten zijn" in result.stdout


def test_count_and_markdown_for_the_monthly_issue(data_copy):
    set_reviewed(data_copy, "partners.yaml", "kvk", "2024-01-31")
    set_reviewed(data_copy, "instruments.yaml", "mit", "2025-02-01")
    assert stale(data_copy, "--format", "count").stdout.strip() == "2"
    body = stale(data_copy, "--format", "markdown").stdout
    rows = [line for line in body.splitlines() if line.startswith("| ") and "`" in line]
    assert [r.split("`")[1] for r in rows] == ["kvk", "mit"]  # oldest check first
    assert "2024-01-31" in rows[0] and "data/partners.yaml:" in rows[0]
    assert "last_reviewed" in body and "CONTRIBUTING.md" in body


def test_broken_data_still_fails_with_the_check_message(data_copy):
    (data_copy / "partners.yaml").write_text("partners: [\n", encoding="utf-8")
    result = stale(data_copy)
    assert result.returncode == 1
    assert "data/partners.yaml" in result.stderr


def test_names_in_the_monthly_issue_cannot_mention_link_or_break_the_table():
    """Issue 26 §8: a name is shown as a code span; GitHub makes no mention, link or HTML there."""
    from sitegen.exports.stale import StaleEntry, as_markdown
    names = ["@redactie let op", "Zie https://elders.example/ en www.elders.example", "[klik](https://elders.example/)",
             "a | b", "<img src=x>", "Naam met ` en ``"]
    entries = [StaleEntry("partner", f"p{n}", name, "data/partners.yaml", n + 1, TODAY - timedelta(days=400))
               for n, name in enumerate(names)]
    body = as_markdown(entries, TODAY, "https://github.example/drenthe/drenthe-digitaal")
    rows = [line for line in body.splitlines() if line.startswith("| partner")]
    assert len(rows) == len(names)
    for row, name in zip(rows, names):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]
        assert len(cells) == 6, row  # a | in a name does not add a column
        m = re.fullmatch(r"(`+)(.*?)(`+)", cells[2])
        assert m and len(m[1]) == len(m[3]), cells[2]
        inner = m[2][1:-1] if m[2].startswith(" ") and m[2].endswith(" ") else m[2]
        assert inner.replace("\\|", "|") == name
    outside = re.sub(r"\[formulier\]\(https://github\.example/[^)\s]+\)", "", re.sub(r"(`+).*?\1", "", body))
    assert "@redactie" not in outside and "elders.example" not in outside and "<img" not in outside
def test_the_report_links_each_entry_to_its_prefilled_form_for_the_partner_to_confirm():
    """Issue 23: the monthly issue points to review-requests and to the form with the entry filled in."""
    from urllib.parse import parse_qs, urlsplit
    from sitegen.exports.stale import StaleEntry, as_markdown
    entries = [StaleEntry("partner", "kvk", "KVK", "data/partners.yaml", 3, date(2024, 1, 31)),
               StaleEntry("instrument", "mit", "MIT (haakjes) | pijp", "data/instruments.yaml", 9, date(2025, 2, 1))]
    without = as_markdown(entries, TODAY)
    assert "review-requests" in without
    assert all(row.endswith("| nog niet vastgesteld |") for row in without.splitlines() if row.startswith("| partner")
               or row.startswith("| instrument"))
    body = as_markdown(entries, TODAY, "https://example.org/p/r")
    links = re.findall(r"\[formulier\]\(([^)\s]+)\)", body)
    assert len(links) == 2
    queries = [parse_qs(urlsplit(url).query) for url in links]
    assert [q["gegeven"] for q in queries] == [["partners/kvk"], ["instrumenten/mit"]]
    assert queries[1]["title"] == ["Gegevens wijzigen: MIT (haakjes) | pijp"]


def test_a_coming_event_of_a_closed_instrument_is_named_with_its_line(data_copy):
    """Issue 25: 'The stale report names events whose instrument is closed.'"""
    events = """events:
  - id: open-bijeenkomst
    title: "Bij een open regeling"
    instrument: ibdo-bijeenkomsten-ondernemersverenigingen
    start: 2027-01-14T19:30:00+01:00
    end: 2027-01-14T21:30:00+01:00
    place: online
    sources: [{url: "https://example.org/agenda", title: "Agenda", accessed: 2026-11-30}]
    last_reviewed: 2026-11-30
  - id: gesloten-bijeenkomst
    title: "Bij een gesloten regeling"
    instrument: make-it-work
    start: 2027-02-03T10:00:00+01:00
    end: 2027-02-03T12:00:00+01:00
    place: online
    sources: [{url: "https://example.org/agenda", title: "Agenda", accessed: 2026-11-30}]
    last_reviewed: 2026-11-30
"""
    (data_copy / "events.yaml").write_text(events, encoding="utf-8")
    text = stale(data_copy).stdout
    assert "data/events.yaml:10: bijeenkomst 'gesloten-bijeenkomst'" in text and "open-bijeenkomst" not in text
    assert stale(data_copy, "--format", "count").stdout.strip() == "1"
    body = stale(data_copy, "--format", "markdown").stdout
    assert "| `gesloten-bijeenkomst` | `Bij een gesloten regeling` | `make-it-work` | data/events.yaml:10 |" in body
    # once it is over, it is no longer anyone's work
    assert stale(data_copy, "--format", "count", today=date(2027, 3, 1)).stdout.strip() == "0"
