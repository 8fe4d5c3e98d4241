"""`build.py apply-issue`: an issue made with the form "Gegevens wijzigen of toevoegen" becomes an
edit of data/*.yaml, or a Dutch answer that says what to fix. Offline: issue bodies are written here
the way GitHub writes a filled-in form ("### label", blank line, answer)."""
from __future__ import annotations

from datetime import timedelta

import re

import pytest
import yaml

from repo_paths import DATA, ROOT, TODAY

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "gegevens-wijzigen.yml"
EXISTING = "Nee, ik wijzig een bestaand gegeven"


def issue_body(gegeven="", nieuw=EXISTING, wijzigingen="", bron="https://www.voorbeeld.nl/pagina",
               titel="Een pagina", toelichting="") -> str:
    """The body GitHub writes for the form, built from the form's own labels."""
    from sitegen.data.issue_form import form_labels
    labels = form_labels(FORM)
    answers = {"gegeven": gegeven, "nieuw": nieuw, "wijzigingen": wijzigingen, "bron": bron,
               "bron-titel": titel, "toelichting": toelichting,
               "controle": "- [X] Alles wat ik hierboven schrijf, staat in de bron. Ik heb niets verzonnen."}
    parts = [f"### {labels[fid]}\n\n{answers[fid] or '_No response_'}\n" for fid in labels]
    return "\r\n".join("\n".join(parts).split("\n"))  # GitHub sends CRLF line ends


def apply(data_dir, body: str, tmp_path, capsys, today=TODAY) -> tuple[int, str]:
    from build import main
    (tmp_path / "issue.md").write_text(body, encoding="utf-8")
    report = tmp_path / "verslag.md"
    code = main(["--data", str(data_dir), "--date", today.isoformat(), "apply-issue",
                 "--body", str(tmp_path / "issue.md"), "--report", str(report)])
    capsys.readouterr()
    return code, report.read_text(encoding="utf-8")


def changed_lines(data_dir, name: str) -> tuple[list[str], list[str]]:
    import difflib
    before = (DATA / name).read_text(encoding="utf-8").splitlines()
    after = (data_dir / name).read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(before, after, lineterm="", n=0))[2:]
    return ([l[1:] for l in diff if l.startswith("-")], [l[1:] for l in diff if l.startswith("+")])


def unchanged(data_dir) -> bool:
    return all((data_dir / f.name).read_bytes() == f.read_bytes() for f in DATA.glob("*.yaml"))


def test_a_valid_change_edits_only_that_line_and_adds_the_source(data_copy, tmp_path, capsys):
    body = issue_body(gegeven="https://drenthe.example.org/partners/ibdo/",
                      wijzigingen="website: https://www.ikbendrentsondernemer.nl/",
                      bron="https://www.ikbendrentsondernemer.nl/over-ons", titel="Over IBDO: wie we zijn")
    from sitegen.data.dataset import load_dataset
    reviewed = load_dataset(DATA, TODAY).partners_by_id["ibdo"].last_reviewed
    later = TODAY + timedelta(days=1)  # a day after the last review, so a bump would show
    code, report = apply(data_copy, body, tmp_path, capsys, today=later)
    assert code == 0, report
    assert "Je wijziging is verwerkt" in report and "`website`" in report
    removed, added = changed_lines(data_copy, "partners.yaml")
    assert removed == ["    website: https://ikbendrentsondernemer.nl"]
    assert added == ["    website: https://www.ikbendrentsondernemer.nl/",
                     "      - url: https://www.ikbendrentsondernemer.nl/over-ons",
                     '        title: "Over IBDO: wie we zijn"',
                     f"        accessed: {later.isoformat()}"]
    ibdo = load_dataset(data_copy, later).partners_by_id["ibdo"]
    assert ibdo.website == "https://www.ikbendrentsondernemer.nl/"
    assert ibdo.last_reviewed == reviewed  # one field checked is not the whole entry


def test_the_edit_keeps_every_comment_and_the_order_of_the_file(data_copy, tmp_path, capsys):
    body = issue_body(gegeven="instrumenten/ibdo-intake", wijzigingen="status: gesloten")
    assert apply(data_copy, body, tmp_path, capsys)[0] == 0
    before = (DATA / "instruments.yaml").read_text(encoding="utf-8")
    after = (data_copy / "instruments.yaml").read_text(encoding="utf-8")
    comments = lambda text: [l for l in text.splitlines() if l.lstrip().startswith("#")]
    ids = lambda text: re.findall(r"^  - id: (\S+)", text, re.M)
    assert comments(after) == comments(before) and len(comments(before)) > 3
    assert ids(after) == ids(before)
    assert '{partner: provincie-drenthe, role: financier}' in after  # flow style and quotes as the editor wrote them


@pytest.mark.parametrize("name", ["partners.yaml", "instruments.yaml", "regions.yaml", "ladder.yaml"])
def test_reading_and_writing_a_data_file_changes_no_byte(name):
    from sitegen.data.data_edits import dump, round_trip_yaml
    y = round_trip_yaml()
    text = (DATA / name).read_text(encoding="utf-8")
    assert dump(y, y.load(text)) == text


def test_two_changes_in_one_issue(data_copy, tmp_path, capsys):
    body = issue_body(gegeven="instrumenten/adviesvoucher-mkb-drenthe",
                      wijzigingen="status: gesloten\nopen_until: 2025-04-30\n")
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 0, report
    removed, added = changed_lines(data_copy, "instruments.yaml")
    assert any(l.strip() == "status: gesloten" for l in added)
    assert any(l.strip() == "open_until: 2025-04-30" for l in added)
    fields = [row.split("|")[1].strip() for row in report.splitlines() if row.startswith("| `")]
    assert fields[:2] == ["`status`", "`open_until`"]  # the table of the change, in the issue's order


def test_an_unknown_id_is_refused_with_a_suggestion(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, issue_body(gegeven="instrumenten/ibdo-intak", wijzigingen="status: open"),
                         tmp_path, capsys)
    assert code == 1
    assert "nog niet verwerkt" in report and "geen instrument met de id 'ibdo-intak'" in report
    assert "Bedoel je 'ibdo-intake'?" in report
    assert "*Edit*" in report  # says what to do next
    assert unchanged(data_copy)


@pytest.mark.parametrize("wijzigingen, bron, expected", [
    ("website: http://www.ikbendrentsondernemer.nl", "https://www.voorbeeld.nl/", "moet beginnen met https://"),
    ("website: javascript:alert(1)", "https://www.voorbeeld.nl/", "moet beginnen met https://"),
    ("name: IBDO", "http://www.voorbeeld.nl/", "moet beginnen met https://"),
    ("name: IBDO", "www.voorbeeld.nl", "moet beginnen met https://"),
])
def test_a_bad_address_is_refused(data_copy, tmp_path, capsys, wijzigingen, bron, expected):
    code, report = apply(data_copy, issue_body(gegeven="partners/ibdo", wijzigingen=wijzigingen, bron=bron),
                         tmp_path, capsys)
    assert code == 1 and expected in report
    assert unchanged(data_copy)


@pytest.mark.parametrize("text", ['<img src=x onerror="alert(1)">', "Kijk <script>alert(1)</script>"])
def test_html_in_a_text_is_refused(data_copy, tmp_path, capsys, text):
    code, report = apply(data_copy, issue_body(gegeven="partners/ibdo", wijzigingen=f"description: {text}"),
                         tmp_path, capsys)
    assert code == 1 and "< en > mogen niet" in report
    assert "<img" not in report and "<script" not in report  # the answer does not carry it on
    assert unchanged(data_copy)


def test_an_unknown_field_is_refused_with_the_fields_there_are(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, issue_body(gegeven="partners/ibdo", wijzigingen="webiste: https://x.nl/"),
                         tmp_path, capsys)
    assert code == 1 and "onbekend veld 'webiste'" in report and "website" in report
    assert unchanged(data_copy)


NEW_INSTRUMENT = """name: Digitale werkplaats Voorbeeld
partner: ibdo
activity_type: workshops-en-kennisevents
description: In drie avonden leer je hoe je met data
  je bedrijf beter stuurt. Je werkt aan je eigen cijfers.
steps: orienteren, starten
themes: data
target_group: Mkb-ondernemers in Drenthe
regions: drenthe
status: open
"""


def test_a_new_entry_is_added_at_the_end_and_passes_the_check(data_copy, tmp_path, capsys):
    body = issue_body(nieuw="Ja, een nieuw instrument", wijzigingen=NEW_INSTRUMENT)
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 0, report
    assert "nieuwe instrument `digitale-werkplaats-voorbeeld`" in report
    text = (data_copy / "instruments.yaml").read_text(encoding="utf-8")
    before = (DATA / "instruments.yaml").read_text(encoding="utf-8")
    assert text.startswith(before)  # nothing above it moved
    assert text[len(before):] == f"""
  - id: digitale-werkplaats-voorbeeld
    name: Digitale werkplaats Voorbeeld
    partner: ibdo
    activity_type: workshops-en-kennisevents
    description: >-
      In drie avonden leer je hoe je met data je bedrijf beter stuurt. Je werkt aan je eigen
      cijfers.
    steps: [orienteren, starten]
    themes: [data]
    target_group: Mkb-ondernemers in Drenthe
    regions: [drenthe]
    status: open
    sources:
      - url: https://www.voorbeeld.nl/pagina
        title: "Een pagina"
        accessed: {TODAY.isoformat()}
    last_reviewed: {TODAY.isoformat()}
"""
    from sitegen.data.dataset import load_dataset
    new = load_dataset(data_copy, TODAY).instruments_by_id["digitale-werkplaats-voorbeeld"]
    assert new.description == "In drie avonden leer je hoe je met data je bedrijf beter stuurt. Je werkt aan je eigen cijfers."


def test_a_new_entry_without_a_required_field_says_which_line_to_add(data_copy, tmp_path, capsys):
    body = issue_body(nieuw="Ja, een nieuwe partner", wijzigingen="name: Voorbeeld BV\nregions: drenthe")
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 1
    assert "het veld 'kind' is verplicht voor een nieuwe partner; voeg een regel 'kind: …' toe" in report
    assert unchanged(data_copy)


def test_a_new_entry_that_breaks_the_whole_check_leaves_data_as_it_was(data_copy, tmp_path, capsys):
    body = issue_body(nieuw="Ja, een nieuw instrument",
                      wijzigingen=NEW_INSTRUMENT.replace("partner: ibdo", "partner: bestaat-niet"))
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 1
    assert "controle van alle gegevens" in report and "bestaat-niet" in report
    assert unchanged(data_copy)


def test_a_heading_typed_into_an_answer_cannot_pose_as_a_question(data_copy, tmp_path, capsys):
    sneaky = "status: open\n\n### Bron: webadres\n\nhttps://elders.example/"
    code, report = apply(data_copy, issue_body(gegeven="instrumenten/ibdo-intake", wijzigingen=sneaky),
                         tmp_path, capsys)
    assert code == 1 and "twee keer" in report
    assert unchanged(data_copy)


def test_an_issue_not_made_with_the_form_is_refused(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, "Hoi, de website van IBDO klopt niet.", tmp_path, capsys)
    assert code == 1 and "niet met het formulier" in report


def test_the_answer_cannot_mention_link_or_show_an_image(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, issue_body(gegeven="@redactie ![x](https://elders.example/p.gif)",
                                               wijzigingen="status: open"), tmp_path, capsys)
    assert code == 1
    block = re.search(r"^~~~text\n(.*?)^~~~$", report, re.M | re.S)  # GitHub links nothing in a code block
    assert block and "@redactie" in block[1] and "![x]" in block[1]
    outside = report.replace(block[0], "")
    assert "@" not in outside and "![" not in outside


def test_the_form_lists_exactly_the_fields_the_models_let_it_change():
    from sitegen.data.data_edits import editable_fields
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    text = next(i for i in form["body"] if i.get("id") == "wijzigingen")["attributes"]["description"]
    for kind, label in (("partners", "Velden van een partner:"), ("instruments", "Velden van een instrument:")):
        line = next(l for l in text.splitlines() if l.startswith(label))
        assert re.findall(r"`([a-z_]+)`", line) == editable_fields(kind), kind
    options = next(i for i in form["body"] if i.get("id") == "nieuw")["attributes"]["options"]
    from sitegen.data.issue_form import NEW_CHOICES
    assert options[0] == EXISTING and set(options[1:]) == set(NEW_CHOICES)


def test_the_button_on_a_page_fills_in_the_form_field_the_command_reads():
    from urllib.parse import parse_qs, urlsplit
    from sitegen.data.issue_form import page_entry
    from sitegen.data.settings import SiteSettings
    url = SiteSettings(repository_url="https://example.org/p/r").form_url("instrumenten/ibdo-intake/")
    query = parse_qs(urlsplit(url).query)
    assert query["template"] == [FORM.name]
    inputs = {i["id"] for i in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"] if i["type"] == "input"}
    (field, [value]), = [(k, v) for k, v in query.items() if k != "template"]
    assert field in inputs
    assert page_entry(value) == ("instruments", "ibdo-intake")
