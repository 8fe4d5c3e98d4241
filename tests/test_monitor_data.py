"""data/monitor/: the settings and the quarter aggregates are checked like all data, with Dutch
messages at file:line, and an aggregate that would publish a small count is refused."""
from __future__ import annotations

import pytest

from monitor_fixtures import aggregate, write_aggregate
from repo_paths import DATA, SEEDS, TODAY
from sitegen.data.dataset import load_dataset
from sitegen.errors import DataErrors


def _errors(data_dir) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir, TODAY, SEEDS)
    return [str(e) for e in caught.value.errors]


def test_real_settings_load_and_say_voorlopig(dataset):
    settings = dataset.monitor.settings
    assert settings.threshold == 5
    assert settings.basisniveau.provisional and "voorlopig" in settings.basisniveau.text.lower()
    assert settings.targets[0].instrument in dataset.instruments_by_id
    assert dataset.monitor.quarters == []  # the real repository has no aggregate yet


def test_valid_aggregates_load_in_quarter_order(data_copy):
    write_aggregate(data_copy, aggregate("2026-Q2", "2026-07-03", 4))
    write_aggregate(data_copy, aggregate("2026-Q1", "2026-04-03", 1))
    monitor = load_dataset(data_copy, TODAY, SEEDS).monitor
    assert [a.quarter for a in monitor.quarters] == ["2026-Q1", "2026-Q2"]
    assert monitor.years() == [2026]


def test_small_count_is_refused_at_its_line(data_copy):
    agg = aggregate("2026-Q1", "2026-04-03")
    agg["indicators"]["talent"]["by_gemeente"]["assen"] = 3
    path = write_aggregate(data_copy, agg)
    errors = [e for e in _errors(data_copy) if "2026-Q1.yaml" in e]
    lines = path.read_text(encoding="utf-8").splitlines()
    talent = next(n for n, text in enumerate(lines) if text.strip() == "talent:")
    line = next(n for n, text in enumerate(lines[talent:], talent + 1) if text.strip() == "assen: 3")
    assert any("3 is kleiner dan de drempel" in e and '"<5"' in e for e in errors), errors
    assert any(e.startswith(f"data/monitor/2026-Q1.yaml:{line}:") for e in errors), errors


def test_lone_suppressed_cell_is_refused(data_copy):
    agg = aggregate("2026-Q1", "2026-04-03")
    cells = agg["indicators"]["talent"]["by_gemeente"]
    cells["assen"], cells["emmen"] = "<5", 6  # total 12: assen follows as 12 - 6
    write_aggregate(data_copy, agg)
    assert any("enige onderdrukte cel" in e for e in _errors(data_copy))


def test_complement_of_total_under_threshold_is_refused(data_copy):
    agg = aggregate("2026-Q1", "2026-04-03")
    agg["indicators"]["binding"]["of"] = 9  # 9 - 7 = 2 firms without binding: a small count by subtraction
    write_aggregate(data_copy, agg)
    assert any("of min total is 2" in e for e in _errors(data_copy))


@pytest.mark.parametrize("change, expected", [
    (lambda a: a["indicators"]["bereik"]["by_gemeente"].pop("emmen"), "ontbreekt: emmen"),
    (lambda a: a["indicators"]["bereik"]["by_step"].update({"vliegen": 0}), "onbekende trede 'vliegen'"),
    (lambda a: a["indicators"]["instrumenten"]["by_instrument"].update({"geen-echt-instrument": 5}),
     "onbekend instrument 'geen-echt-instrument'"),
    (lambda a: a.update({"partners": ["onbekende-partner"]}), "onbekende partner 'onbekende-partner'"),
    (lambda a: a.update({"quarter": "2026-Q2"}), "past niet bij de bestandsnaam"),
    (lambda a: a.update({"made_on": "2027-01-01"}), "ligt in de toekomst"),
    (lambda a: a["indicators"]["bereik"].update({"total": "<3"}), "past niet bij de drempel"),
    (lambda a: a.update({"reference": "abc"}), "onbekend veld 'reference'"),
    (lambda a: a["indicators"]["talent"].update({"total": 13}), "passen niet bij total (13)"),
])
def test_wrong_aggregate_gets_a_dutch_message(data_copy, change, expected):
    agg = aggregate("2026-Q1", "2026-04-03")
    change(agg)
    (data_copy / "monitor").mkdir(exist_ok=True)
    path = data_copy / "monitor" / "2026-Q1.yaml"
    import yaml
    path.write_text(yaml.safe_dump(agg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    errors = _errors(data_copy)
    assert any(expected in e and e.startswith("data/monitor/2026-Q1.yaml:") for e in errors), errors


def test_other_files_in_the_monitor_folder_are_refused(data_copy):
    (data_copy / "monitor" / "registraties.csv").write_text("partner;referentie\n", encoding="utf-8")
    assert any(e.startswith("data/monitor/registraties.csv:1:1:") for e in _errors(data_copy))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="needs ../shared/seeds to check quotes")
def test_settings_quote_is_checked_against_the_seed(data_copy):
    path = data_copy / "monitor" / "settings.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Afspreken van een Drents", "Afspreken van een Gronings"),
                    encoding="utf-8")
    assert any(e.startswith("data/monitor/settings.yaml:") and "citaat staat niet" in e for e in _errors(data_copy))


def test_unknown_target_instrument_is_refused(data_copy):
    path = data_copy / "monitor" / "settings.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("instrument: subsidie-digitale-en-ai-gereedheid",
                                                             "instrument: bestaat-niet"), encoding="utf-8")
    assert any("onbekend instrument 'bestaat-niet'" in e for e in _errors(data_copy))


def test_no_monitor_folder_means_no_monitor_yet(data_copy):
    import shutil
    shutil.rmtree(data_copy / "monitor")
    monitor = load_dataset(data_copy, TODAY, SEEDS).monitor
    assert monitor.settings is None and monitor.quarters == []


def test_privacy_page_names_the_threshold_of_the_settings(dataset):
    """content/privacy.md states the threshold in words; a new threshold must change it too."""
    from repo_paths import ROOT
    text = " ".join((ROOT / "content" / "privacy.md").read_text(encoding="utf-8").split())
    t = dataset.monitor.settings.threshold
    assert f"onder de {t} staat er als \"<{t}\"" in text
