"""A way in for every hand-off contact (issue 23): each route partner, the intake partner and each of
the 13 gemeenten has a contact route with its source, or the record that it was searched for and not
found; a gemeente's general number is marked as such; bad contact blocks get a Dutch message."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from repo_paths import DATA, SEEDS, TODAY
from sitegen.data.dataset import load_dataset
from sitegen.errors import DataErrors
from sitegen.scan.scan_data import build_scan_data


def handoff_partner_ids(dataset) -> set[str]:
    """The partners scan_core's hand-off can name: each phase's route partners and the intake partner."""
    ids = {pid for step in dataset.ladder.steps for pid in step.route.partners}
    return ids | {dataset.ladder.intake.partner}


def test_every_handoff_partner_and_gemeente_has_a_route_or_a_search_record(dataset):
    partners = {p.id: p for p in dataset.partners}
    missing = [pid for pid in sorted(handoff_partner_ids(dataset)) if partners[pid].contact is None]
    missing += [g.slug for g in dataset.regions.gemeenten if g.contact is None]
    assert not missing, f"geen contact en geen zoekverslag: {missing}"
    assert len(dataset.regions.gemeenten) == 13


def test_a_gemeente_route_is_the_general_number_never_presented_as_the_loket(dataset):
    """Every gemeente route found is the general one (no stored page names an ondernemersloket)."""
    found = [g for g in dataset.regions.gemeenten if g.contact and g.contact.has_route]
    assert found, "at least one gemeente has a public route"
    assert all(g.contact.kind == "algemeen" for g in found)
    assert all(s.url and s.accessed for g in found for s in g.contact.sources)


def test_scan_data_carries_found_routes_only(dataset):
    data = build_scan_data(DATA, TODAY)
    by_slug = {g["slug"]: g for g in data["gemeenten"]}
    for g in dataset.regions.gemeenten:
        if g.contact.has_route:
            assert by_slug[g.slug]["contact"]["kind"] == "algemeen"
            assert by_slug[g.slug]["contact"]["phone"] == g.contact.phone
        else:  # searched, not found: the scan shows the partner page, not an empty route
            assert "contact" not in by_slug[g.slug]


def _set_contact(data_dir: Path, slug: str, block: str) -> int:
    path = data_dir / "regions.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - slug: {slug}\n")
    end = text.index("  - slug: ", start + 1)
    entry = text[start:end]
    entry = entry[:entry.index("    contact:")] + block
    path.write_text(text[:start] + entry + text[end:], encoding="utf-8")
    return text[:start].count("\n") + 4  # the line of "contact:"


def _errors(data_dir: Path) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        load_dataset(data_dir, TODAY, SEEDS)
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize("block, fragment", [
    ("    contact:\n      found: false\n      searched: 2026-12-05\n      email: x@example.org\n",
     "bij 'found: false' horen geen 'email'"),
    ("    contact:\n      found: false\n", "bij 'found: false' hoort 'searched'"),
    ("    contact:\n      phone: \"14 0591\"\n", "bij een contact hoort 'sources'"),
    ("    contact:\n      phone: \"14 0591\"\n      searched: 2026-12-05\n"
     "      sources:\n        - {url: https://example.org/, title: Voorbeeld}\n", "'searched' hoort alleen bij 'found: false'"),
    ("    contact:\n      phone: \"bel ons\"\n      sources:\n        - {url: https://example.org/, title: Voorbeeld}\n",
     "phone"),
    ("    contact:\n      phone: \"14 0591\"\n      kind: loket\n      sources:\n        - {url: https://example.org/, title: Voorbeeld}\n",
     "kind"),
])
def test_bad_contact_blocks_get_a_dutch_message_at_their_line(data_copy, block, fragment):
    line = _set_contact(data_copy, "emmen", block)
    errors = [e for e in _errors(data_copy) if "regions.yaml" in e]
    assert errors, "the build refuses the contact block"
    assert any(fragment in e for e in errors), errors
    # at the contact block, or at the very field inside it
    block_lines = range(line, line + block.count("\n"))
    assert any(int(m.group(1)) in block_lines for e in errors if (m := re.search(r"regions\.yaml:(\d+)", e))), \
        (line, errors)


def test_a_gemeente_page_says_what_route_it_has_and_never_an_empty_one(dataset):
    """Issue 23/24: the gemeente page leads with its contact route, labelled like the hand-off."""
    from pathlib import Path
    from sitegen.data.settings import SiteSettings
    from sitegen.pages.gemeente import gemeente_lead
    from sitegen.pages.markdown import PageWriter
    from repo_paths import TODAY
    template = PageWriter(dataset, Path("/nonexistent"), TODAY, SiteSettings()).html_env.get_template("gemeente_lead.html.j2")
    for g in dataset.regions.gemeenten:
        html = template.render(href_root="../../", **gemeente_lead(dataset, g.slug, [], TODAY))
        contact = html.split('id="contact"')[1].split("<h2")[0]
        assert not re.search(r":\s*\.|\s\.</p>", contact), (g.slug, contact)  # no empty route, no " ." at the end
        if g.contact and g.contact.found:
            assert "algemeen nummer van de gemeente; vraag naar het ondernemersloket" in contact, g.slug
            if g.contact.phone:
                assert f'href="{g.contact.tel_href}"' in contact
        elif g.contact:
            assert "We vonden geen openbaar contact" in contact, g.slug
