"""CONTRIBUTING.md stays true: every field, value and message it names is the real one, and its
example entry passes the check when an editor pastes it in, as the guide says."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from repo_paths import ROOT, TODAY
from sitegen.data.models import Instrument, Partner, Source
from sitegen.data.vocabulary import ACTIVITY_TYPES, KNELPUNTEN, PARTNER_KINDS, ROLES, STATUSES, STEP_SLUGS

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    return GUIDE.split(title, 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]


def table_rows(text: str) -> dict[str, list[str]]:
    """First-column code -> the other cells, for rows like | `field` | ja | … |."""
    rows = {}
    for line in text.splitlines():
        m = re.match(r"\|\s*`([^`]+)`\s*\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    return rows


def code_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", GUIDE, re.S)


@pytest.mark.parametrize("model, heading", [(Partner, "### Partner"), (Instrument, "### Instrument"),
                                            (Source, "### Bronnen")])
def test_every_field_is_explained_and_marked_required_correctly(model, heading):
    rows = table_rows(section(heading))
    assert set(rows) == set(model.model_fields), set(model.model_fields) ^ set(rows)
    if model is not Source:
        for name, info in model.model_fields.items():
            assert rows[name][0] == ("ja" if info.is_required() else "nee"), name


@pytest.mark.parametrize("field, values", [
    ("kind", PARTNER_KINDS), ("activity_type", ACTIVITY_TYPES), ("knelpunten", KNELPUNTEN),
    ("steps", STEP_SLUGS), ("role", ROLES)])
def test_every_allowed_value_is_listed(field, values):
    rows = {**table_rows(section("### Partner")), **table_rows(section("### Instrument"))}
    listed = set(re.findall(r"`([^`]+)`", rows[field][1]))
    assert set(values) <= listed, set(values) - listed


def test_status_themes_and_regions_match_the_data(dataset):
    status = table_rows(section("### Instrument"))["status"][1]
    assert all(f"`{s}`" in status for s in STATUSES)
    themes = table_rows(section("### Instrument"))["themes"][1]
    assert {t.slug for t in dataset.ladder.themes} <= set(re.findall(r"`([^`]+)`", themes))
    regions = set(re.findall(r"`([^`]+)`", section("### Gemeenten en regio's")))
    assert {g.slug for g in dataset.regions.gemeenten} | {r.slug for r in dataset.regions.regions} <= regions


def test_every_message_in_the_fix_table_is_one_the_check_really_prints():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "sitegen").rglob("*.py"))
    fix_table = section("## Wat zegt de controle?").split("| Melding (begin)", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in fix_table.splitlines() if line.startswith("| `")]
    assert len(rows) >= 10
    for row in rows:
        first_cell = row.split("|")[1]
        for message in re.findall(r"`([^`]+)`", first_cell):
            for piece in filter(None, (p.strip(" (") for p in message.split("…"))):
                assert piece in source, f"'{piece}' (uit CONTRIBUTING.md) staat niet in sitegen/"


def check(data_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "build.py", "--data", str(data_dir), "--date", TODAY.isoformat(), "check"],
                          cwd=ROOT, capture_output=True, text=True)


def test_a_newcomer_pastes_the_example_with_a_new_id_and_the_check_passes(data_copy):
    example = next(b for b in code_blocks("yaml") if "- id: adviesvoucher-mkb-drenthe" in b)
    entry = example.replace("adviesvoucher-mkb-drenthe", "adviesvoucher-mkb-drenthe-kopie")
    path = data_copy / "instruments.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    result = check(data_copy)
    assert result.returncode == 0, result.stderr


def test_the_example_in_the_guide_is_what_the_check_says_for_those_mistakes(data_copy):
    path = data_copy / "instruments.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: adviesvoucher-mkb-drenthe")
    end = text.find("\n  - id:", start)
    entry = text[start:end]
    broken = entry.replace("status: open", "status: Open", 1)
    broken = re.sub(r"(\n\s+)last_reviewed: \d{4}-\d\d-\d\d\s*$", r"\1last_reviewed: 22-11-2026", broken)
    path.write_text(text[:start] + broken + text[end:], encoding="utf-8")
    err = check(data_copy).stderr
    assert "[adviesvoucher-mkb-drenthe] 'Open' is geen geldige waarde voor 'status'; kies uit:" in err
    assert "[adviesvoucher-mkb-drenthe] '22-11-2026' in 'last_reviewed' is geen geldige datum; schrijf JJJJ-MM-DD" in err
    assert "De gegevens kloppen nog niet: 2 problemen gevonden" in err


def test_the_yaml_lesson_is_valid_yaml():
    lesson = code_blocks("yaml")[0]
    entry = yaml.safe_load(lesson)["instruments"][0]
    assert entry["steps"] == ["orienteren", "starten"] and entry["target_group"].startswith("Mkb:")


YAML_MISTAKES = {  # what an editor typed -> the Dutch words the check then says
    "description: een tekst: met dubbele punt": "er staat een dubbele punt (:) waar dat niet kan",
    "name: b\n     kind: hub": "er staat een dubbele punt (:) waar dat niet kan",
    "name: b\n- id: c": "de inspringing klopt niet",
    "name: b\n\tkind: hub": "er staat een tab",
    'name: "b': "er mist een aanhalingsteken aan het eind van een tekst",
    "regions: [drenthe": "een lijst tussen [ en ] of een blok tussen { en } is niet goed afgesloten",
}


@pytest.mark.parametrize("typed, phrase", YAML_MISTAKES.items())
def test_the_yaml_phrases_in_the_guide_are_what_the_check_says(tmp_path, typed, phrase):
    from sitegen.data.yaml_source import read_yaml
    assert f"`{phrase}" in section("## Wat zegt de controle?")
    path = tmp_path / "partners.yaml"
    path.write_text(f"partners:\n  - id: a\n    {typed}\n", encoding="utf-8")
    doc, errors = read_yaml(path, "data/partners.yaml")
    assert doc is None and phrase in errors[0].message


def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_inside_the_guide_go_to_real_headings():
    anchors = {github_anchor(h) for h in re.findall(r"^#+ (.+)$", GUIDE, re.M)}
    for target in re.findall(r"\]\(#([^)]+)\)", GUIDE):
        assert target in anchors, target


def test_files_and_commands_the_guide_names_exist():
    for rel in re.findall(r"`(data/[a-z]+\.yaml)`", GUIDE):
        assert (ROOT / rel).is_file(), rel
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    assert {"check", "serve"} <= targets
    assert "Verouderde gegevens: nakijken tegen de bron" in (ROOT / ".github/workflows/stale.yml").read_text(encoding="utf-8")
    assert "name: site-voorbeeld" in (ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8")


def test_pull_request_template_asks_for_source_and_review_date():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.M)
    assert any("bron" in b and "sources" in b for b in boxes)
    assert any("last_reviewed" in b for b in boxes)
    assert len(boxes) <= 6  # short
