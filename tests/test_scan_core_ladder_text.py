"""data/ladder.yaml says the seed's words, on the lines it cites.

The scan must be Bijlage 2 of seed 000 exactly (DESIGN.md "The scan"). Each quoted text in
ladder.yaml carries a comment `# r. N`; this test reads line N of the seed and checks the text is
there, so a typo, a "better" wording or a wrong line reference fails here, not in a reader's eyes.
"""
from __future__ import annotations

import re

import pytest
import yaml

from repo_paths import DATA, SEEDS

SEED = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS.is_dir() else None
pytestmark = pytest.mark.skipif(SEED is None, reason="../shared/seeds/000_*.txt is not here")

_CITED = re.compile(r'"(?P<text>[^"]+)"\s*}?\s*#\s*r\.\s*(?P<line>\d+)\s*$')
_OPTION = re.compile(r"^(?:- )?(?P<letter>[A-F])\. (?P<text>.+)$")


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return [""] + SEED.read_text(encoding="utf-8").splitlines()  # 1-based, like sed -n


@pytest.fixture(scope="module")
def ladder() -> dict:
    return yaml.safe_load((DATA / "ladder.yaml").read_text(encoding="utf-8"))


def _plain(line: str) -> str:
    return line.replace("**", "").strip()


def test_every_cited_text_is_on_its_line(seed_lines):
    cited = 0
    for number, raw in enumerate((DATA / "ladder.yaml").read_text(encoding="utf-8").splitlines(), 1):
        match = _CITED.search(raw)
        if not match:
            continue
        cited += 1
        text, line = match["text"], int(match["line"])
        assert text in _plain(seed_lines[line]), f"ladder.yaml:{number}: '{text}' staat niet op regel {line}"
    assert cited >= 7 * 6 + 7 * 3 + 6  # options, next steps, phase meanings at least


def test_options_are_the_seeds_letters_and_words(ladder, seed_lines):
    # options in the seed: the 6 lines after each question's title that start with A.-F.
    for q in ladder["questions"]:
        title_line = next(n for n, line in enumerate(seed_lines) if line.strip() == f"{q['number']}. {q['title']}")
        next_step = seed_lines.index("Volgende stap:", title_line)
        found = [_OPTION.match(line.strip()) for line in seed_lines[title_line:next_step]]
        options = [(m["letter"], m["text"]) for m in found if m]
        assert options == [(o["letter"], o["text"]) for o in q["options"]], q["id"]
        block = seed_lines[next_step:next_step + 7]  # "Volgende stap:", then A-B, C-D, E-F with blank lines
        for band, prefix in (("low", "A–B: "), ("mid", "C–D: "), ("high", "E–F: ")):
            assert prefix + q["next_steps"][band] in [line.strip() for line in block], (q["id"], band)


def test_phase_table_meaning_and_action(ladder, seed_lines):
    header = seed_lines.index("Fase\tBetekenis\t1 concrete actie")
    rows = [line.split("\t") for line in seed_lines[header + 1:header + 7]]
    assert rows == [[s["name"], s["meaning"], s["action"]] for s in ladder["steps"]]


def test_texts_around_the_questions(ladder, seed_lines):
    text = "\n".join(_plain(line) for line in seed_lines)
    for key in ("intro", "duration", "hint", "between_note", "caveat", "subsidy_caveat", "step_up"):
        assert ladder[key] in text, key
    for step in ladder["steps"]:
        assert step["subsidy"]["text"] in text and step["route"]["text"] in text, step["slug"]


def test_sources_cover_bijlage_2(ladder, seed_lines):
    source = next(s for s in ladder["sources"] if s["document"] == "000" and "-" in s["lines"])
    first, last = map(int, source["lines"].split("-"))
    assert seed_lines[first].strip() == "BIJLAGE 2"
    assert seed_lines[last].strip() == ladder["step_up"]
