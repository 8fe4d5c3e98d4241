"""The ecosystem map for policy makers: where is the offer thin? (Regioscan's question, seed 003 r.60.)

Matrices of ladder step × theme and step × activity type, and per gemeente the steps and themes
with a local instrument. Each cell counts instruments that are not closed on the build date; a
cell without any is a "witte vlek", said in words (not by colour alone). Counts that rest on the
editors' own classification are marked "(n redactie)". The HTML table is the text alternative.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from sitegen.data.dataset import Dataset
from sitegen.data.models import Instrument
from sitegen.data.settings import SiteSettings
from sitegen.pages.markdown import PageWriter, escape_text
from sitegen.data.urls import activity_url, finder_url, gemeente_url, instrument_url, step_url, theme_url
from sitegen.data.vocabulary import ACTIVITY_TYPES

FOLDER = "ecosysteem"
WHITE_SPOT = "witte vlek"


def current_offer(dataset: Dataset, today: date) -> list[Instrument]:
    return sorted((i for i in dataset.instruments if not i.closed_on(today)), key=lambda i: i.name.lower())


@dataclass
class Cell:
    instruments: list[Instrument]
    href: str = ""  # the list page of a filled cell, or the help finder with this cell's filters

    @property
    def count(self) -> int:
        return len(self.instruments)

    @property
    def redactie(self) -> int:
        return sum(1 for i in self.instruments if i.classification == "redactie")

    def html(self, column: str = "") -> str:
        """column: the column's label, shown before the value when a phone stacks the table."""
        label = f' data-label="{html.escape(column)}"' if column else ""
        if not self.instruments:
            spot = f'<a href="{html.escape(self.href)}">{WHITE_SPOT}</a>' if self.href else WHITE_SPOT
            return f'<td class="witte-vlek"{label}>{spot}</td>'
        number = f'<a href="{html.escape(self.href)}">{self.count}</a>' if self.href else str(self.count)
        note = f" ({self.redactie} redactie)" if self.redactie else ""
        return f"<td{label}>{number}{note}</td>"


@dataclass
class Matrix:
    caption: str
    corner: str
    columns: list[tuple[str, str]]  # (label, href)
    rows: list[tuple[str, str, list[Cell]]] = field(default_factory=list)  # (label, href, cells)

    @property
    def cells(self) -> list[Cell]:
        return [c for _, _, cells in self.rows for c in cells]

    @property
    def white_spots(self) -> int:
        return sum(1 for c in self.cells if not c.instruments)

    def html(self) -> str:
        """An accessible table: caption, th scope=col/row, no blank lines (one raw HTML block)."""
        def header(label: str, href: str, scope: str) -> str:
            text = html.escape(label)
            inner = f'<a href="{html.escape(href)}">{text}</a>' if href else text
            return f'<th scope="{scope}">{inner}</th>'

        out = ['<div class="md-typeset__scrollwrap"><div class="md-typeset__table">', "<table data-stack>",
               f"<caption>{html.escape(self.caption)}</caption>", "<thead>", "<tr>",
               f'<th scope="col">{html.escape(self.corner)}</th>']
        out += [header(label, href, "col") for label, href in self.columns]
        out += ["</tr>", "</thead>", "<tbody>"]
        for label, href, cells in self.rows:
            out.append("<tr>" + header(label, href, "row")
                       + "".join(c.html(column) for c, (column, _) in zip(cells, self.columns)) + "</tr>")
        out += ["</tbody>", "</table>", "</div></div>"]
        return "\n".join(out)


def matrix(caption: str, corner: str, offer: list[Instrument],
           rows: Iterable[tuple[str, str, str]], columns: Iterable[tuple[str, str, str]],
           row_has: Callable[[Instrument, str], bool], column_has: Callable[[Instrument, str], bool],
           cell_href: Callable[[str, str], str] = lambda r, c: "",
           spot_href: Callable[[str, str], str] = lambda r, c: "") -> Matrix:
    """rows/columns: (slug, label, href). A cell holds the offer that matches both; a filled cell
    links to cell_href, a white spot to spot_href (the help finder with the cell's filters)."""
    rows, columns = list(rows), list(columns)
    m = Matrix(caption, corner, [(label, href) for _, label, href in columns])
    for r_slug, r_label, r_href in rows:
        cells = []
        for c_slug, _, _ in columns:
            items = [i for i in offer if row_has(i, r_slug) and column_has(i, c_slug)]
            cells.append(Cell(items, cell_href(r_slug, c_slug) if items else spot_href(r_slug, c_slug)))
        m.rows.append((r_label, r_href, cells))
    return m


class EcosystemWriter:
    def __init__(self, dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings):
        self.d, self.today = dataset, today
        self.pages = PageWriter(dataset, docs_dir, today, settings)
        self.offer = current_offer(dataset, today)
        self.closed = len(dataset.instruments) - len(self.offer)

    def _steps(self, up: str):
        return [(s.slug, s.name, up + step_url(s.slug)) for s in self.d.ladder.steps]

    def step_theme(self, up: str = "../") -> Matrix:
        return matrix("Aantal instrumenten per trede van de ladder en per thema", "Trede", self.offer,
                      self._steps(up), [(t.slug, t.name, up + theme_url(t.slug)) for t in self.d.ladder.themes],
                      lambda i, s: s in i.steps, lambda i, t: t in i.themes,
                      lambda s, t: f"treden-themas/{s}-{t}/",
                      lambda s, t: up + finder_url(trede=[s], thema=[t]))

    def step_activity(self, up: str = "../") -> Matrix:
        return matrix("Aantal instrumenten per trede van de ladder en per soort activiteit", "Trede", self.offer,
                      self._steps(up), [(a, label, up + activity_url(a)) for a, label in ACTIVITY_TYPES.items()],
                      lambda i, s: s in i.steps, lambda i, a: i.activity_type == a,
                      lambda s, a: f"treden-activiteiten/{s}-{a}/",
                      lambda s, a: up + finder_url(trede=[s], activiteit=[a]))

    def local_offer(self, gemeente: str) -> list[Instrument]:
        """Instruments whose regions name this gemeente itself (not a region that holds it)."""
        return [i for i in self.offer if gemeente in i.regions]

    def gemeente_matrices(self, up: str = "../../") -> tuple[Matrix, Matrix]:
        gemeenten = [(g.slug, g.name, up + gemeente_url(g.slug)) for g in self.d.regions.gemeenten]
        local = lambda i, g: g in i.regions  # noqa: E731
        anchor = lambda g, _: f"#lokaal-{g}"  # noqa: E731
        steps = matrix("Aantal lokale instrumenten per gemeente en per trede", "Gemeente", self.offer, gemeenten,
                       [(s.slug, s.name, up + step_url(s.slug)) for s in self.d.ladder.steps],
                       local, lambda i, s: s in i.steps, anchor,
                       lambda g, s: up + finder_url(gemeente=[g], trede=[s]))
        themes = matrix("Aantal lokale instrumenten per gemeente en per thema", "Gemeente", self.offer, gemeenten,
                        [(t.slug, t.name, up + theme_url(t.slug)) for t in self.d.ladder.themes],
                        local, lambda i, t: t in i.themes, anchor,
                        lambda g, t: up + finder_url(gemeente=[g], thema=[t]))
        return steps, themes

    def write(self) -> list[Path]:
        by_step_theme, by_step_activity = self.step_theme(), self.step_activity()
        common = dict(built=self.today, offer=len(self.offer), closed=self.closed,
                      redactie=sum(1 for i in self.offer if i.classification == "redactie"))
        self.pages._write(f"{FOLDER}/index.md", "ecosystem.md.j2", themes=by_step_theme,
                          activities=by_step_activity, **common)
        self._cell_pages("treden-themas", [(t.slug, t.name) for t in self.d.ladder.themes],
                         lambda i, t: t in i.themes, "thema")
        self._cell_pages("treden-activiteiten", list(ACTIVITY_TYPES.items()),
                         lambda i, a: i.activity_type == a, "soort activiteit")
        steps, themes = self.gemeente_matrices()
        local = [(g, self.local_offer(g.slug)) for g in self.d.regions.gemeenten]
        self.pages._write(f"{FOLDER}/gemeenten.md", "ecosystem_gemeenten.md.j2", steps=steps, themes=themes,
                          local=local, instrument_url=instrument_url, **common)
        return self.pages.written

    def _cell_pages(self, folder: str, columns: list[tuple[str, str]], column_has, what: str) -> None:
        for step in self.d.ladder.steps:
            for c_slug, c_label in columns:
                items = [i for i in self.offer if step.slug in i.steps and column_has(i, c_slug)]
                if not items:
                    continue
                self.pages._write(f"{FOLDER}/{folder}/{step.slug}-{c_slug}.md", "instrument_list.md.j2",
                                  title=f"{step.name} en {what} {c_label}", up="../../",
                                  intro=f"Het aanbod voor de trede {escape_text(step.name)} met {what} {escape_text(c_label)}. "
                                        "Gesloten aanbod staat hier niet bij. [Terug naar de ecosysteemkaart](../index.md)",
                                  instruments=items)


def write_ecosystem(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """PAGE_STEP: /ecosysteem/ (the matrices), /ecosysteem/gemeenten/ and a list page per filled cell."""
    return EcosystemWriter(dataset, docs_dir, today, settings).write()
