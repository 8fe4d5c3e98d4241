"""Partners confirm their own entries (issue 23): one short Dutch text per partner, in Markdown.

Each text names the partner's entries (as main partner or in other_partners), says what we do not
know (status, cost, closing date; for the partner itself a public contact route) and gives per entry
a link to the change form with the entry filled in (SiteSettings.form_url). Without a repository URL
(mkdocs.yml extra.drenthe.repository_url) the text says the link is not decided yet, never a guess.

`python build.py review-requests [--out DIR]` writes them (standard build/review-requests/); the
monthly stale report (sitegen.exports.stale) points to them.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitegen.data import urls
from sitegen.data.dataset import Dataset
from sitegen.data.dates import nl_date
from sitegen.data.editor_text import markdown_inert
from sitegen.data.models import Instrument, Partner
from sitegen.data.settings import SiteSettings
from sitegen.data.vocabulary import ROLES
from sitegen.paths import ROOT

OUT_DIR = ROOT / "build" / "review-requests"
NO_FORM = ("De link naar het formulier is nog niet vastgesteld: de plek van de gegevens op GitHub is nog niet "
           "bekend. Je krijgt deze tekst opnieuw als de link er is. Tot die tijd kun je reageren op het bericht "
           "waarmee je deze tekst kreeg.")


@dataclass(frozen=True)
class Entry:
    """An instrument that names the partner, with the partner's role in it and what we do not know."""
    instrument: Instrument
    role: str          # Dutch: "hoofdpartner, financier" or "uitvoerder"
    unknown: tuple[str, ...]   # Dutch phrases
    fields: tuple[str, ...]    # the form's field names to fill in


def instrument_unknowns(instrument: Instrument) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what we do not know, in Dutch; the fields of the form that would say it)."""
    unknown, fields = [], []
    if instrument.status == "onbekend":
        unknown.append("of het nu open is (status onbekend)")
        fields.append("status")
    if instrument.cost.strip().lower() == "onbekend":
        unknown.append("wat het de ondernemer kost")
        fields.append("cost")
    if instrument.open_until is None and instrument.status != "gesloten":
        unknown.append("tot wanneer het loopt (geen sluitingsdatum)")
        fields.append("open_until")
    return tuple(unknown), tuple(fields)


def entries_for(dataset: Dataset, partner: Partner) -> list[Entry]:
    out = []
    for i in dataset.instruments_of(partner.id):
        if i.partner == partner.id:
            role = f"hoofdpartner, {ROLES[i.role].lower()}"
        else:
            role = ", ".join(ROLES[o.role].lower() for o in i.other_partners if o.partner == partner.id)
        unknown, fields = instrument_unknowns(i)
        out.append(Entry(i, role, unknown, fields))
    return out


def _link(settings: SiteSettings, page_path: str, name: str, fields=(), note: str = "") -> str:
    url = settings.form_url(page_path, name=name, changes="".join(f"{f}: \n" for f in fields), note=note)
    return f"- [Geef een wijziging door of bevestig dat alles klopt]({url})" if url else ""


def _page(settings: SiteSettings, page_path: str) -> str:
    return f"{settings.site_url.rstrip('/')}/{page_path}" if settings.site_url else f"`{page_path}` op de site (adres nog niet vastgesteld)"


def request_text(dataset: Dataset, partner: Partner, settings: SiteSettings, today: date) -> str:
    """The text for one partner (Dutch, B1, Markdown); every data text made inert."""
    name = markdown_inert(partner.name)
    entries = entries_for(dataset, partner)
    out = [f"# Klopt wat we over {name} schrijven?", "",
           "Hallo,", "",
           f"Op Drenthe Digitaal staat wat {name} doet voor ondernemers in Drenthe. Ondernemers en adviseurs "
           "zoeken daar hulp bij digitaliseren. Wil je nakijken of het klopt? Dat kost een paar minuten. "
           "Zonder bron nemen we niets over: geef bij een wijziging een openbare webpagina waar het staat.", "",
           f"Peildatum: {nl_date(today)}.", "",
           *([] if settings.repository_url else [NO_FORM, ""]),
           "## Jullie organisatie", "",
           f"- Pagina: {_page(settings, urls.partner_url(partner.id))}",
           f"- Laatst nagekeken: {nl_date(partner.last_reviewed)}"]
    contact_note = ""
    if partner.contact is None or not partner.contact.has_route:
        out.append("- Wat we niet weten: hoe een ondernemer jullie bereikt. We vonden geen openbaar e-mailadres, "
                   "telefoonnummer of contactpagina. Zet die in de toelichting, met de webpagina waar het staat.")
        contact_note = "Openbaar e-mailadres, telefoonnummer of contactpagina (met de webpagina waar het staat): "
    out += [x for x in [_link(settings, urls.partner_url(partner.id), partner.name, note=contact_note)] if x] + [""]
    if not entries:
        out += ["## Jullie aanbod", "", "Er staat nog geen aanbod van jullie op de site. Mist er iets? "
                "Geef het door met hetzelfde formulier (kies: een nieuw instrument).", ""]
    else:
        out += [f"## Aanbod waarin jullie genoemd worden ({len(entries)})", ""]
        for e in entries:
            i = e.instrument
            out += [f"### {markdown_inert(i.name)}", "",
                    f"- Pagina: {_page(settings, urls.instrument_url(i.id))}",
                    f"- Jullie rol: {e.role}"]
            if e.unknown:
                out.append("- Wat we niet weten: " + "; ".join(e.unknown) + ".")
            else:
                out.append("- Status, kosten en sluitingsdatum staan erin. Kloppen ze nog?")
            out += [x for x in [_link(settings, urls.instrument_url(i.id), i.name, e.fields)] if x] + [""]
    out += ["Dank je wel!", "", "De redactie van Drenthe Digitaal", ""]
    return "\n".join(out)


def write_requests(dataset: Dataset, out_dir: Path, settings: SiteSettings, today: date) -> list[Path]:
    """One <partner id>.md per partner. All or nothing: written beside out_dir, then swapped in."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".review-requests-", dir=out_dir.parent))
    try:
        for partner in dataset.partners:
            (staging / f"{partner.id}.md").write_text(request_text(dataset, partner, settings, today), encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return sorted(out_dir.glob("*.md"))


def report(written: list[Path], out_dir: Path, settings: SiteSettings) -> None:
    print(f"{len(written)} teksten geschreven in {out_dir} (één per partner).")
    if not settings.repository_url:
        print("Let op: repository_url in mkdocs.yml (extra.drenthe) is leeg, dus de teksten hebben nog geen "
              "link naar het formulier.", file=sys.stderr)


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, default=OUT_DIR,
                        help="map voor de teksten (standaard build/review-requests/)")
