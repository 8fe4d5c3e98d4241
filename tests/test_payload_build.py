"""One dataset, one build: every attack text in every kind of text field of every data file at once
(issue 14). Each placed text is either refused by `check` at its own file:line, or the built site
has no event-handler attribute, no href outside the allowlist and no src on another host."""
from __future__ import annotations

import copy
import shutil
import re
from html.parser import HTMLParser

import pytest
import yaml

from payloads import PAYLOADS
from repo_paths import DATA, SEEDS, TODAY
from sitegen.build_site import BuildPaths, build
from sitegen.data.dataset import DATA_FILES, load_dataset
from sitegen.data.editor_text import link_problem
from sitegen.errors import DataErrors
from sitegen.data.yaml_source import read_yaml

# Keys that hold an editor's text (ids, slugs, dates, vocabularies and URLs are checked elsewhere).
TEXT_KEYS = {"name", "description", "target_group", "cost", "title", "intro", "duration", "hint",
             "between_note", "caveat", "subsidy_caveat", "step_up", "meaning", "action", "text", "low",
             "mid", "high", "priority_advice", "province", "former_names"}
SAFE = "Gewone tekst"


def _text_paths(node, path=()):
    """Every (path, value) of a text field, former_names' items included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield path + (key,)
            elif key == "former_names" and isinstance(value, list):
                yield from (path + (key, i) for i in range(len(value)))
            else:
                yield from _text_paths(value, path + (key,))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _text_paths(item, path + (i,))


def _set(node, path, value):
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _poisoned(raw: dict[str, dict]) -> dict[str, dict]:
    """Every payload in every text field kind: one extra partner and instrument per payload (all
    their texts, a web source's title too); the ladder's and regions' fields take them in turn."""
    raw = copy.deepcopy(raw)
    partner, instrument = raw["partners"]["partners"][0], raw["instruments"]["instruments"][0]
    source = {"url": "https://www.drenthe.nl/", "title": SAFE}
    for k, _ in enumerate(PAYLOADS):
        p = copy.deepcopy(partner) | {"id": f"aanval-{k}", "former_names": [SAFE], "sources": [dict(source)]}
        i = copy.deepcopy(instrument) | {"id": f"aanval-{k}", "partner": partner["id"], "cost": SAFE,
                                         "sources": [dict(source)], "other_partners": []}
        raw["partners"]["partners"].append(p)
        raw["instruments"]["instruments"].append(i)
    raw["ladder"]["sources"].append(dict(source))
    # regions.yaml has fewer text fields than there are payloads: web sources make up the rest
    raw["regions"]["sources"] += [dict(source) for _ in PAYLOADS]
    placed = {}
    for key, doc in raw.items():
        paths = list(_text_paths(doc))
        if key in ("partners", "instruments"):
            # the extra entries: payload k in every text field of entry aanval-k
            paths = [p for p in paths if str(doc[key][p[1]]["id"]).startswith("aanval-")]
            for path in paths:
                k = int(doc[key][path[1]]["id"].split("-")[1])
                placed[(key, path)] = k
        else:
            for n, path in enumerate(paths):
                placed[(key, path)] = n % len(PAYLOADS)
        for path in paths:
            _set(doc, path, PAYLOADS[placed[(key, path)]][1])
    raw["_placed"] = placed
    return raw


def _write(data_dir, raw):
    # The other data files (sectors, pathway, agenda, monitor) as they are: instruments name sectors.
    shutil.copytree(DATA, data_dir, dirs_exist_ok=True)
    for key, filename in DATA_FILES.items():
        text = yaml.safe_dump(raw[key], allow_unicode=True, sort_keys=False, width=10_000)
        (data_dir / filename).write_text(text, encoding="utf-8")


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}>")
            elif name in ("href", "action", "formaction") and link_problem(value) and not value.startswith("data:"):
                self.bad.append(f"<{tag} {name}={value!r}>")
            elif name == "src" and (re.match(r"^\s*([a-z][a-z0-9+.-]*:|//|\\)", value, re.I)):
                self.bad.append(f"<{tag} src={value!r}>")

    handle_startendtag = handle_starttag


@pytest.fixture(scope="module")
def poisoned_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("payloads")
    data_dir = tmp / "data"
    data_dir.mkdir()
    raw = {key: yaml.load((DATA / f).read_text(encoding="utf-8"), Loader=yaml.BaseLoader) for key, f in DATA_FILES.items()}
    raw = _poisoned(raw)
    placed = raw.pop("_placed")
    _write(data_dir, raw)
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir, TODAY, SEEDS)
    refused_lines = {(e.file, e.line) for e in caught.value.errors}
    refused, accepted = set(), set()
    for (key, path), k in placed.items():
        doc, _ = read_yaml(data_dir / DATA_FILES[key], f"data/{DATA_FILES[key]}")
        line = doc.position(path)[0]
        if (doc.file, line) in refused_lines:
            refused.add((key, path, k))
            _set(raw[key], path, SAFE)
        else:
            accepted.add((key, path, k))
    _write(data_dir, raw)
    try:
        load_dataset(data_dir, TODAY, SEEDS)
    except DataErrors as exc:  # a refusal not at the payload's own line
        pytest.fail(f"check refused something else than the payloads' own lines:\n{exc}")
    out = tmp / "site"
    build(out, TODAY, BuildPaths(data_dir=data_dir), quiet=True, work_dir=tmp / "work")
    return out, placed, refused, accepted


def test_every_payload_went_into_every_data_file(poisoned_build):
    _, placed, _, _ = poisoned_build
    for key in DATA_FILES:
        assert {k for (file, _), k in placed.items() if file == key} == set(range(len(PAYLOADS))), key


def test_descriptions_refuse_what_the_renderer_refuses(poisoned_build):
    _, _, refused, accepted = poisoned_build
    in_descriptions = {k for key, path, k in accepted if path[-1] == "description"}
    # Only the text that shows as plain text (an escaped entity) passes into a description.
    assert {PAYLOADS[k][0] for k in in_descriptions} <= {"html-entity-tag"}


def test_built_site_has_no_handler_no_foreign_scheme_no_foreign_src(poisoned_build):
    site, _, _, accepted = poisoned_build
    assert accepted, "every payload was refused everywhere: the plain-text fields were not tried"
    bad = {}
    for page in site.rglob("*.html"):
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        if audit.bad:
            bad[str(page.relative_to(site))] = audit.bad[:3]
    assert bad == {}


def test_search_index_holds_no_markup_from_the_payloads(poisoned_build):
    site, _, _, _ = poisoned_build
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    # Material shows results as HTML: the payloads may be there as text (&lt;), never as markup.
    assert not re.search(r"<(script|img|svg|iframe)\b", index, re.I)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", index, re.I)
    assert not re.search(r"href=\\?[\"']?\s*(javascript|vbscript|data):", index, re.I)
