"""A partner's registration file: every kind of bad input is refused with a Dutch message that
says file, sheet, row and column and what to write instead; good rows become registrations."""
from __future__ import annotations

import zipfile
from datetime import date, timedelta

import pytest
from openpyxl import Workbook, load_workbook

from monitor_rows import row, rows, write_csv, write_workbook
from repo_paths import TODAY
from sitegen.monitor.aggregate import read_registrations
from sitegen.monitor.columns import HEADERS
from sitegen.monitor.problems import MonitorErrors
from sitegen.monitor.vocabulary import Vocabulary


@pytest.fixture(scope="module")
def vocabulary(dataset) -> Vocabulary:
    basis = dataset.monitor.settings.basisniveau
    return Vocabulary.from_dataset(dataset, basis.question, list(basis.letters))


def problems(folder, vocabulary) -> list[str]:
    with pytest.raises(MonitorErrors) as caught:
        read_registrations(folder, vocabulary, TODAY)
    return [str(p) for p in caught.value.problems]


def only_problem(folder, vocabulary) -> str:
    found = problems(folder, vocabulary)
    assert len(found) == 1, found
    return found[0]


def test_a_valid_csv_and_workbook_are_read_with_trede_and_basisniveau_from_the_code(tmp_path, vocabulary):
    write_csv(tmp_path / "ibdo.csv", [row(start_code="v1.ABBBCBA", basisniveau="")])
    write_workbook(tmp_path / "edih.xlsx", [row(partner="edih-noord-nederland", start_code="", start_step="Funderen",
                                                basisniveau="ja", gemeente="assen")])
    by_partner = {r.partner: r for r in read_registrations(tmp_path, vocabulary, TODAY)}
    ibdo, edih = by_partner["ibdo"], by_partner["edih-noord-nederland"]
    assert (ibdo.start_step, ibdo.basisniveau, ibdo.gemeente) == (1, True, "emmen")  # B most chosen; security C
    assert (edih.start_step, edih.basisniveau, edih.gemeente, edih.start_date) == (2, True, "assen", date(2026, 10, 5))


def test_csv_as_dutch_excel_saves_it_without_bom_and_with_iso_dates(tmp_path, vocabulary):
    write_csv(tmp_path / "ibdo.csv", [row(start_date="2026-10-05")], encoding="utf-8")
    assert len(read_registrations(tmp_path, vocabulary, TODAY)) == 1


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_text_that_starts_like_a_formula_is_refused_not_evaluated(tmp_path, vocabulary, start):
    write_csv(tmp_path / "ibdo.csv", [row(gemeente=f"{start}HYPERLINK(\"http://x\")")])
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.csv:rij 2:kolom D (Gemeente):") and "formule" in message


def test_a_real_formula_in_a_workbook_is_refused_at_its_cell(tmp_path, vocabulary):
    path = write_workbook(tmp_path / "ibdo.xlsx", [row()])
    wb = load_workbook(path)
    wb["Registraties"]["M2"] = "=1+1"  # Talent ingezet
    wb.save(path)
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.xlsx:Registraties:rij 2:kolom M (Talent ingezet):") and "formule" in message


def test_macro_workbooks_are_refused(tmp_path, vocabulary):
    write_workbook(tmp_path / "ibdo.xlsm", [row()])
    assert "macro" in only_problem(tmp_path, vocabulary)
    (tmp_path / "ibdo.xlsm").unlink()
    path = write_workbook(tmp_path / "ibdo.xlsx", [row()])
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\x00" * 100)
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.xlsx:") and "macro" in message


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(tmp_path, vocabulary, monkeypatch):
    path = write_workbook(tmp_path / "ibdo.xlsx", [row()])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/empty.bin", b"\x00" * (40 * 1024 * 1024))
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened a zip bomb")
    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert "zipbom" in only_problem(tmp_path, vocabulary)


def test_a_hidden_sheet_with_data_is_refused_and_an_empty_one_is_not(tmp_path, vocabulary):
    path = write_workbook(tmp_path / "ibdo.xlsx", [row()])
    wb = load_workbook(path)
    empty = wb.create_sheet("Leeg")
    empty.sheet_state = "hidden"
    wb.save(path)
    assert len(read_registrations(tmp_path, vocabulary, TODAY)) == 1
    secret = wb.create_sheet("Geheim")
    secret["A1"] = "Bakkerij Jansen, 12345678"
    secret.sheet_state = "veryHidden"
    wb.save(path)
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.xlsx:Geheim:") and "verborgen" in message


def test_merged_cells_in_the_data_are_refused(tmp_path, vocabulary):
    path = write_workbook(tmp_path / "ibdo.xlsx", rows(3))
    wb = load_workbook(path)
    wb["Registraties"].merge_cells("D2:D4")
    wb.save(path)
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.xlsx:Registraties:") and "samengevoegde cellen" in message


@pytest.mark.parametrize("header, said", [
    (HEADERS + ("Naam bedrijf",), "horen er niet bij: Naam bedrijf"),
    (tuple(h for h in HEADERS if h != "Gemeente"), "ontbreken: Gemeente"),
])
def test_extra_or_missing_columns_are_refused(tmp_path, vocabulary, header, said):
    lines = [row() + ("Bakkerij Jansen",)] if len(header) > len(HEADERS) else [row()[:3] + row()[4:]]
    write_csv(tmp_path / "ibdo.csv", lines, header=header)
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.csv:rij 1:") and said in message


def test_a_value_beyond_the_columns_is_refused(tmp_path, vocabulary):
    path = write_workbook(tmp_path / "ibdo.xlsx", [row()])
    wb = load_workbook(path)
    wb["Registraties"]["P2"] = "Bakkerij Jansen"
    wb.save(path)
    assert only_problem(tmp_path, vocabulary).startswith("ibdo.xlsx:Registraties:rij 2:kolom P:")


@pytest.mark.parametrize("changes, column, said", [
    ({"start_date": f"{(TODAY + timedelta(days=3)):%-d-%-m-%Y}"}, "C (Startdatum)", "toekomst"),
    ({"follow_up_date": "1-10-2026", "follow_up_step": "Starten"}, "G (Vervolgdatum)", "vóór de startdatum"),
    ({"follow_up_date": "1-11-2026"}, "I (Vervolgtrede)", "geen vervolgcode of vervolgtrede"),
    ({"start_date": "31-02-2026"}, "C (Startdatum)", "geen datum"),
    ({"partner": "ibdo-nep"}, "A (Partner)", "onbekend"),
    ({"gemeente": "Groningen"}, "D (Gemeente)", "onbekend"),
    ({"instruments": "ibdo-intake, vakantiegeld"}, "J (Instrumenten)", "'vakantiegeld' is onbekend"),
    ({"referred_to": "nergens"}, "K (Doorverwezen naar)", "onbekend"),
    ({"start_code": "v1.CCCCCCX"}, "E (Startcode scan)", "letter van A tot en met F"),
    ({"start_code": "v2.CCCCCCC"}, "E (Startcode scan)", "versie"),
    ({"start_code": "v1.CCCCCCC.nergens"}, "E (Startcode scan)", "onbekend"),
    ({"start_code": "v1.CCCCCCC.assen"}, "E (Startcode scan)", "gemeente 'assen'"),
    ({"start_code": "", "start_step": ""}, "E (Startcode scan)", "starttrede"),
    ({"start_step": "Innoveren"}, "F (Starttrede)", "Volgens de scancode is de trede Funderen"),
    ({"start_code": "v1.CCCCACC", "basisniveau": "ja"}, "L (Basisniveau veiligheid)", "niet aan het basisniveau"),
    ({"talent": "veel"}, "M (Talent ingezet)", "heel getal"),
    ({"talent_kept": "ja"}, "N (Talent in Drenthe gebleven)", "geen talent"),
    ({"basisniveau": "misschien"}, "L (Basisniveau veiligheid)", "ja, nee of onbekend"),
])
def test_a_bad_cell_is_refused_at_its_column_with_what_to_write(tmp_path, vocabulary, changes, column, said):
    write_csv(tmp_path / "ibdo.csv", [row(**changes)])
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith(f"ibdo.csv:rij 2:kolom {column}:"), message
    assert said in message, message


@pytest.mark.parametrize("reference, said", [
    ("12345678", "KvK-nummer"), ("1234 5678", "KvK-nummer"), ("123456789", "BSN"),
    ("info@bakkerij.nl", "e-mailadres"), ("06-12345678", "telefoonnummer"), ("+31 6 12345678", "telefoonnummer"),
    ("0031612345678", "telefoonnummer"), ("0521-123456", "telefoonnummer"),
    ("9401 AB 5", "postcode"), ("9401AB-12", "postcode"), ("Bakkerij Jansen", "zonder spaties"),
])
def test_a_reference_that_could_name_a_firm_is_refused(tmp_path, vocabulary, reference, said):
    write_csv(tmp_path / "ibdo.csv", [row(reference=reference)])
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.csv:rij 2:kolom B (Referentie):") and said in message, message


def test_the_same_reference_twice_for_one_partner_is_refused_across_files_but_not_across_partners(tmp_path, vocabulary):
    write_csv(tmp_path / "a.csv", [row(reference="R-1"), row(reference="R-2", partner="it-hub-drenthe")])
    write_csv(tmp_path / "b.csv", [row(reference="r-1")])
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("b.csv:rij 2:kolom B (Referentie):") and "a.csv:rij 2" in message


def test_a_file_over_50_mb_is_refused_before_reading(tmp_path, vocabulary):
    with (tmp_path / "ibdo.csv").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024 + 1)  # sparse: no disk used, and never read
    assert "50 MB" in only_problem(tmp_path, vocabulary)


def test_windows_1252_csv_is_refused_with_how_to_save_as_utf8(tmp_path, vocabulary):
    write_csv(tmp_path / "ibdo.csv", rows(2) + [row(reference="X-1", start_step="Oriënteren", start_code="")],
              encoding="cp1252")
    message = only_problem(tmp_path, vocabulary)
    assert message.startswith("ibdo.csv:rij 4:") and "CSV UTF-8" in message


def test_other_files_are_named_not_skipped(tmp_path, vocabulary):
    write_csv(tmp_path / "ibdo.csv", [row()])
    (tmp_path / "oud.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert only_problem(tmp_path, vocabulary).startswith("oud.xls: Dit soort bestand")


def test_an_open_workbooks_lock_file_is_named_as_such(tmp_path, vocabulary):
    write_csv(tmp_path / "ibdo.csv", [row()])
    (tmp_path / "~$ibdo.xlsx").write_bytes(b"\x00" * 165)
    assert "staat nog open" in only_problem(tmp_path, vocabulary)


def test_every_problem_of_every_file_is_reported_at_once(tmp_path, vocabulary):
    write_csv(tmp_path / "a.csv", [row(reference="R-1", gemeente="X"), row(reference="R-2", start_date="1-1-2027")])
    write_workbook(tmp_path / "b.xlsx", [row(partner="?")])
    assert len(problems(tmp_path, vocabulary)) == 3
