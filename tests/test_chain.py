"""Instruments as one chain along the ladder (issue 25): what comes after an offer and before it,
the per-theme path on a ladder step page, the page "Van advies naar uitvoering", and the check
that refuses a chain that loops or names an id that does not exist."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from repo_paths import SEEDS, TODAY
from sitegen.data.chain import Chain
from sitegen.data.vocabulary import STEP_SLUGS
from test_data_errors import assert_error, errors_for, line_of

NEXT_ADVIESVOUCHER = "      - instrument: subsidie-digitale-en-ai-gereedheid\n"


def _section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    end = page.find("<h2", start)
    return page[start:end if end > 0 else None]


def _links(fragment: str) -> list[str]:
    return re.findall(r'href="\.\./\.\./instrumenten/([a-z0-9-]+)/"', fragment)


def test_hierna_leads_from_adviesvoucher_to_the_new_subsidy_and_on_to_efro_and_mit(built_site: Path):
    voucher = (built_site / "instrumenten" / "adviesvoucher-mkb-drenthe" / "index.html").read_text(encoding="utf-8")
    assert _links(_section(voucher, "hierna")) == ["subsidie-digitale-en-ai-gereedheid"]
    subsidy = (built_site / "instrumenten" / "subsidie-digitale-en-ai-gereedheid" / "index.html").read_text(encoding="utf-8")
    assert _links(_section(subsidy, "hierna")) == ["efro", "mit"]
    assert "adviesvoucher-mkb-drenthe" in _links(_section(subsidy, "hiervoor"))
    efro = (built_site / "instrumenten" / "efro" / "index.html").read_text(encoding="utf-8")
    assert "subsidie-digitale-en-ai-gereedheid" in _links(_section(efro, "hiervoor"))


def test_every_instrument_page_has_hierna_and_hiervoor(built_site: Path, dataset):
    for ins in dataset.instruments:
        page = (built_site / "instrumenten" / ins.id / "index.html").read_text(encoding="utf-8")
        assert 'id="hierna"' in page and 'id="hiervoor"' in page, ins.id


def test_without_named_next_the_chain_is_the_next_trede_with_a_shared_theme_usable_first(dataset):
    """Worked out independently: offers on the trede above the highest one, sharing a theme,
    usable in a shared gemeente, not closed; open ones before the rest."""
    chain = Chain(dataset, TODAY)
    checked = 0
    for ins in dataset.instruments:
        if ins.next or ins.closed_on(TODAY) or not ins.themes:
            continue
        top = max(STEP_SLUGS.index(s) for s in ins.steps)
        after = chain.after(ins)
        if top == len(STEP_SLUGS) - 1:
            assert after == []
            continue
        where = set(dataset.gemeenten_in(ins.regions))
        fitting = {i.id for i in dataset.instruments
                   if i.id != ins.id and STEP_SLUGS[top + 1] in i.steps and set(i.themes) & set(ins.themes)
                   and not i.closed_on(TODAY) and where & set(dataset.gemeenten_in(i.regions))}
        assert {link.instrument.id for link in after} <= fitting, ins.id
        assert len(after) == min(3, len(fitting)), ins.id
        assert all(not link.named for link in after)
        open_fitting = {i for i in fitting if dataset.instruments_by_id[i].status == "open"}
        shown_open = [link.instrument.id for link in after if link.instrument.status == "open"]
        assert len(shown_open) == min(len(open_fitting), len(after)), f"{ins.id}: open offers are not first"
        checked += 1
    assert checked > 20


def test_the_ladder_step_page_shows_the_path_to_the_next_trede(built_site: Path):
    page = (built_site / "ladder" / "funderen" / "index.html").read_text(encoding="utf-8")
    start = page.index('<h2 id="van-deze-trede-naar-optimaliseren"')
    section = page[start:page.index('<h2 id="aanbod-voor-deze-trede"')]
    assert "→" in section and "Data &amp; sturing" in section
    top = (built_site / "ladder" / "transformeren" / "index.html").read_text(encoding="utf-8")
    assert "Van deze trede naar" not in top


def test_the_pathway_page_quotes_the_policy_with_line_numbers(built_site: Path):
    page = (built_site / "van-advies-naar-uitvoering" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    for words in ("samenhangend groeipad van advies en fundament naar innovatie en opschaling",
                  "Pijler A – Datafundament", "Pijler B – Organisatie en processen", "Pijler C – Digitale weerbaarheid",
                  "Pijler D – Verantwoorde AI-toepassing", "vallen buiten de reikwijdte van deze subsidie", "regel 457"):
        assert words in text, words
    order = [text.index(name) for name in ("1. Adviesvoucher Mkb Drenthe", "2. Subsidie Digitale en AI-gereedheid",
                                           "3. EFRO")]
    assert order == sorted(order)
    assert 'href="../instrumenten/efro/"' in page and 'href="../instrumenten/mit/"' in page


def _add_next(data_dir: Path, instrument: str, target: str) -> int:
    """Give `instrument` a next step by the editors (no source needed); return its line."""
    path = data_dir / "instruments.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {instrument}\n")
    at = text.index("    classification:", start)
    at = text.index("\n", at) + 1
    block = f"    next:\n      - instrument: {target}\n        classification: redactie\n"
    if text[at:].startswith("    next:\n"):
        block = f"      - instrument: {target}\n        classification: redactie\n"
        at = at + len("    next:\n")
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")
    return text[:at].count("\n") + 2


def test_a_chain_loop_is_refused_with_its_line(data_copy: Path):
    # efro → adviesvoucher closes the loop adviesvoucher → subsidie → efro → adviesvoucher
    line = _add_next(data_copy, "efro", "adviesvoucher-mkb-drenthe")
    errors = errors_for(data_copy)
    assert_error(errors, "instruments.yaml", line, "kring", "adviesvoucher-mkb-drenthe", "efro")
    assert len([e for e in errors if "kring" in e]) == 1


def test_an_offer_that_names_itself_as_next_is_a_loop(data_copy: Path):
    line = _add_next(data_copy, "ibdo-intake", "ibdo-intake")
    assert_error(errors_for(data_copy), "instruments.yaml", line, "kring", "ibdo-intake → ibdo-intake")


def test_a_next_step_that_does_not_exist_is_refused(data_copy: Path):
    line = _add_next(data_copy, "ibdo-intake", "bestaat-niet")
    assert_error(errors_for(data_copy), "instruments.yaml", line, "bestaat-niet", "bestaat niet")


def test_a_next_step_needs_a_source_or_redactie(data_copy: Path):
    path = data_copy / "instruments.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: ibdo-intake\n")
    at = text.index("\n", text.index("    classification:", start)) + 1
    path.write_text(text[:at] + "    next:\n      - instrument: efro\n" + text[at:], encoding="utf-8")
    errors = errors_for(data_copy)
    assert any("bron" in e and "redactie" in e and e.startswith("data/instruments.yaml:") for e in errors), errors


def test_a_long_chain_is_checked_without_recursion(dataset):
    """2,000 offers in one line and a loop at its end: found once, no RecursionError."""
    from sitegen.data.chain import chain_loops
    from sitegen.data.models import NextStep
    base = dataset.instruments[0]
    items = [(k, base.model_copy(update={"id": f"i{k}", "next": [NextStep(instrument=f"i{k + 1}", classification="redactie")]}))
             for k in range(2000)]
    items[-1] = (1999, base.model_copy(update={"id": "i1999", "next": [NextStep(instrument="i0", classification="redactie")]}))
    loops = chain_loops(items)
    assert len(loops) == 1 and len(loops[0][3]) == 2001


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds ontbreekt: de teksten van het beleid zijn niet te vergelijken")
def test_a_pathway_text_that_is_not_in_the_policy_is_refused(data_copy: Path):
    path = data_copy / "pathway.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Pijler A – Datafundament", "Pijler A – Gratis subsidie voor iedereen"), encoding="utf-8")
    line = line_of(path, "Gratis subsidie")
    assert_error(errors_for(data_copy), "pathway.yaml", line, "staat niet in brondocument 000")


def test_a_pathway_that_names_an_unknown_instrument_is_refused(data_copy: Path):
    path = data_copy / "pathway.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("instruments: [efro, mit]", "instruments: [efro, bestaat-niet]"), encoding="utf-8")
    line = line_of(path, "bestaat-niet")
    assert_error(errors_for(data_copy), "pathway.yaml", line, "onbekend instrument 'bestaat-niet'")


def test_the_scan_result_names_what_comes_after_an_offer(scan_data):
    """An entrepreneur in oriënteren who is offered the Adviesvoucher reads "daarna": the new subsidy."""
    import json
    from scan_core import evaluate_json
    result = json.loads(evaluate_json(json.dumps(scan_data), "v1.AAAAAAA", "emmen", TODAY.isoformat()))
    voucher = next(r for r in result["recommendations"] if r["id"] == "adviesvoucher-mkb-drenthe")
    assert voucher["next"] == {"id": "subsidie-digitale-en-ai-gereedheid", "name": "Subsidie Digitale en AI-gereedheid Mkb Drenthe",
                               "url": "instrumenten/subsidie-digitale-en-ai-gereedheid/"}
    hardenberg = json.loads(evaluate_json(json.dumps(scan_data), "v1.AAAAAAA", "hardenberg", TODAY.isoformat()))
    assert all(r.get("next") is None or r["next"]["id"] != "subsidie-digitale-en-ai-gereedheid"
               for r in hardenberg["recommendations"]), "a Drentse subsidy is never 'daarna' for a firm in Hardenberg"
