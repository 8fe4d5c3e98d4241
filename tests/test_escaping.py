"""Defence in depth: even text that slipped past validation is shown as text, never run."""
from __future__ import annotations

from repo_paths import ROOT, TODAY
from sitegen.build_site import write_all_pages
from sitegen.engine.mkdocs_build import build_html
from sitegen.data.settings import SiteSettings

PAYLOADS = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>']


def test_xss_payloads_in_every_text_field_are_escaped(dataset, tmp_path):
    import copy
    d = copy.copy(dataset)
    payload = " ".join(PAYLOADS)
    p = dataset.partners_by_id["ibdo"].model_copy(update={"name": "IBDO " + payload, "description": payload,
                                                          "former_names": [payload]})
    i = dataset.instruments[0]
    i2 = i.model_copy(update={"name": "Instrument " + payload, "description": payload, "target_group": payload,
                              "cost": payload, "status_note": payload})
    d.partners = [p if x.id == "ibdo" else x for x in dataset.partners]
    d.instruments = [i2] + dataset.instruments[1:]
    d.__post_init__()
    docs = tmp_path / "docs"
    import shutil
    shutil.copytree(ROOT / "content", docs)
    write_all_pages(d, docs, TODAY, SiteSettings())
    site = tmp_path / "site"
    build_html(ROOT / "mkdocs.yml", docs, site)
    for page in (site / "partners" / "ibdo" / "index.html", site / "instrumenten" / i.id / "index.html",
                 site / "partners" / "index.html", site / "instrumenten" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html and "<svg onload" not in html, page
        assert "&lt;script&gt;" in html, page
