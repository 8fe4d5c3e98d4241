"""Partners confirm their own entries (issue 23): `build.py review-requests` writes one Dutch text
per partner with their entries, what we do not know, and a prefilled change form per entry."""
from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import yaml

from repo_paths import ROOT, TODAY
from sitegen.data.settings import SiteSettings
from sitegen.exports.review_requests import request_text

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "gegevens-wijzigen.yml"
REPO = "https://github.com/voorbeeld/drenthe-digitaal"


def _links(text: str) -> list[str]:
    return [line.split("](", 1)[1].rstrip(")") for line in text.splitlines() if "](" in line]


def test_every_entry_naming_the_partner_is_in_its_text_with_what_is_unknown(dataset):
    ibdo = dataset.partners_by_id["ibdo"]
    text = request_text(dataset, ibdo, SiteSettings(), TODAY)
    naming = [i for i in dataset.instruments
              if i.partner == "ibdo" or any(o.partner == "ibdo" for o in i.other_partners)]
    assert naming and f"genoemd worden ({len(naming)})" in text
    for i in naming:
        section = text.split(f"### {i.name}\n", 1)[1].split("### ", 1)[0]
        assert ("status onbekend" in section) == (i.status == "onbekend"), i.id
        assert ("wat het de ondernemer kost" in section) == (i.cost == "onbekend"), i.id
        assert ("geen sluitingsdatum" in section) == (i.open_until is None and i.status != "gesloten"), i.id
    other = next(i for i in naming if i.partner != "ibdo")
    assert "Jullie rol: " + next(o.role for o in other.other_partners if o.partner == "ibdo") in \
        text.split(f"### {other.name}\n", 1)[1]


def test_without_a_repository_url_the_text_says_the_link_is_not_decided_yet(dataset):
    text = request_text(dataset, dataset.partners_by_id["it-hub-drenthe"], SiteSettings(), TODAY)
    assert "nog niet vastgesteld" in text
    assert "issues/new" not in text and "](" not in text
    assert "We vonden geen openbaar e-mailadres, telefoonnummer of contactpagina" in text


def test_each_link_opens_the_change_form_with_the_entry_filled_in(dataset):
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = {item["id"] for item in form["body"] if "id" in item}
    partner = dataset.partners_by_id["it-hub-drenthe"]
    text = request_text(dataset, partner, SiteSettings(repository_url=REPO), TODAY)
    links = _links(text)
    entries = dataset.instruments_of(partner.id)
    assert len(links) == 1 + len(entries)
    for url in links:
        assert url.startswith(f"{REPO}/issues/new?") and " " not in url and "\n" not in url
        query = parse_qs(urlsplit(url).query)
        assert query.pop("template") == [FORM.name]
        assert query.pop("title")[0].startswith("Gegevens wijzigen: ")
        assert set(query) <= ids, set(query) - ids
    first = parse_qs(urlsplit(links[0]).query)
    assert first["gegeven"] == [f"partners/{partner.id}"] and "toelichting" in first  # the contact route to fill in
    for i, url in zip(entries, links[1:]):
        query = parse_qs(urlsplit(url).query)
        assert query["gegeven"] == [f"instrumenten/{i.id}"]
        assert query["title"] == [f"Gegevens wijzigen: {i.name}"]
        expected = [f for f, unknown in (("status", i.status == "onbekend"), ("cost", i.cost == "onbekend"),
                                          ("open_until", i.open_until is None and i.status != "gesloten")) if unknown]
        filled = query.get("wijzigingen", [""])[0].splitlines()
        assert filled == [f"{f}: " for f in expected], (i.id, filled)


def test_a_hostile_name_stays_text(dataset):
    partner = dataset.partners_by_id["snn"].model_copy(update={"name": "SNN [klik](javascript:alert(1)) <b>x</b>"})
    text = request_text(dataset, partner, SiteSettings(repository_url=REPO), TODAY)
    assert "](javascript" not in text and "<b>" not in text
    assert all(url.startswith(REPO) for url in _links(text))


def test_the_command_writes_one_text_per_partner_or_nothing(tmp_path, data_copy, dataset):
    out = tmp_path / "teksten"
    run = [sys.executable, "build.py", "--date", TODAY.isoformat()]
    result = subprocess.run(run + ["review-requests", "--out", str(out)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.stem for p in out.glob("*.md")) == sorted(p.id for p in dataset.partners)
    assert "nog geen link naar het formulier" in result.stderr
    # broken data: the Dutch check message, and the earlier texts stay as they were
    (data_copy / "partners.yaml").write_text("partners: [\n", encoding="utf-8")
    before = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.md")}
    broken = subprocess.run(run[:2] + ["--data", str(data_copy)] + run[2:] + ["review-requests", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert broken.returncode == 1 and "partners.yaml" in broken.stderr and "Traceback" not in broken.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.md")} == before
