"""The monitor pages: /monitor/ (the quarters), /monitor/<jaar>/ (the one-page annual monitor) and a
short section with its own figures on every gemeente page.

Figures come only from data/monitor/<YYYY>-Q<n>.yaml (checked by sitegen.data.monitor): with no
aggregate the pages say so and tell partners how to deliver. No example numbers, ever.
"""
from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from sitegen.data.dataset import Dataset
from sitegen.data.monitor import Aggregate
from sitegen.data.settings import SiteSettings
from sitegen.data.urls import gemeente_url, instrument_url, step_url
from sitegen.pages.markdown import PageWriter, escape_text
from sitegen.pages.monitor_chart import trend_svg
from sitegen.pages.monitor_figures import (GEMEENTE_INDICATORS, INDICATOR_BY_KEY, QUESTIONS, STEP_INDICATORS, block,
                                           instrument_uses, series, share, shown, year_sum)

FOLDER = "monitor"


def _table(caption: str, head: list[str], rows: list[tuple[str, list[str]]]) -> str:
    """An accessible table as one raw HTML block (no blank lines). Cells are already HTML."""
    # A wide table scrolls in its own region, which a keyboard user can reach (tabindex, with a name).
    out = [f'<div class="dd-table" role="region" tabindex="0" aria-label="{html.escape(caption)}">'
           "<table>",
           f"<caption>{html.escape(caption)}</caption>", "<thead><tr>"]
    out += [f'<th scope="col">{html.escape(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for label, cells in rows:
        out.append(f'<tr><th scope="row">{label}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _e(text) -> str:
    return html.escape(str(text))


class MonitorWriter:
    def __init__(self, dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings):
        self.d, self.docs = dataset, docs_dir
        self.pages = PageWriter(dataset, docs_dir, today, settings)
        self.monitor = dataset.monitor
        self.quarters = dataset.monitor.quarters

    # --- pieces shared by the pages ---

    def indicator_table(self, quarters: list[Aggregate], key: str) -> str:
        ind = INDICATOR_BY_KEY[key]
        head = ["Kwartaal", "Aantal"]
        has_of = bool(ind.of_label)
        if has_of:
            head += [f"Van de {ind.of_label}", "Aandeel"]
        if key == "talent":
            head.append("Bedrijven met talent")
        rows = []
        for a in quarters:
            b = block(a, key)
            cells = [_e(shown(b.total))]
            if has_of:
                cells += [_e(shown(b.of)), _e(share(b.total, b.of) or "niet te berekenen")]
            if key == "talent":
                cells.append(_e(shown(b.firms)))
            rows.append((_e(a.quarter), cells))
        return _table(f"{ind.name} per kwartaal", head, rows)

    def target_lines(self, key: str, quarters: list[Aggregate]) -> list[dict]:
        """Targets for this indicator, each with the year's figure beside it (per year in quarters)."""
        out = []
        settings = self.monitor.settings
        for target in (settings.targets if settings else []):
            if target.indicator != key:
                continue
            figures = []
            if target.instrument:
                name = self.d.instruments_by_id[target.instrument].name
                for year in sorted({a.year for a in quarters}):
                    in_year = [a for a in quarters if a.year == year]
                    figures.append(f"{year}: {year_sum(instrument_uses(in_year, target.instrument))} keer gebruikt "
                                   f"({len(in_year)} {'kwartaal' if len(in_year) == 1 else 'kwartalen'})")
                out.append(dict(text=target.text, instrument=name, instrument_href=instrument_url(target.instrument),
                                figures=figures, sources=target.sources))
            else:
                out.append(dict(text=target.text, instrument="", instrument_href="", figures=figures, sources=target.sources))
        return out

    def breakdown_gemeente(self, agg: Aggregate, up: str) -> str:
        rows = []
        for g in self.d.regions.gemeenten:
            cells = [_e(shown(block(agg, k).by_gemeente[g.slug])) for k in GEMEENTE_INDICATORS]
            rows.append((f'<a href="{up}{gemeente_url(g.slug)}">{_e(g.name)}</a>', cells))
        return _table(f"Per gemeente, {agg.quarter}", ["Gemeente"] + [INDICATOR_BY_KEY[k].name for k in GEMEENTE_INDICATORS], rows)

    def breakdown_step(self, agg: Aggregate, up: str) -> str:
        rows = []
        for s in self.d.ladder.steps:
            cells = [_e(shown(block(agg, k).by_step[s.slug])) for k in STEP_INDICATORS]
            rows.append((f'<a href="{up}{step_url(s.slug)}">{_e(s.name)}</a>', cells))
        return _table(f"Per starttrede, {agg.quarter}", ["Starttrede"] + [INDICATOR_BY_KEY[k].name for k in STEP_INDICATORS], rows)

    def instrument_table(self, quarters: list[Aggregate], up: str) -> str:
        used = [i for i in self.d.instruments
                if any(block(a, "instrumenten").by_instrument.get(i.id, 0) != 0 for a in quarters)]
        rows = [(f'<a href="{up}{instrument_url(i.id)}">{_e(i.name)}</a>',
                 [_e(shown(v)) for v in instrument_uses(quarters, i.id)]) for i in used]
        return _table("Gebruik per instrument en kwartaal", ["Instrument"] + [a.quarter for a in quarters], rows)

    def sections(self, quarters: list[Aggregate], ident: str) -> list[dict]:
        """The three questions with their indicators: chart, table and targets."""
        out = []
        for question, indicators in QUESTIONS:
            items = []
            for ind in indicators:
                points = series(quarters, ind.key)
                items.append(dict(ind=ind, table=self.indicator_table(quarters, ind.key),
                                  chart=trend_svg(f"{ident}-{ind.key}", f"{ind.name} per kwartaal", points),
                                  targets=self.target_lines(ind.key, quarters),
                                  year=year_sum([v for _, v in points])))
            out.append(dict(question=question, indicators=items))
        return out

    def definitions(self, quarters: list[Aggregate]) -> list[tuple[str, object]]:
        """The basisniveau definition each quarter used; quarters with the same one are named together."""
        groups: dict[tuple, list[str]] = {}
        for a in quarters:
            b = a.basisniveau
            groups.setdefault((b.question, tuple(b.letters), b.provisional, b.text), []).append(a.quarter)
        return [(", ".join(qs), dict(question=k[0], letters=", ".join(k[1]), provisional=k[2], text=k[3]))
                for k, qs in groups.items()]

    def rules(self, quarters: list[Aggregate]) -> list[str]:
        return list(dict.fromkeys(r for a in quarters for r in a.rules))

    # --- the pages ---

    def write(self) -> list[Path]:
        quarters = self.quarters
        latest = quarters[-1] if quarters else None
        common = self._common(quarters)
        self.pages._write(f"{FOLDER}/index.md", "monitor.md.j2",
                          sections=self.sections(quarters, "kwartaal") if quarters else [],
                          latest=latest, years=self.monitor.years(),
                          by_gemeente=self.breakdown_gemeente(latest, "../") if latest else "",
                          by_step=self.breakdown_step(latest, "../") if latest else "",
                          instruments=self.instrument_table(quarters, "../") if quarters else "", **common)
        for year in self.monitor.years():
            in_year = [a for a in quarters if a.year == year]
            html_body = self.pages.env.get_template("monitor_year.html.j2").render(
                year=year, sections=self.sections(in_year, f"jaar{year}"), **self._common(in_year))
            body = "\n".join(line for line in html_body.splitlines() if line.strip())  # one raw HTML block
            self.pages._write(f"{FOLDER}/{year}.md", "monitor_year.md.j2", year=year, body=body)
        self._gemeente_sections()
        return self.pages.written

    def _common(self, quarters: list[Aggregate]) -> dict:
        settings = self.monitor.settings
        return dict(settings=settings, threshold=settings.threshold if settings else None,
                    quarters=quarters, definitions=self.definitions(quarters), rules=self.rules(quarters),
                    partners=[self.d.partners_by_id[p] for p in dict.fromkeys(x for a in quarters for x in a.partners)],
                    escape_text=escape_text)

    def _gemeente_sections(self) -> None:
        """Append a short 'Monitor' section to each gemeente page (gemeenten/<slug>.md, written by
        sitegen.pages.markdown before this step). Appended, not templated in, so the gemeente page's
        own layout stays with its own template."""
        env = self.pages.env
        template = env.get_template("monitor_gemeente.md.j2")
        for g in self.d.regions.gemeenten:
            page = self.docs / "gemeenten" / f"{g.slug}.md"
            if not page.exists():
                continue
            rows = [(_e(a.quarter), [_e(shown(block(a, k).by_gemeente[g.slug])) for k in GEMEENTE_INDICATORS])
                    for a in self.quarters]
            table = _table(f"Monitor voor {g.name} per kwartaal",
                           ["Kwartaal"] + [INDICATOR_BY_KEY[k].name for k in GEMEENTE_INDICATORS], rows) if rows else ""
            text = template.render(name=g.name, table=table, threshold=self.monitor.settings.threshold
                                   if self.monitor.settings else None, t=escape_text)
            with page.open("a", encoding="utf-8") as f:
                f.write("\n" + text)


def write_monitor(dataset: Dataset, docs_dir: Path, today: date, settings: SiteSettings) -> list[Path]:
    """PAGE_STEP: /monitor/, /monitor/<jaar>/ per year with figures, and the gemeente pages' section."""
    return MonitorWriter(dataset, docs_dir, today, settings).write()
