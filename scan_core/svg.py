"""Pure-Python SVG of the ladder position and the answers, with <title> and <desc> for screen readers.

Only presentation attributes (no style attributes), so the scan page's strict CSP allows them.
Colours meet 3:1 against white for graphics (WCAG 1.4.11); text carries the meaning, not colour.
"""
from __future__ import annotations



def escape(text: str) -> str:
    """XML text escaping. Our own four lines, not xml.sax: a trimmed Pyodide stdlib may lack xml."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")

DARK = "#1a4f7a"
LIGHT = "#d9e5ef"
BETWEEN = "#5b87ad"
TEXT = "#1b1b1b"


def _svg(width: int, height: int, ident: str, title: str, desc: str, body: list[str]) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc">'
            f'<title id="{ident}-title">{escape(title)}</title><desc id="{ident}-desc">{escape(desc)}</desc>'
            + "".join(body) + "</svg>")


def ladder_svg(step_names: list[str], phase: int, between: int | None) -> str:
    """Six rising steps; the phase dark, the neighbouring phase medium, the rest light."""
    n, w, gap, unit, top = len(step_names), 96, 6, 22, 14
    height = top + unit * n + 40
    body = []
    for i, name in enumerate(step_names):
        h = unit * (i + 1)
        x, y = i * (w + gap), top + unit * n - h
        fill = DARK if i == phase else BETWEEN if i == between else LIGHT
        body.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="3" fill="{fill}"/>')
        weight = "700" if i in (phase, between) else "400"
        body.append(f'<text x="{x + w / 2:g}" y="{top + unit * n + 18}" text-anchor="middle" font-size="12" '
                    f'font-weight="{weight}" fill="{TEXT}">{escape(name)}</text>')
        if i == phase:
            body.append(f'<text x="{x + w / 2:g}" y="{y - 3}" text-anchor="middle" font-size="12" font-weight="700" '
                        f'fill="{TEXT}">Jij</text>')
    desc = f"Je zit in de fase {step_names[phase]}, trede {phase + 1} van {n}"
    if between is not None:
        desc += f", tussen {step_names[min(phase, between)]} en {step_names[max(phase, between)]}"
    desc += ". De treden zijn: " + ", ".join(step_names) + "."
    return _svg(n * (w + gap) - gap, height, "ladder", "Jouw plek op de digitale volwassenheidsladder", desc, body)


def answers_svg(rows: list[tuple[str, str, int]], step_names: list[str]) -> str:
    """One bar per question, its title above it: the length is the step of the answer (A = 1 … F = 6)."""
    bar_unit, row_h = 60, 42
    width, height = bar_unit * len(step_names) + 30, row_h * len(rows) + 6
    body = []
    for r, (title, letter, step) in enumerate(rows):
        y = 4 + r * row_h
        body.append(f'<text x="0" y="{y + 12}" font-size="12" fill="{TEXT}">{escape(title)}</text>')
        body.append(f'<rect x="0" y="{y + 17}" width="{bar_unit * (step + 1)}" height="16" rx="2" fill="{DARK}"/>')
        body.append(f'<text x="{bar_unit * (step + 1) + 6}" y="{y + 30}" font-size="12" font-weight="700" '
                    f'fill="{TEXT}">{escape(letter)}</text>')
    desc = "; ".join(f"{title}: {letter} ({step_names[step]})" for title, letter, step in rows) + "."
    return _svg(width, height, "antwoorden", "Je antwoorden per vraag", desc, body)


def compare_svg(rows: list[tuple[str, int, int]], step_names: list[str]) -> str:
    """Per question a light bar for then and a dark bar for now (A = 1 … F = 6), letters beside them."""
    unit, row_h = 50, 50
    width, height = unit * len(step_names) + 40, row_h * len(rows) + 6
    body = []
    for r, (title, then, now) in enumerate(rows):
        y = 4 + r * row_h
        body.append(f'<text x="0" y="{y + 12}" font-size="12" fill="{TEXT}">{escape(title)}</text>')
        for k, (step, fill, word) in enumerate(((then, BETWEEN, "toen"), (now, DARK, "nu"))):
            top = y + 17 + k * 14
            body.append(f'<rect x="0" y="{top}" width="{unit * (step + 1)}" height="12" rx="2" fill="{fill}"/>')
            body.append(f'<text x="{unit * (step + 1) + 4}" y="{top + 10}" font-size="11" fill="{TEXT}">'
                        f'{word} {"ABCDEF"[step]}</text>')
    desc = "; ".join(f"{t}: toen {'ABCDEF'[a]}, nu {'ABCDEF'[b]}" for t, a, b in rows) + "."
    return _svg(width, height, "vergelijking", "Je antwoorden toen en nu", desc, body)
