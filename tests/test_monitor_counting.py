"""The quarter's counts equal an independent count of the synthetic rows, and after suppression no
count under the threshold appears and no hidden cell can be worked out from the totals.

The expected figures are counted here from the generator's truth (what each row was meant to say),
a second and simpler way, never by calling sitegen.monitor.counting.
"""
from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from repo_paths import TODAY
from sitegen.monitor.aggregate import aggregate_folder, read_registrations
from sitegen.monitor.counting import count
from sitegen.monitor.quarter import Quarter
from sitegen.monitor.suppression import suppress, suppress_map
from sitegen.monitor.synthetic import generate, write_folder
from sitegen.monitor.vocabulary import Vocabulary

QUARTERS = [Quarter(2026, n) for n in (1, 2, 3, 4)]
BASIS = {"question": "security", "letters": ["C", "D", "E", "F"], "provisional": True, "text": "test"}


@pytest.fixture(scope="module")
def vocabulary(dataset) -> Vocabulary:
    return Vocabulary.from_dataset(dataset, "security", BASIS["letters"])


@pytest.fixture(scope="module")
def firms(dataset):
    return generate(seed=7, firms=3000, year=2026, today=TODAY, step_names=[s.name for s in dataset.ladder.steps])


@pytest.fixture(scope="module")
def folder(firms, tmp_path_factory):
    path = tmp_path_factory.mktemp("registraties")
    write_folder(path, firms, "csv")
    return path


def expected(firms, quarter: Quarter, steps: list[str]) -> dict:
    """The six indicators counted straight from the generator's truth, one firm at a time."""
    def inq(day):
        return day is not None and quarter.first_day <= day <= quarter.last_day

    started = [f for f in firms if inq(f.start_date)]
    followed = [f for f in firms if inq(f.follow_up_date)]
    up = [f for f in followed if f.follow_up_step > f.start_step]
    latest = [f for f in firms if inq(f.follow_up_date or f.start_date)]

    def meets(f):
        if f.security_letter:
            return f.security_letter in "CDEF"
        return {"ja": True, "nee": False}.get(f.basisniveau_typed)

    known = [f for f in latest if meets(f) is not None]
    good = [f for f in known if meets(f)]
    with_talent = [f for f in latest if f.talent]
    kept_known = [f for f in with_talent if f.talent_kept in ("ja", "nee")]
    talent_by_gemeente = Counter()
    for f in with_talent:
        talent_by_gemeente[f.gemeente] += f.talent
    return {
        "bereik": (len(started), Counter(f.gemeente for f in started), Counter(steps[f.start_step] for f in started)),
        "doorstroom": (len(up), len(followed), Counter(f.gemeente for f in up), Counter(steps[f.start_step] for f in up)),
        "instrumenten": Counter(i for f in latest for i in f.instruments),
        "basisniveau": (len(good), len(known), Counter(f.gemeente for f in good),
                        Counter(steps[f.follow_up_step if f.follow_up_date else f.start_step] for f in good)),
        "talent": (sum(f.talent for f in with_talent), len(with_talent), talent_by_gemeente),
        "binding": (sum(f.talent_kept == "ja" for f in kept_known), len(kept_known),
                    Counter(f.gemeente for f in kept_known if f.talent_kept == "ja")),
    }


def _nonzero(counter: dict) -> dict:
    return {k: v for k, v in counter.items() if v}


def test_the_synthetic_year_is_realistic(firms):
    assert len(firms) == 3000 and len({f.partner for f in firms}) == 6 and len({f.gemeente for f in firms}) == 13
    steps = Counter(f.start_step for f in firms)
    assert steps[0] + steps[1] > len(firms) / 2 > steps[4] + steps[5]
    assert 0.2 < sum(1 for f in firms if f.follow_up_date) / len(firms) < 0.5
    assert {Quarter(2026, (f.start_date.month - 1) // 3 + 1) for f in firms} == set(QUARTERS)


@pytest.mark.parametrize("quarter", QUARTERS, ids=str)
def test_counts_equal_an_independent_count_of_the_rows(folder, firms, vocabulary, quarter):
    got = count(read_registrations(folder, vocabulary, TODAY), quarter, vocabulary)
    want = expected(firms, quarter, vocabulary.step_slugs)
    b = got["bereik"]
    assert (b["total"], _nonzero(b["by_gemeente"]), _nonzero(b["by_step"])) == \
        (want["bereik"][0], dict(want["bereik"][1]), dict(want["bereik"][2]))
    d = got["doorstroom"]
    assert (d["total"], d["of"], _nonzero(d["by_gemeente"]), _nonzero(d["by_step"])) == \
        (want["doorstroom"][0], want["doorstroom"][1], dict(want["doorstroom"][2]), dict(want["doorstroom"][3]))
    assert _nonzero(got["instrumenten"]["by_instrument"]) == dict(want["instrumenten"])
    assert got["instrumenten"]["total"] == sum(want["instrumenten"].values())
    n = got["basisniveau"]
    assert (n["total"], n["of"], _nonzero(n["by_gemeente"]), _nonzero(n["by_step"])) == \
        (want["basisniveau"][0], want["basisniveau"][1], dict(want["basisniveau"][2]), dict(want["basisniveau"][3]))
    t = got["talent"]
    assert (t["total"], t["firms"], _nonzero(t["by_gemeente"])) == \
        (want["talent"][0], want["talent"][1], dict(want["talent"][2]))
    k = got["binding"]
    assert (k["total"], k["of"], _nonzero(k["by_gemeente"])) == (want["binding"][0], want["binding"][1], dict(want["binding"][2]))
    assert b["total"] > 300 and d["of"] > 0 or quarter.number == 1  # a real quarter has follow-ups after Q1


def test_csv_and_xlsx_of_the_same_rows_give_the_same_aggregate(firms, folder, vocabulary, tmp_path):
    write_folder(tmp_path, firms[:600], "xlsx")
    small = tmp_path.parent / (tmp_path.name + "-csv")
    write_folder(small, firms[:600], "csv")
    q = QUARTERS[2]
    assert aggregate_folder(tmp_path, q, vocabulary, 5, BASIS, TODAY) == aggregate_folder(small, q, vocabulary, 5, BASIS, TODAY)


# The independent checker: what a reader can work out from one published map and its total.

def derivable_cells(total, cells: dict, threshold: int) -> list[str]:
    """Hidden cells whose value follows from the total and the shown cells: alone (exactly), or, read
    as '0 to threshold-1' or '1 to threshold-1' each, when the remainder leaves one possibility."""
    hidden = [k for k, v in cells.items() if isinstance(v, str)]
    if not hidden or isinstance(total, str):
        return []
    rest = total - sum(v for v in cells.values() if isinstance(v, int))
    if len(hidden) == 1:
        return hidden
    for low, high in ((0, rest), (0, threshold - 1), (1, threshold - 1)):
        k = len(hidden)
        if not k * low <= rest <= k * high:
            continue  # this reading does not fit: a hidden cell is bigger (secondary suppression)
        lo, hi = max(low, rest - (k - 1) * high), min(high, rest - (k - 1) * low)
        if lo == hi:
            return hidden
    return []


def published_problems(indicators: dict, threshold: int) -> list[str]:
    mark, wrong = f"<{threshold}", []
    for name, block in indicators.items():
        for key, value in block.items():
            values = value.items() if isinstance(value, dict) else [(key, value)]
            for cell, v in values:
                if isinstance(v, int) and 0 < v < threshold:
                    wrong.append(f"{name}.{key}.{cell} = {v} is under the threshold")
                elif isinstance(v, str) and v != mark:
                    wrong.append(f"{name}.{key}.{cell} = {v!r}")
        total, of = block["total"], block.get("of")
        if isinstance(total, int) and isinstance(of, int) and 0 < of - total < threshold:
            wrong.append(f"{name}: of - total = {of - total}")
        if "firms" in block and isinstance(block["firms"], str) != isinstance(total, str):
            wrong.append(f"{name}: firms and total not hidden together")
        for key, cells in block.items():
            if not isinstance(cells, dict):
                continue
            if isinstance(total, str) and any(isinstance(v, int) and v for v in cells.values()):
                wrong.append(f"{name}.{key}: total hidden, a cell shown")
            if isinstance(total, int) and all(isinstance(v, int) for v in cells.values()) and sum(cells.values()) != total:
                wrong.append(f"{name}.{key}: cells do not add up to the total")
            wrong += [f"{name}.{key}.{c} can be worked out" for c in derivable_cells(total, cells, threshold)]
    return wrong


@pytest.mark.parametrize("quarter", QUARTERS, ids=str)
def test_the_published_quarter_hides_every_small_count_for_good(folder, firms, vocabulary, quarter):
    agg = aggregate_folder(folder, quarter, vocabulary, 5, BASIS, TODAY)
    assert published_problems(agg["indicators"], 5) == []
    want = expected(firms, quarter, vocabulary.step_slugs)
    for gemeente, value in agg["indicators"]["bereik"]["by_gemeente"].items():
        assert value == "<5" or value == want["bereik"][1][gemeente]
    assert "<5" in str(agg["indicators"])  # the synthetic year does have small cells to hide


@pytest.mark.parametrize("seed", range(40))
def test_small_deliveries_never_publish_a_small_or_derivable_count(dataset, vocabulary, seed):
    rng = random.Random(seed)
    firms = generate(seed, rng.randint(5, 150), 2026, TODAY, [s.name for s in dataset.ladder.steps])
    from sitegen.monitor.rows import check_row
    from sitegen.monitor.readers import RawRow
    regs = [check_row(RawRow("x.csv", "", i, f.row), vocabulary, TODAY) for i, f in enumerate(firms)]
    assert all(not isinstance(r, list) for r in regs)
    for quarter in QUARTERS:
        for threshold in (3, 5, 10):
            indicators = suppress(count(regs, quarter, vocabulary), threshold)
            assert published_problems(indicators, threshold) == [], (seed, quarter, threshold)


@pytest.mark.parametrize("seed", range(300))
def test_any_map_keeps_its_hidden_cells_hidden(seed):
    rng = random.Random(seed)
    cells = {f"g{i}": rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 9, 20]) for i in range(rng.randint(2, 13))}
    total = sum(cells.values())
    if 0 < total < 5:
        return  # the caller hides the whole map then
    shown = suppress_map(cells, 5)
    assert derivable_cells(total, shown, 5) == [], (cells, shown)
    assert all(v == "<5" or v == cells[k] for k, v in shown.items())
    assert not any(isinstance(v, int) and 0 < v < 5 for v in shown.values())


def test_a_lone_small_cell_takes_the_smallest_other_non_zero_cell_with_it():
    assert suppress_map({"a": 40, "b": 0, "c": 3, "d": 9, "e": 12}, 5) == {"a": 40, "b": 0, "c": "<5", "d": "<5", "e": 12}


def test_the_dates_of_a_quarter():
    q = Quarter.parse("2026-Q1")
    assert (q.first_day, q.last_day, date(2026, 3, 31) in q, date(2026, 4, 1) in q) == \
        (date(2026, 1, 1), date(2026, 3, 31), True, False)
    with pytest.raises(ValueError, match="geen kwartaal"):
        Quarter.parse("2026-Q5")


def test_the_checker_catches_what_primary_suppression_alone_leaves():
    """The checker is not a test that cannot fail: hiding only the small cells is caught."""
    cells = {"a": 40, "b": 3, "c": 9}
    assert derivable_cells(52, {"a": 40, "b": "<5", "c": 9}, 5) == ["b"]
    assert derivable_cells(10, {"a": 2, "b": "<5", "c": "<5"}, 5) == ["b", "c"]  # two hidden: both 4
    assert derivable_cells(8, {"a": 6, "b": "<5", "c": "<5"}, 5) == ["b", "c"]    # two hidden: both 1
    assert derivable_cells(52, suppress_map(cells, 5), 5) == []
    assert published_problems({"bereik": {"total": 52, "by_gemeente": {"a": 40, "b": 3, "c": 9}}}, 5) != []
