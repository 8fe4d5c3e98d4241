"""The real site: what an entrepreneur, an editor and a policy maker find on the built pages."""
from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from repo_paths import DATA, ROOT, TODAY


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def jsonld_blocks(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_build_reports_what_it_did(tmp_path):
    result = subprocess.run([sys.executable, "build.py", "--date", TODAY.isoformat(), "build", "--out", str(tmp_path / "s")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert re.search(r"gegevens gecontroleerd: \d+ partners, \d+ instrumenten", result.stdout)
    assert re.search(r"\d+ pagina's gemaakt", result.stdout)
    assert re.search(r"gebouwd in \d+\.\d s", result.stdout)


def test_every_partner_and_instrument_has_a_page(built_site, dataset):
    for p in dataset.partners:
        assert (built_site / "partners" / p.id / "index.html").exists(), p.id
    for i in dataset.instruments:
        assert (built_site / "instrumenten" / i.id / "index.html").exists(), i.id


def test_entity_pages_stay_out_of_the_navigation_but_overviews_link_them(built_site, dataset):
    home = read(built_site, "index.html")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "partners/ibdo/" not in nav
    overview = read(built_site, "partners/index.html")
    for p in dataset.partners:
        assert f'href="{p.id}/"' in overview, p.id


def test_an_entity_page_is_a_whole_site_page_with_its_own_title(built_site, dataset):
    """Partner and instrument pages skip mkdocs (sitegen/engine/entity_pages.py fills a shell that mkdocs
    built). A visitor must not notice: header, navigation, search, table of contents and skip link
    as on every page, with this page's own title and description."""
    from markdown.extensions.toc import slugify
    p = dataset.partners_by_id["ibdo"]
    page = read(built_site, "partners/ibdo/index.html")
    assert f"<title>{html.escape(p.name)} - Drenthe Digitaal</title>" in page
    assert '<nav class="md-nav md-nav--primary"' in page and 'data-md-component="search"' in page
    assert f'<a href="#{slugify(p.name, "-")}" class="md-skip">' in page
    assert f'<h1 id="{slugify(p.name, "-")}">' in page
    toc = page.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>", 1)[0]
    assert 'href="#aanbod"' in toc and 'href="#bronnen"' in toc
    assert '<h2 id="aanbod">' in page and '<h2 id="bronnen">' in page
    description = html.unescape(re.search(r'<meta name="description" content="([^"]*)"', page).group(1))
    assert description[:60] == p.description[:60]
    i = dataset.instruments_by_id["ibdo-intake"]
    assert f"<title>{html.escape(i.name)} - Drenthe Digitaal</title>" in read(built_site, "instrumenten/ibdo-intake/index.html")


def test_no_page_shell_is_left_and_search_finds_every_entity_page(built_site, dataset):
    assert not [p for p in built_site.rglob("*") if "dd-shell" in p.name]
    assert not [p for p in built_site.rglob("*.html") if "DD-SHELL" in p.read_text(encoding="utf-8")]
    index = json.loads(read(built_site, "search/search_index.json"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for p in dataset.partners:
        assert titles[f"partners/{p.id}/"] == p.name
        assert f"partners/{p.id}/#bronnen" in titles
    for i in dataset.instruments:
        assert titles[f"instrumenten/{i.id}/"] == i.name
    assert not [loc for loc in titles if "dd-shell" in loc]
    ibdo = next(d for d in index["docs"] if d["location"] == "partners/ibdo/#aanbod")
    assert "Intake en eerstelijnsadvies van IBDO" in ibdo["text"]


def test_partner_page_shows_sources_review_date_and_json_ld(built_site, dataset):
    p = dataset.partners_by_id["ibdo"]
    html = read(built_site, "partners/ibdo/index.html")
    assert "Laatst gecontroleerd" in html
    assert "regels" in html  # a seed source with its lines
    org = [b for b in jsonld_blocks(html) if b["@type"] == "Organization"]
    assert org and org[0]["name"] == p.name


def test_a_source_of_one_line_says_regel_not_regels(built_site, dataset):
    one = next(e for e in dataset.partners for s in e.sources if s.lines and "-" not in s.lines)
    line = next(s.lines for s in one.sources if s.lines and "-" not in s.lines)
    page = read(built_site, f"partners/{one.id}/index.html")
    assert re.search(rf"\bregel {line}(?![-\d])", page)
    assert not re.search(rf"\bregels {line}(?![-\d])", page)


def test_instrument_pages_have_json_ld_and_subsidies_are_monetary_grants(built_site, dataset):
    html = read(built_site, "instrumenten/adviesvoucher-mkb-drenthe/index.html")
    assert any(b["@type"] == "MonetaryGrant" for b in jsonld_blocks(html))
    other = next(i for i in dataset.instruments if i.activity_type != "subsidies-en-financiering")
    assert any(b["@type"] == "Service" for b in jsonld_blocks(read(built_site, f"instrumenten/{other.id}/index.html")))


def test_unknown_website_says_onbekend_and_never_shows_a_made_up_address(built_site, dataset):
    without = next(i for i in dataset.instruments if not i.website)
    html = read(built_site, f"instrumenten/{without.id}/index.html")
    assert re.search(r"<dt>Website</dt>\s*<dd>onbekend</dd>", html)


def test_editor_estimate_is_shown(built_site, dataset):
    estimated = next(i for i in dataset.instruments if i.classification == "redactie")
    assert "inschatting van de redactie" in read(built_site, f"instrumenten/{estimated.id}/index.html")


def test_the_in_preparation_subsidy_is_labelled(built_site):
    html = read(built_site, "instrumenten/subsidie-digitale-en-ai-gereedheid/index.html")
    assert "In voorbereiding" in html


def test_edit_link_hidden_while_repository_url_is_empty(built_site):
    for page in ("partners/ibdo/index.html", "instrumenten/ibdo-intake/index.html"):
        html = read(built_site, page)
        assert "Wijzig deze gegevens" not in html and "issues/new" not in html and "/blob/" not in html
        assert "Laat het ons weten</a>" not in html


@pytest.fixture(scope="module")
def owner_site(tmp_path_factory) -> Path:
    """The real site with the settings only the owner fills in: repository and site address."""
    from sitegen.build_site import BuildPaths, build
    tmp = tmp_path_factory.mktemp("owner")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["drenthe"]["repository_url"] = "https://example.org/provincie/drenthe-digitaal"
    config["site_url"] = "https://drenthe.example.org/"
    config["docs_dir"] = str(ROOT / "content")
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])  # our theme overrides
    cfg = tmp / "mkdocs.yml"
    cfg.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(tmp / "site", TODAY, BuildPaths(config_file=cfg), quiet=True, work_dir=tmp / "w")
    return tmp / "site"


def test_edit_link_points_to_the_yaml_line_when_set(owner_site, dataset):
    html = (owner_site / "partners" / "ibdo" / "index.html").read_text(encoding="utf-8")
    file, line = dataset.lines[("partners", "ibdo")]
    assert f'href="https://example.org/provincie/drenthe-digitaal/blob/main/{file}#L{line}"' in html
    # Both ways: the button opens the issue form with this entry filled in; git users get the line.
    form = ("https://example.org/provincie/drenthe-digitaal/issues/new?template=gegevens-wijzigen.yml"
            "&amp;gegeven=partners/ibdo&amp;title=Gegevens%20wijzigen%3A%20Ik%20Ben%20Drents%20Ondernemer%20%28IBDO%29")
    assert f'<a class="md-button" href="{form}">Wijzig deze gegevens</a>' in html
    # Issue 23: the same prefilled form under "Klopt dit niet of weet je meer?"
    assert f'Klopt dit niet of weet je meer? <a href="{form}">Laat het ons weten</a>.' in html
    assert "GitHub-account" in html
    html = (owner_site / "instrumenten" / "ibdo-intake" / "index.html").read_text(encoding="utf-8")
    assert "issues/new?template=gegevens-wijzigen.yml&amp;gegeven=instrumenten/ibdo-intake&amp;title=" in html
    assert html.count("Laat het ons weten</a>") == 1
    assert (DATA / "partners.yaml").read_text(encoding="utf-8").splitlines()[line - 1].strip() == "- id: ibdo"


def test_with_a_site_address_every_entity_page_is_in_the_sitemap_with_its_own_canonical(owner_site, dataset):
    sitemap = (owner_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for p in dataset.partners:
        assert f"https://drenthe.example.org/partners/{p.id}/" in locs, p.id
    for i in dataset.instruments:
        assert f"https://drenthe.example.org/instrumenten/{i.id}/" in locs, i.id
    assert "https://drenthe.example.org/ladder/" in locs
    assert not any("dd-shell" in loc for loc in locs)
    assert gzip.decompress((owner_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    html = (owner_site / "instrumenten" / "ibdo-intake" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://drenthe.example.org/instrumenten/ibdo-intake/">' in html


class _Requests(HTMLParser):
    """Collects every URL a page would load by itself (not links a person clicks)."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"):
            self.loads.append(a["src"])
        if tag == "link" and a.get("href") and a.get("rel") not in ("canonical", "alternate"):
            self.loads.append(a["href"])


def test_no_page_loads_anything_from_another_host(built_site):
    offenders = []
    for page in built_site.rglob("*.html"):
        parser = _Requests()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [(str(page.relative_to(built_site)), url) for url in parser.loads
                      if re.match(r"(?i)^(https?:)?//", url)]
    assert offenders == []
    css = "".join(p.read_text(encoding="utf-8", errors="replace") for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_pages_are_dutch(built_site):
    assert '<html lang="nl"' in read(built_site, "index.html")
    assert (built_site / "search" / "search_index.json").exists()


def test_ladder_pages_show_action_subsidy_and_route(built_site, dataset):
    for step in dataset.ladder.steps:
        html = read(built_site, f"ladder/{step.slug}/index.html")
        assert step.action.split()[0] in html and "Mogelijke subsidie" in html and "Wie helpt je verder" in html


def test_overview_pages_per_theme_activity_and_gemeente(built_site, dataset):
    for t in dataset.ladder.themes:
        assert (built_site / "themas" / t.slug / "index.html").exists()
    for g in dataset.regions.gemeenten:
        assert (built_site / "gemeenten" / g.slug / "index.html").exists()
    assert (built_site / "activiteiten" / "advisering" / "index.html").exists()


def test_hardenberg_overview_has_no_drenthe_only_instrument(built_site, dataset):
    html = read(built_site, "gemeenten/hardenberg/index.html")
    drenthe_only = [i for i in dataset.instruments if "hardenberg" not in dataset.gemeenten_in(i.regions)]
    assert drenthe_only
    for i in drenthe_only:
        assert f"instrumenten/{i.id}/" not in html


def test_schemas_are_in_sync_with_the_models():
    from sitegen.data.schemas import check_schemas
    assert check_schemas() == [], "draai: python build.py schemas"


@pytest.mark.parametrize("name", ["partners", "instruments", "ladder", "regions"])
def test_yaml_files_point_editors_to_their_schema(name):
    first = (DATA / f"{name}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../schemas/{name}.schema.json"
    assert (ROOT / "schemas" / f"{name}.schema.json").exists()


def test_every_link_between_pages_leads_to_a_page(built_site):
    """Long lists and the partner and instrument pages are HTML that mkdocs never checked (DeferredHtml,
    sitegen/engine/entity_pages.py): every relative link to a page must find one."""
    from urllib.parse import urljoin, urlparse
    broken, checked = [], 0
    for page in built_site.rglob("index.html"):
        url = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        for href in re.findall(r'href="([^"#?]*/)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:|^//", href):
                continue
            target = urlparse(urljoin("http://x" + url.replace("//", "/"), href)).path
            checked += 1
            if not (built_site / target.lstrip("/") / "index.html").exists():
                broken.append((url, href))
    assert broken == []
    assert checked > 1000  # the check saw the site's links, not nothing


def test_only_the_page_for_gemeenten_loads_the_configurator(built_site):
    """The configurator script works on /voor-gemeenten/ only; every other page would download it for nothing."""
    loads = sorted(str(page.relative_to(built_site)) for page in built_site.rglob("*.html")
                   if "configurator.mjs" in page.read_text(encoding="utf-8"))
    assert loads == ["voor-gemeenten/index.html"]
