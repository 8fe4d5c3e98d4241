"""The trend of one indicator as an SVG bar chart, in the scan result's style (scan_core.svg).

One bar per quarter. A suppressed quarter gets no bar, only its label "<5" (never a height that
would show the hidden number). <title> and <desc> carry every value; the table beside the chart
is the accessible truth. Presentation attributes only, no style attributes (the page policy).
"""
from __future__ import annotations

from scan_core.svg import DARK, LIGHT, TEXT, escape

from sitegen.pages.monitor_figures import Count, shown, spoken
from sitegen.data.monitor import is_suppressed


def trend_svg(ident: str, title: str, points: list[tuple[str, Count]], width_per_bar: int = 64,
              height: int = 120) -> str:
    """points: (quarter label, count) oldest first."""
    top, label_h = 18, 18
    numbers = [v for _, v in points if not is_suppressed(v)]
    peak = max(numbers, default=0) or 1
    bar_area = height - top - label_h
    width = max(1, len(points)) * width_per_bar
    body = [f'<line x1="0" y1="{top + bar_area}" x2="{width}" y2="{top + bar_area}" stroke="{LIGHT}" stroke-width="2"/>']
    for n, (quarter, value) in enumerate(points):
        x = n * width_per_bar + 8
        w = width_per_bar - 16
        centre = x + w / 2
        if is_suppressed(value):
            y_text = top + bar_area - 4
        else:
            h = round(bar_area * value / peak)
            body.append(f'<rect x="{x}" y="{top + bar_area - h}" width="{w}" height="{h}" rx="3" fill="{DARK}"/>')
            y_text = top + bar_area - h - 4
        body.append(f'<text x="{centre:g}" y="{y_text}" text-anchor="middle" font-size="12" font-weight="700" '
                    f'fill="{TEXT}">{escape(shown(value))}</text>')
        body.append(f'<text x="{centre:g}" y="{height - 4}" text-anchor="middle" font-size="12" fill="{TEXT}">'
                    f'{escape(quarter)}</text>')
    desc = "; ".join(f"{q}: {spoken(v)}" for q, v in points) + "."
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" class="dd-chart">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
            + "".join(body) + "</svg>")
