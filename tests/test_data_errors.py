"""Bad input: every problem is reported at once, in Dutch, as data/<file>:<line>:<col>, and nothing is built.

Each test appends or edits an entry in a copy of the real data, as an editor would, and checks
the message and the line that `python build.py check` prints.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from repo_paths import ROOT, SEEDS, TODAY
from sitegen.data.dataset import load_dataset
from sitegen.errors import DataErrors

PARTNER = """\
{i}- id: testpartner
{i}  name: Testpartner
{i}  kind: hub
{i}  description: Een partner die alleen in deze test bestaat.
{i}  regions: [drenthe]
{i}  sources:
{i}    - document: "000"
{i}      lines: "1-22"
{i}      quote: "Met deze beleidsaanpak 'Drenthe Digitaal - Versnelling Digitalisering Mkb Drenthe' zetten we een gerichte en samenhangende beweging in gang"
{i}  last_reviewed: 2026-11-01
"""

INSTRUMENT = """\
{i}- id: testinstrument
{i}  name: Testinstrument
{i}  partner: ibdo
{i}  activity_type: advisering
{i}  description: Een instrument dat alleen in deze test bestaat.
{i}  steps: [funderen]
{i}  themes: [data]
{i}  target_group: Mkb-bedrijven in Drenthe
{i}  regions: [drenthe]
{i}  status: open
{i}  sources:
{i}    - document: "000"
{i}      lines: "1-22"
{i}      quote: "Met deze beleidsaanpak 'Drenthe Digitaal - Versnelling Digitalisering Mkb Drenthe' zetten we een gerichte en samenhangende beweging in gang"
{i}  last_reviewed: 2026-11-01
"""


def _indent(text: str) -> str:
    match = re.search(r"^(\s*)- id:", text, re.M)
    return match.group(1) if match else "  "


def append_entry(data_dir: Path, file: str, template: str, replace: dict[str, str] | None = None,
                 extra_lines: list[str] = (), drop: tuple[str, ...] = ()) -> tuple[Path, int]:
    """Append an entry; return the file and the line number of its '- id:' line."""
    path = data_dir / file
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    indent = _indent(text)
    entry = template.format(i=indent)
    for old, new in (replace or {}).items():
        assert old in entry, old
        entry = entry.replace(old, new)
    entry = "".join(line for line in entry.splitlines(keepends=True)
                    if not any(line.strip().startswith(f"{field}:") for field in drop))
    entry += "".join(f"{indent}  {line}\n" for line in extra_lines)
    first_line = text.count("\n") + 1
    path.write_text(text + entry, encoding="utf-8")
    return path, first_line


def line_of(path: Path, needle: str, start: int = 1) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def errors_for(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir, TODAY, SEEDS)
    return [str(e) for e in caught.value.errors]


def assert_error(errors: list[str], file: str, line: int, *fragments: str) -> None:
    for e in errors:
        if e.startswith(f"data/{file}:{line}:") and all(f in e for f in fragments):
            return
    raise AssertionError(f"no error at data/{file}:{line} with {fragments}; got:\n" + "\n".join(errors))


def test_the_real_data_is_valid(dataset):
    assert len(dataset.partners) >= 30
    assert len(dataset.instruments) >= 40


def test_yaml_syntax_error_names_the_line(data_copy):
    path = data_copy / "partners.yaml"
    text = path.read_text(encoding="utf-8")
    broken_line = text.count("\n") + 2
    path.write_text(text + "\n  - id: kapot\n    name: [niet gesloten\n", encoding="utf-8")
    errors = errors_for(data_copy)
    assert any(e.startswith("data/partners.yaml:") and "YAML-fout" in e for e in errors), errors
    line = int(next(e for e in errors if "YAML-fout" in e).split(":")[1])
    assert broken_line <= line <= broken_line + 2


def test_unknown_field_is_reported_with_its_line(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, extra_lines=["webiste: https://example.org"])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "webiste", first), "onbekend veld 'webiste'", "[testpartner]")


def test_missing_field_is_reported(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, drop=("name",))
    assert_error(errors_for(data_copy), "partners.yaml", first, "verplichte veld 'name' ontbreekt")


def test_wrong_type_is_reported(data_copy):
    path, first = append_entry(data_copy, "instruments.yaml", INSTRUMENT, replace={"steps: [funderen]": "steps: funderen"})
    assert_error(errors_for(data_copy), "instruments.yaml", line_of(path, "steps: funderen", first), "'steps' moet een lijst zijn")


def test_duplicate_id_points_to_the_first(data_copy):
    path = data_copy / "partners.yaml"
    append_entry(data_copy, "partners.yaml", PARTNER)
    _, second = append_entry(data_copy, "partners.yaml", PARTNER)
    errors = errors_for(data_copy)
    first_line = line_of(path, "- id: testpartner")
    assert_error(errors, "partners.yaml", second, "de id 'testpartner' bestaat al", f"regel {first_line}")


def test_instrument_with_unknown_partner(data_copy):
    path, first = append_entry(data_copy, "instruments.yaml", INSTRUMENT, replace={"partner: ibdo": "partner: bestaat-niet"})
    assert_error(errors_for(data_copy), "instruments.yaml", line_of(path, "partner: bestaat-niet", first),
                 "partner 'bestaat-niet' bestaat niet")


@pytest.mark.parametrize("old,new,message", [
    ("steps: [funderen]", "steps: [funderen, vliegen]", "onbekende trede 'vliegen'"),
    ("themes: [data]", "themes: [data, blockchain]", "onbekend thema 'blockchain'"),
    ("regions: [drenthe]", "regions: [drenthe, atlantis]", "onbekende gemeente of regio 'atlantis'"),
    ("activity_type: advisering", "activity_type: toveren", "'toveren' is geen geldige waarde voor 'activity_type'"),
    ("status: open", "status: misschien", "'misschien' is geen geldige waarde voor 'status'"),
])
def test_unknown_vocabulary_is_reported(data_copy, old, new, message):
    path, first = append_entry(data_copy, "instruments.yaml", INSTRUMENT, replace={old: new})
    assert_error(errors_for(data_copy), "instruments.yaml", line_of(path, new.split(":")[0] + ":", first), message)


@pytest.mark.parametrize("url,message", [
    ("http://example.org", "moet beginnen met https://"),
    ("javascript:alert(1)", "moet beginnen met https://"),
    ("https://", "moet beginnen met https://"),
])
def test_bad_urls_are_refused(data_copy, url, message):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, extra_lines=[f'website: "{url}"'])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "website:", first), message)


def test_impossible_date(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={"2026-11-01": "2026-02-30"})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "2026-02-30", first), "geen geldige datum")


def test_review_date_in_the_future(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={"2026-11-01": "2027-01-01"})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "2027-01-01", first), "ligt in de toekomst")


def test_open_until_before_open_from(data_copy):
    path, first = append_entry(data_copy, "instruments.yaml", INSTRUMENT,
                               extra_lines=["open_from: 2026-06-01", "open_until: 2026-01-31"])
    assert_error(errors_for(data_copy), "instruments.yaml", line_of(path, "open_until", first), "ligt vóór open_from")


def test_html_and_script_in_text_are_refused(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={
        "description: Een partner die alleen in deze test bestaat.": 'description: "Hallo <script>alert(1)</script>"'})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "<script>", first), "HTML is niet toegestaan")


def test_duplicate_key_in_an_entry(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, extra_lines=["name: Nog een naam"])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "name: Nog een naam", first), "'name' staat hier twee keer")


def test_source_lines_beyond_the_document(data_copy):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={'lines: "1-22"': 'lines: "1-99999"'})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "99999", first), "heeft maar", "regels")


def test_a_quote_that_is_not_in_the_cited_lines_is_refused_at_its_line(data_copy):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    path, first = append_entry(data_copy, "partners.yaml", PARTNER,
                               replace={"Met deze beleidsaanpak": "Dit staat er niet in"})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "Dit staat er niet in", first),
                 "dit citaat staat niet in brondocument 000, regels 1-22", "neem de woorden precies over")


def test_a_right_quote_passes_also_across_a_pdf_line_break_and_hyphen(data_copy):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not here")
    # Seed 001 breaks 'precisielandbouw' as 'precisieland-' / blank line / 'bouw'.
    append_entry(data_copy, "partners.yaml", PARTNER, replace={
        'document: "000"': 'document: "001"', 'lines: "1-22"': 'lines: "2455-2457"',
        "Met deze beleidsaanpak 'Drenthe Digitaal - Versnelling Digitalisering Mkb Drenthe' zetten we een gerichte en samenhangende beweging in gang": "Het project Nationale Proeftuin precisielandbouw helpt boeren"})
    load_dataset(data_copy, TODAY, SEEDS)


def test_a_document_source_without_a_quote_is_refused(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER, drop=("quote",))
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, 'document: "000"', first),
                 "bij een brondocument hoort 'quote'")


def test_without_the_seeds_quotes_are_skipped_and_the_check_says_so_once(data_copy, tmp_path):
    append_entry(data_copy, "partners.yaml", PARTNER,
                 replace={"Met deze beleidsaanpak": "Dit staat er niet in"})
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "--seeds", str(tmp_path / "geen"),
                             "--date", TODAY.isoformat(), "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("niet gecontroleerd") == 1, result.stdout
    assert "brondocumenten" in result.stdout and "Alles in orde" in result.stdout


def _rewrite_ladder(data_copy: Path, change) -> Path:
    path = data_copy / "ladder.yaml"
    ladder = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(ladder)
    path.write_text(yaml.safe_dump(ladder, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_ladder_with_five_steps(data_copy):
    _rewrite_ladder(data_copy, lambda d: d["steps"].pop())
    errors = errors_for(data_copy)
    assert any(e.startswith("data/ladder.yaml:") and "precies 6 treden" in e for e in errors), errors


def test_question_without_six_options(data_copy):
    _rewrite_ladder(data_copy, lambda d: d["questions"][2]["options"].pop())
    errors = errors_for(data_copy)
    assert any(e.startswith("data/ladder.yaml:") and "precies 6 opties" in e and "processes" in e for e in errors), errors


def test_every_problem_is_reported_at_once(data_copy):
    append_entry(data_copy, "partners.yaml", PARTNER, replace={"kind: hub": "kind: vereniging"})
    append_entry(data_copy, "instruments.yaml", INSTRUMENT, replace={"partner: ibdo": "partner: onbekend-x"})
    errors = errors_for(data_copy)
    assert any("partners.yaml" in e and "'vereniging'" in e for e in errors)
    assert any("instruments.yaml" in e and "onbekend-x" in e for e in errors)


def test_check_command_prints_dutch_errors_and_fails(data_copy):
    append_entry(data_copy, "partners.yaml", PARTNER, replace={"kind: hub": "kind: vereniging"})
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "De gegevens kloppen nog niet" in result.stderr
    assert "data/partners.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_failed_build_leaves_the_existing_site_alone(data_copy, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("oude site", encoding="utf-8")
    append_entry(data_copy, "instruments.yaml", INSTRUMENT, replace={"status: open": "status: misschien"})
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "build", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert (out / "index.html").read_text(encoding="utf-8") == "oude site"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_an_unreadable_file_is_not_buried_under_false_reference_errors(data_copy):
    path = data_copy / "partners.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n  - id: kapot\n    name: [niet gesloten\n", encoding="utf-8")
    errors = errors_for(data_copy)
    assert any("YAML-fout" in e for e in errors)
    assert not any("bestaat niet" in e or "onbekende partner" in e for e in errors), errors
