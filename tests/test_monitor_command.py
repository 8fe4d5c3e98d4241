"""`build.py monitor` and `build.py monitor-template` as the programme team runs them: all or
nothing, Dutch messages without a traceback, never a folder inside the repository, counts only."""
from __future__ import annotations

import build
from openpyxl import load_workbook

from monitor_rows import row, rows, write_csv
from repo_paths import ROOT, TODAY
from sitegen.data.dataset import load_dataset
from sitegen.monitor.columns import COLUMNS, HEADERS
from sitegen.monitor.synthetic import generate, write_folder


def run(capsys, data_dir, *args):
    code = build.main(["--date", TODAY.isoformat(), "--data", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_a_good_folder_becomes_an_aggregate_the_site_accepts_with_no_reference_in_it(capsys, data_copy, tmp_path, dataset):
    firms = generate(3, 400, 2026, TODAY, [s.name for s in dataset.ladder.steps])
    write_folder(tmp_path / "in", firms, "csv")
    code, out, err = run(capsys, data_copy, "monitor", "2026-Q3", tmp_path / "in")
    assert code == 0, err
    written = data_copy / "monitor" / "2026-Q3.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# Monitor Drenthe Digitaal, 2026-Q3.")
    assert not any(f.row[1] in text for f in firms)  # no partner's reference
    assert sorted(p.name for p in (data_copy / "monitor").iterdir()) == ["2026-Q3.yaml", "settings.yaml"]  # no temp file left
    quarters = load_dataset(data_copy, TODAY).monitor.quarters
    assert [q.quarter for q in quarters] == ["2026-Q3"] and quarters[0].made_on == TODAY
    assert quarters[0].basisniveau.provisional and quarters[0].rules


def test_one_bad_row_writes_nothing_and_says_where(capsys, data_copy, tmp_path):
    write_csv(tmp_path / "in" / "ibdo.csv", rows(3) + [row(reference="12345678")])
    code, out, err = run(capsys, data_copy, "monitor", "2026-Q4", tmp_path / "in")
    assert code == 1
    assert "ibdo.csv:rij 5:kolom B (Referentie): Dit lijkt een KvK-nummer" in err and "Er is niets geschreven" in err
    assert sorted(p.name for p in (data_copy / "monitor").iterdir()) == ["settings.yaml"]


def test_a_long_list_of_problems_is_capped(capsys, data_copy, tmp_path):
    write_csv(tmp_path / "in" / "ibdo.csv", rows(80, gemeente="Groningen"))
    code, out, err = run(capsys, data_copy, "monitor", "2026-Q4", tmp_path / "in")
    assert code == 1 and "80 problemen gevonden" in err and "en nog 30 andere problemen" in err
    assert err.count("Groningen") == 50


def test_a_folder_inside_the_repository_is_refused_also_through_a_link(capsys, data_copy, tmp_path):
    code, out, err = run(capsys, data_copy, "monitor", "2026-Q4", ROOT / "tests")
    assert code == 2 and "staat in de repository" in err
    (tmp_path / "link").symlink_to(ROOT / "tests")
    code, out, err = run(capsys, data_copy, "monitor", "2026-Q4", tmp_path / "link")
    assert code == 2 and "staat in de repository" in err
    assert sorted(p.name for p in (data_copy / "monitor").iterdir()) == ["settings.yaml"]


def test_a_wrong_or_future_quarter_is_refused(capsys, data_copy, tmp_path):
    (tmp_path / "in").mkdir()
    assert run(capsys, data_copy, "monitor", "2026-4", tmp_path / "in")[2].startswith("'2026-4' is geen kwartaal")
    assert "nog niet begonnen" in run(capsys, data_copy, "monitor", "2027-Q1", tmp_path / "in")[2]


def test_the_template_is_made_from_the_data_and_reads_back(capsys, data_copy, tmp_path, dataset):
    out = tmp_path / "sjabloon.xlsx"
    code, _, err = run(capsys, data_copy, "monitor-template", "--out", out)
    assert code == 0, err
    wb = load_workbook(out)
    assert wb.sheetnames == ["Registraties", "Uitleg", "Lijsten"]
    assert all(ws.sheet_state == "visible" for ws in wb.worksheets)
    sheet = wb["Registraties"]
    assert tuple(c.value for c in sheet[1]) == HEADERS
    lists = wb["Lijsten"]
    assert [c.value for c in lists["A"][1:] if c.value] == [p.id for p in dataset.partners]
    assert [c.value for c in lists["C"][1:] if c.value] == [g.name for g in dataset.regions.gemeenten]
    assert [c.value for c in lists["D"][1:] if c.value] == [s.name for s in dataset.ladder.steps]
    assert [c.value for c in lists["E"][1:] if c.value] == [i.id for i in dataset.instruments]
    assert [c.value for c in lists["G"][1:] if c.value] == ["ja", "nee", "onbekend"]
    validated = {rng.split(":")[0].rstrip("0123456789") for dv in sheet.data_validations.dataValidation
                 for rng in str(dv.sqref).split()}
    letters = {c.key: chr(65 + i) for i, c in enumerate(COLUMNS)}
    for key in ("partner", "gemeente", "start_step", "follow_up_step", "instruments", "referred_to", "basisniveau",
                "talent", "talent_kept"):
        assert letters[key] in validated, key
    guide = wb["Uitleg"]
    assert [guide.cell(r, 1).value for r in range(2, len(COLUMNS) + 2)] == list(HEADERS)

    for i, value in enumerate(row(partner="ibdo", gemeente="Meppel", start_code="", start_step="Starten"), start=1):
        sheet.cell(2, i, value or None)
    folder = tmp_path / "in"
    folder.mkdir()
    wb.save(folder / "ibdo.xlsx")
    code, _, err = run(capsys, data_copy, "monitor", "2026-Q4", folder)
    assert code == 0, err
