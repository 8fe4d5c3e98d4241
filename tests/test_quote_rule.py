"""`build.py check` refuses a quote that proves nothing read alone: a bare heading, a list of
names, a table row without its headings, footnote debris. The examples are those of issue 23."""
from __future__ import annotations

import pytest

from repo_paths import TODAY
from sitegen.data.dataset import load_dataset
from sitegen.data.quote_rule import quote_problem
from test_data_errors import PARTNER, append_entry, assert_error, errors_for, line_of


@pytest.mark.parametrize("quote", [
    "Scans & assessments",
    "Advisering & consultancy",
    "Kennisbank IT Academy",
    "NHL-Stenden Hogeschool, Hanzehogeschool",
    "Hanzehogeschool Groningen 1 3 14 18",
    "RUG 4 14",
    "Werken met studenten 021 Digitale Werkplaats Drenthe",
    "Groningen, Drenthe College en Alfa College",
    "(digitale) innovatiehubs zoals Health Hub Roden, TechHub Assen, DroneHub Groningen Airport Eelde",
    "nauwe samenwerking tussen Ynbusiness en de Smart Industry Hub rondom de Smart Industry Assessment.",
    "het uitvoeren van digitale scans bij ondernemers2",
    "Business development programma Venture Lab North",
])
def test_a_quote_that_proves_nothing_alone_is_refused(quote):
    problem = quote_problem(quote)
    assert problem and "kies de woorden op deze regels die de bewering dragen" in problem


@pytest.mark.parametrize("quote", [
    "NOO verenigt de Noordelijke Online Ondernemers",
    "Het project Nationale Proeftuin precisielandbouw helpt boeren",
    "Eind 2020 is de AI Hub Noord-Nederland van start gegaan.",
    "VDG - Vereniging van Drentse gemeenten",
    "MKB Fonds Drenthe - Alternatieve financier voor MKB in Drenthe",
    "De regeling is naar verwachting in 2027 klaar",
    "Bijv. door aansluiting digitale volwassenheidsladder op CCV Risicoklassenindeling Digitale Veiligheid en regionale campagnes/scans met opvolging.",
    "Het Noordelijke Innovatielab Circulaire Economie (NICE) en het programma Ik Ben Drents Ondernemer worden hier nauw bij betrokken",
])
def test_a_quote_that_carries_a_claim_passes(quote):
    assert quote_problem(quote) is None


def test_check_names_the_line_of_a_bare_heading_and_what_to_do(data_copy):
    good = "Met deze beleidsaanpak 'Drenthe Digitaal - Versnelling Digitalisering Mkb Drenthe' zetten we een gerichte en samenhangende beweging in gang"
    path, first = append_entry(data_copy, "partners.yaml", PARTNER,
                               replace={good: "Beleidsaanpak Versnelling Digitalisering Mkb Drenthe", '"1-22"': '"1-5"'})
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "quote: \"Beleidsaanpak", first),
                 "[testpartner]", "kop", "kies de woorden op deze regels")


def test_the_rule_holds_without_the_seeds_too(data_copy, tmp_path):
    append_entry(data_copy, "partners.yaml", PARTNER,
                 replace={"Met deze beleidsaanpak 'Drenthe Digitaal - Versnelling Digitalisering Mkb Drenthe' zetten we een gerichte en samenhangende beweging in gang": "Scans & assessments"})
    from sitegen.errors import DataErrors
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_copy, TODAY, tmp_path / "geen-seeds")
    assert any("te kort om iets te bewijzen" in str(e) for e in caught.value.errors)


def test_the_rule_also_holds_for_regions_and_contact_routes(data_copy):
    """One source check for every file: a bare list of names in regions.yaml is refused as well."""
    import subprocess, sys
    from repo_paths import ROOT, TODAY
    path = data_copy / "regions.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\nsources:\n", '\nsources:\n  - document: "003"\n    lines: "29-34"\n    quote: "Gemeente Assen Gemeente Emmen"\n', 1),
        encoding="utf-8")
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "--date", TODAY.isoformat(), "check"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "data/regions.yaml:" in result.stderr and "rij namen" in result.stderr, result.stderr
