"""Hostile files in a pull request: YAML anchors and aliases, symlinks, names without Latin letters.

Each is either refused by `build.py check` with file:line and a Dutch message, or builds.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from repo_paths import ROOT, SEEDS, TODAY
from sitegen.build_site import BuildPaths, check, write_all_pages
from sitegen.data.dataset import load_dataset
from sitegen.data.settings import SiteSettings
from sitegen.data.yaml_source import read_yaml
from sitegen.engine.mkdocs_build import build_html
from sitegen.errors import DataErrors
from test_data_errors import PARTNER, append_entry, assert_error, errors_for, line_of


def alias_bomb(levels: int) -> str:
    """Ten values per level, each level ten aliases of the one below: 10**levels strings once expanded."""
    lines = ['l0: &l0 ["boem", "boem", "boem", "boem", "boem", "boem", "boem", "boem", "boem", "boem"]']
    for n in range(1, levels + 1):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_before_it_grows(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_text(alias_bomb(10), encoding="utf-8")  # 10**10 strings if expanded; ~700 bytes here
    tracemalloc.start()
    doc, errors = read_yaml(path, "data/bom.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert doc is None
    assert str(errors[0]).startswith("data/bom.yaml:1:"), errors[0]
    assert "anker (&l0)" in errors[0].message
    assert any(e.line == 2 and "*l0" in e.message for e in errors), errors
    assert peak < 5_000_000, f"reading the bomb took {peak} bytes"


def test_a_self_referencing_alias_gives_a_message_not_a_traceback(tmp_path):
    path = tmp_path / "lus.yaml"
    path.write_text("a: 1\nx: &a [*a]\n", encoding="utf-8")
    doc, errors = read_yaml(path, "data/lus.yaml")
    assert doc is None
    assert [str(e).split(" ")[0] for e in errors] == ["data/lus.yaml:2:4:", "data/lus.yaml:2:8:"]


def test_an_anchor_and_alias_in_an_entry_are_refused_with_their_lines(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER,
                               replace={"regions: [drenthe]": "regions: &overal [drenthe]"},
                               extra_lines=["former_names: *overal"])
    errors = errors_for(data_copy)
    assert_error(errors, "partners.yaml", line_of(path, "&overal", first), "anker (&overal)", "schrijf")
    assert_error(errors, "partners.yaml", line_of(path, "*overal", first), "verwijzing (*overal)")


def test_ampersands_and_asterisks_in_text_are_fine(tmp_path):
    path = tmp_path / "tekst.yaml"
    path.write_text('a: "Data & sturing"\nb: R&D en **vet** en *schuin*\nc: "*geen* alias"\n', encoding="utf-8")
    doc, errors = read_yaml(path)
    assert errors == [] and doc.data["b"] == "R&D en **vet** en *schuin*"


def test_a_symlink_in_data_is_refused_and_never_read(data_copy, tmp_path):
    secret = tmp_path / "geheim.yaml"
    secret.write_text((data_copy / "regions.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (data_copy / "regions.yaml").unlink()
    os.symlink(secret, data_copy / "regions.yaml")
    os.symlink(ROOT / ".git", data_copy / "extra")
    errors = errors_for(data_copy)
    assert_error(errors, "regions.yaml", 1, "snelkoppeling (symlink)")
    assert any(e.startswith("data/extra:1:") and "symlink" in e for e in errors), errors


def test_a_symlink_in_content_is_refused_by_check(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    os.symlink(ROOT / ".git" / "config", content / "config.md")
    with pytest.raises(DataErrors) as caught:
        check(BuildPaths(content_dir=content, seeds_dir=SEEDS), TODAY)
    assert [str(e) for e in caught.value.errors] == [
        "content/config.md:1:1: dit is een snelkoppeling (symlink) naar een ander bestand of een andere map. "
        "Dat kan hier niet: zet het bestand zelf hier neer, of haal de snelkoppeling weg"]


def test_check_command_refuses_the_symlink_in_dutch(data_copy):
    os.symlink(ROOT / ".git" / "config", data_copy / "config.yaml")
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/config.yaml:1:1:" in result.stderr and "symlink" in result.stderr
    assert "Traceback" not in result.stderr


def test_names_without_latin_letters_build_with_the_id_as_anchor(data_copy, tmp_path):
    append_entry(data_copy, "partners.yaml", PARTNER, replace={"name: Testpartner": 'name: "★★★"'})
    append_entry(data_copy, "partners.yaml", PARTNER.replace("testpartner", "cyrillisch"),
                 replace={"name: Testpartner": "name: Цифровой центр"})
    dataset = load_dataset(data_copy, TODAY, SEEDS)  # check accepts both names
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(ROOT / "content", docs)
    write_all_pages(dataset, docs, TODAY, SiteSettings())
    build_html(ROOT / "mkdocs.yml", docs, site)
    stars = (site / "partners" / "testpartner" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="testpartner">★★★</h1>' in stars
    assert 'href="#testpartner"' in stars  # the skip link finds the heading
    assert '<h1 id="cyrillisch">Цифровой центр</h1>' in (site / "partners" / "cyrillisch" / "index.html").read_text(encoding="utf-8")
