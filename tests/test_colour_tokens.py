"""One look (issue 16): the site and the scan page take their colours from content/assets/tokens.css,
and every pair of colours that is used together has enough contrast (WCAG 2.2: 4.5:1 for text,
3:1 for focus rings and borders that mark a control)."""
from __future__ import annotations

import re

import pytest
from repo_paths import ROOT

TOKENS = ROOT / "content" / "assets" / "tokens.css"
SITE_CSS = ROOT / "content" / "assets" / "site.css"
SCAN_CSS = ROOT / "widget" / "scan.css"
FAVICON = ROOT / "content" / "assets" / "favicon.svg"
HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")

# (foreground, background, minimum): each pair the site or the scan page draws.
PAIRS = [
    ("text", "background", 4.5),            # body text
    ("text", "surface", 4.5),               # notices, busy panel
    ("text", "attention-surface", 4.5),     # white spots in the ecosystem map
    ("text", "focus-background", 4.5),      # a focused link: dark text on yellow
    ("primary", "background", 4.5),         # links, secondary buttons
    ("primary", "surface", 4.5),
    ("primary-dark", "background", 4.5),    # hovered links
    ("on-primary", "primary", 4.5),         # header, primary buttons
    ("on-primary", "primary-dark", 4.5),
    ("muted", "background", 4.5),           # hints, footer
    ("muted", "surface", 4.5),
    ("error", "background", 4.5),           # error messages
    ("border", "background", 3.0),          # input and radio borders (WCAG 1.4.11)
    ("focus-outline", "background", 3.0),   # focus ring
    ("focus-outline", "focus-background", 3.0),
]


def tokens() -> dict[str, str]:
    css = TOKENS.read_text(encoding="utf-8")
    return {name: value.lower() for name, value in re.findall(r"--dd-color-([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", css)}


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("foreground,background,minimum", PAIRS)
def test_each_pair_of_tokens_has_enough_contrast(foreground, background, minimum):
    colours = tokens()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, (f"--dd-color-{foreground} op --dd-color-{background}: contrast {ratio:.2f}, "
                              f"minstens {minimum} nodig. Kies in {TOKENS.name} een donkerder of lichter kleur.")


def test_every_token_is_checked_in_some_pair():
    used = {name for pair in PAIRS for name in pair[:2]}
    assert set(tokens()) == used


def test_site_and_scan_page_take_their_colours_from_the_tokens():
    """No colour of their own: a hex value in site.css or in the scan's :root would be a second source."""
    assert HEX.findall(SITE_CSS.read_text(encoding="utf-8")) == []
    scan = SCAN_CSS.read_text(encoding="utf-8")
    assert '@import "../content/assets/tokens.css"' in scan
    screen = scan.split("@media print")[0]  # print is black on white on purpose
    assert HEX.findall(screen) == []


def test_the_favicon_has_the_primary_colour():
    assert tokens()["primary"] in FAVICON.read_text(encoding="utf-8").lower()


def test_the_built_pages_load_the_tokens(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/tokens.css"' in home
    assert home.index("assets/tokens.css") < home.index("assets/site.css")
    scan_page = (built_site / "scan" / "index.html").read_text(encoding="utf-8")
    assert f"--dd-color-primary: {tokens()['primary']}" in scan_page
    assert "stylesheets/palette." not in home, "Material's palette.css: the colours come from the tokens"
