"""Issue 14, "Stored script": each finding of the attack on the built site, as a test.

Two sides per finding: `build.py check` refuses the text with file:line (an editor sees it in the
pull request), and even text that got past the check (validation bypassed) never becomes script,
a foreign scheme or a file from another host in the built HTML.
"""
from __future__ import annotations

import copy
import json
import re
import shutil

import pytest

from repo_paths import ROOT, SEEDS, TODAY
from sitegen.build_site import write_all_pages
from sitegen.engine.mkdocs_build import build_html
from sitegen.data.dataset import load_dataset
from sitegen.errors import DataErrors
from sitegen.data.settings import SiteSettings

ATTR_LIST_LINK = "[voor Drentse](https://www.drenthe.nl/){onmouseover=alert(document.domain)}"
NEWLINE_SCHEME = "[klik hier](java\nscript:alert(1))"
FOREIGN_IMAGE = "![x](https://elders.example/p.gif)"
ATTR_LIST_CELL = "Breng je situatie in kaart {onclick=alert(1)}"  # a table cell takes it after a space


def _set_first(data_dir, file: str, key: str, value: str) -> int:
    """Replace the first `key:` value (which may be a folded block) in file; returns its line."""
    path = data_dir / file
    lines = path.read_text(encoding="utf-8").split("\n")
    for n, line in enumerate(lines):
        match = re.match(rf"^(\s*)(- )?{key}:", line)
        if match:
            indent = len(match.group(1)) + len(match.group(2) or "")
            end = n + 1
            while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
                end += 1
            lines[n:end] = [line[: match.end()] + " " + json.dumps(value, ensure_ascii=False)]
            path.write_text("\n".join(lines), encoding="utf-8")
            return n + 1
    raise AssertionError(f"{key} not in {file}")


@pytest.mark.parametrize("file,key,payload", [
    ("partners.yaml", "description", ATTR_LIST_LINK),
    ("instruments.yaml", "description", NEWLINE_SCHEME),
    ("partners.yaml", "description", FOREIGN_IMAGE),
], ids=["attribute-list-on-a-link", "scheme-broken-by-a-newline", "image-from-another-host"])
def test_check_refuses_the_finding_at_its_line(data_copy, file, key, payload):
    line = _set_first(data_copy, file, key, payload)
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_copy, TODAY, SEEDS)
    where = [e for e in caught.value.errors if e.file == f"data/{file}" and e.line == line]
    assert where, f"check accepted {payload!r} (data/{file}:{line}); errors: {caught.value}"
    assert any("schrijf" in e.message.lower() or "gebruik" in e.message.lower() for e in where), where


def _with_payloads(dataset):
    """The real dataset with the findings' texts put in after validation (as if check missed them)."""
    d = copy.copy(dataset)
    partner = dataset.partners_by_id["ibdo"]
    d.partners = [p.model_copy(update={"description": ATTR_LIST_LINK + "\n\n" + FOREIGN_IMAGE})
                  if p.id == "ibdo" else p for p in dataset.partners]
    first = dataset.instruments[0]
    d.instruments = [first.model_copy(update={"description": NEWLINE_SCHEME})] + dataset.instruments[1:]
    ladder = dataset.ladder
    steps = list(ladder.steps)
    steps[0] = steps[0].model_copy(update={"action": ATTR_LIST_CELL,
                                           "name": "Oriënteren { onclick=alert(2) }"})
    source = ladder.sources[0].model_copy(update={"document": None, "lines": None, "url": "https://example.org/",
                                                  "title": "[Bron](javascript:alert(3))"})
    d.ladder = ladder.model_copy(update={"steps": steps, "sources": [source] + list(ladder.sources[1:])})
    d.__post_init__()
    return d, partner, first


@pytest.fixture(scope="module")
def attacked_site(dataset, tmp_path_factory):
    d, partner, instrument = _with_payloads(dataset)
    tmp = tmp_path_factory.mktemp("attacked")
    docs, site = tmp / "docs", tmp / "site"
    shutil.copytree(ROOT / "content", docs)
    write_all_pages(d, docs, TODAY, SiteSettings())
    build_html(ROOT / "mkdocs.yml", docs, site)
    return site, partner, instrument


HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.S)


def test_attribute_list_on_a_description_link_adds_no_handler(attacked_site):
    site, partner, _ = attacked_site
    html = (site / "partners" / partner.id / "index.html").read_text(encoding="utf-8")
    assert not HANDLER.search(html), HANDLER.search(html).group(0)


def test_scheme_broken_by_a_newline_is_no_link(attacked_site):
    site, _, instrument = attacked_site
    html = (site / "instrumenten" / instrument.id / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'href="\s*java', html, re.I)


def test_attribute_list_after_a_step_action_adds_no_handler_to_the_ladder(attacked_site):
    site, _, _ = attacked_site
    for page in ("ladder/index.html", "ladder/orienteren/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert not HANDLER.search(html), (page, HANDLER.search(html).group(0))


def test_source_title_and_step_name_are_plain_text(attacked_site):
    site, _, _ = attacked_site
    for page in ("ladder/index.html", "ladder/orienteren/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert not re.search(r'href="javascript', html, re.I), page


def test_no_image_from_another_host(attacked_site):
    site, partner, _ = attacked_site
    html = (site / "partners" / partner.id / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<img\b[^>]*elders\.example", html) and not re.search(r'src="[^"]*elders', html)
