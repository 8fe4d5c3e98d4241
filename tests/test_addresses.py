"""Addresses are what they look like (issue 26, findings 4 and 5): one rule for every web address
and e-mail address in the data (sitegen.data.urls, parsed by the WHATWG URL parser that browsers
follow), every mailto: encoded, and the exports carry nothing else."""
from __future__ import annotations

import dataclasses
import json
import subprocess
from datetime import date

import pytest
from ada_url import URL
from pydantic import ValidationError

from repo_paths import ROOT, TODAY
from sitegen.data.editor_text import link_problem, problems
from sitegen.data.models import Contact, Instrument, Partner, Source
from sitegen.data.urls import email_problem, is_web_address, mailto, web_address, web_address_problem
from test_data_errors import PARTNER, append_entry, assert_error, errors_for, line_of

SOURCE = {"document": "000", "lines": "1-5", "quote": "Beleidsaanpak"}
PARTNER_FIELDS = {"id": "testpartner", "name": "Testpartner", "kind": "hub", "description": "Tekst.",
                  "regions": ["drenthe"], "sources": [SOURCE], "last_reviewed": date(2026, 11, 1)}

# Web addresses a browser opens somewhere else than a reader (or Python) thinks, or that are no URI.
HOSTILE_URLS = [
    'https://x.nl/"><svg/onload=alert(1)>',        # the issue's: verbatim into JSON, CSV, HSDS url
    "https://elders.example\\@x.nl/",              # the issue's: Python reads x.nl, a browser elders.example
    "https://x.nl:80@evil.example/",                # userinfo: goes to evil.example
    "https://ibdo.nl@evil.example/",
    "https://user:pass@ibdo.nl/",
    "https:/\\evil.example/",                       # a browser reads https://evil.example/
    "https:\\\\evil.example/",
    "https:evil.example/",
    "https:///evil.example/",
    "HTTPS://WWW.IBDO.NL/",                         # not as the parser writes it
    "https://www.IBDO.nl/",
    "https://%65vil.example/",                      # percent-encoded host
    "https://ibdo.nl./",                            # trailing dot: another origin that looks the same
    "https://xn--pple-43d.com/",                    # punycode of a Cyrillic homograph
    "https://аpple.com/",                           # the homograph itself (Cyrillic а)
    "https://127.0.0.1/", "https://0x7f.1/", "https://2130706433/", "https://[::1]/",  # IP literals
    "https://localhost/", "https://intranet/",      # one label: no public domain
    "https://ibdo.nl:8443/",                        # a port
    "https://ibdo.nl:443/",                         # default port: the parser drops it
    "https://ibdo.nl/a b", "https://ibdo.nl/a\tb", "https://ibdo.nl/a\nb", "https://ib\tdo.nl/",
    "https://ibdo.nl/<script>", "https://ibdo.nl/{x}", "https://ibdo.nl/a|b", "https://ibdo.nl/`x`",
    "https://ibdo.nl/\u202eexe.txt", "https://ibdo.nl/\u200b", "https://ibdo.nl/\x00",
    "https://ibdo.nl/./a", "https://ibdo.nl/a/../b", "https://ibdo.nl/%2e%2e/",  # dot segments
    "http://ibdo.nl/", "javascript:alert(1)", "//evil.example/", "ftp://ibdo.nl/", "www.ibdo.nl",
    "https://-ibdo.nl/", "https://ibdo-.nl/", "https://ib_do.nl/",
    "https://" + "a" * 64 + ".nl/",                 # a label over 63 characters
    "https://ibdo.nl/" + "a" * 2000,
]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_hostile_web_address_is_refused_in_every_address_field(url):
    assert web_address_problem(url), url
    with pytest.raises(ValidationError):
        Partner(**PARTNER_FIELDS, website=url)
    with pytest.raises(ValidationError):
        Source(url=url, title="Titel")
    with pytest.raises(ValidationError):
        Contact(page=url, sources=[SOURCE])
    instrument = {"id": "i", "name": "I", "partner": "ibdo", "activity_type": "advisering", "description": "T.",
                  "steps": ["funderen"], "target_group": "Mkb", "regions": ["drenthe"], "status": "open",
                  "sources": [SOURCE], "last_reviewed": date(2026, 11, 1)}
    with pytest.raises(ValidationError):
        Instrument(**instrument, website=url)


@pytest.mark.parametrize("url", ["https://www.ikbendrentsondernemer.nl/", "https://www.rvo.nl",
                                 "https://www.snn.nl/subsidies?regio=drenthe&x=1#aanvragen",
                                 "https://ibdo.nl/pagina-met-%C3%A9", "https://a-b.example.nl/~x/(1)/"])
def test_a_good_address_is_stored_as_the_browser_reads_it(url):
    stored = Partner(**PARTNER_FIELDS, website=url).website
    assert stored == URL(url).href  # what Python keeps is what a browser opens
    assert URL(stored).hostname == url.split("/")[2]
    assert is_web_address(stored)


def test_the_message_says_what_a_browser_reads_and_what_to_write():
    assert "https://x.nl/" in web_address_problem("HTTPS://X.nl/")
    message = web_address_problem("https://x.nl:80@evil.example/")
    assert "evil.example" in message and "schrijf" in message
    assert "\\" in web_address_problem("https://elders.example\\@x.nl/")


def test_check_refuses_a_hostile_website_at_its_line(data_copy):
    path, first = append_entry(data_copy, "partners.yaml", PARTNER,
                               extra_lines=['website: "https://elders.example\\\\@x.nl/"'])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, "website:", first),
                 "[testpartner]", "geen geldig webadres", "\\")


# E-mail addresses (finding 4): a hidden extra recipient, and more of the same.
HOSTILE_EMAILS = [
    "spy%40elders.example%2Cintake@ibdo.nl",   # the issue's
    "spy@elders.example,intake@ibdo.nl", "intake@ibdo.nl,spy@elders.example", "intake@ibdo.nl;spy@x.nl",
    "intake@ibdo.nl?cc=spy@elders.example", "intake@ibdo.nl&bcc=spy@x.nl", "intake@ibdo.nl%3Fcc%3Dspy",
    '"spy@elders.example"@ibdo.nl', "spy%2540x.nl@ibdo.nl", "in take@ibdo.nl", "intake@ibdo.nl\nBcc: spy@x.nl",
    "intake@ibdo.nl\u202e", "in\u200btake@ibdo.nl", "intake@IBDO.NL", "intake@ibdo.nl.", "intake@[127.0.0.1]",
    "intake@127.0.0.1", "intake@localhost", "intake@xn--pple-43d.com", "intake@аpple.com", ".intake@ibdo.nl",
    "in..take@ibdo.nl", "@ibdo.nl", "intake@", "intake", "a" * 120 + "@ibdo.nl",
]


@pytest.mark.parametrize("email", HOSTILE_EMAILS)
def test_a_hostile_email_address_is_refused(email):
    assert email_problem(email), email
    with pytest.raises(ValidationError):
        Contact(email=email, sources=[SOURCE])


@pytest.mark.parametrize("email", ["intake@ibdo.nl", "info@ikbendrentsondernemer.nl", "j.de-vries+scan@a-b.nl"])
def test_an_ordinary_email_address_passes(email):
    assert Contact(email=email, sources=[SOURCE]).email == email


# Every mailto: encodes each part (Python, the widget, and links in editors' text).
def test_mailto_encodes_address_subject_and_body():
    href = mailto("intake@ibdo.nl", "Uitkomst: fase A & B", "Regel 1\nbcc=spy@x.nl&cc=a@b.nl?")
    assert href == ("mailto:intake@ibdo.nl?subject=Uitkomst%3A%20fase%20A%20%26%20B"
                    "&body=Regel%201%0Abcc%3Dspy%40x.nl%26cc%3Da%40b.nl%3F")
    with pytest.raises(ValueError):
        mailto("spy%40elders.example%2Cintake@ibdo.nl")


def _node(script: str) -> str:
    return subprocess.run(["node", "--input-type=module", "-e", script], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=60).stdout


def test_the_widget_mailto_encodes_every_part_and_drops_a_bad_address():
    out = json.loads(_node("""
        import { mailtoHref } from "./widget/lib/handoff.mjs";
        console.log(JSON.stringify([
          mailtoHref("intake@ibdo.nl", "Fase: A & B", "x\\n&cc=spy@x.nl"),
          mailtoHref("spy%40elders.example%2Cintake@ibdo.nl", "s", "b"),
          mailtoHref("spy@elders.example,intake@ibdo.nl", "s", "b"),
          mailtoHref("intake@ibdo.nl?cc=spy@x.nl", "s", "b"),
          mailtoHref("intake@xn--pple-43d.com", "s", "b"),
        ]));"""))
    assert out[0] == "mailto:intake@ibdo.nl?subject=Fase%3A%20A%20%26%20B&body=x%0A%26cc%3Dspy%40x.nl"
    assert all(href.startswith("mailto:?subject=s&body=b") for href in out[1:]), out


@pytest.mark.parametrize("link", [
    "mailto:spy%40elders.example%2Cintake@ibdo.nl", "mailto:spy@elders.example,intake@ibdo.nl",
    "mailto:intake@ibdo.nl?cc=spy@elders.example", "mailto:intake@ibdo.nl?bcc=spy@x.nl",
    "mailto:intake@ibdo.nl%3Fcc=spy@x.nl", "mailto:", "mailto:?to=spy@x.nl",
    "https://elders.example\\@x.nl/", "https://x.nl:80@evil.example/", "https:/\\evil.example/",
    "https://%65vil.example/", "https://127.0.0.1/",
])
def test_a_link_in_editors_text_follows_the_same_address_rules(link):
    assert link_problem(link), link
    assert problems(f"Mail ons via [dit adres]({link}).")


def test_an_ordinary_mailto_link_in_editors_text_passes():
    assert link_problem("mailto:intake@ibdo.nl") is None
    assert problems("Mail [IBDO](mailto:intake@ibdo.nl) of kijk op [de site](https://www.rvo.nl).") == []


# The exports check what comes out, not only what went in.
@pytest.mark.parametrize("field, value", [
    ("website", 'https://x.nl/"><svg/onload=alert(1)>'),
    ("website", "https://elders.example\\@x.nl/"),
    ("website", "HTTPS://X.NL"),
])
def test_an_export_refuses_an_address_that_got_past_the_model(dataset, field, value):
    from sitegen.errors import BuildError
    from sitegen.exports.open_data import export_files
    from sitegen.data.settings import SiteSettings
    bad = dataset.partners[0].model_copy(update={field: value})  # model_copy skips validation
    broken = dataclasses.replace(dataset, partners=[bad, *dataset.partners[1:]])
    with pytest.raises(BuildError) as caught:
        export_files(broken, TODAY, SiteSettings())
    assert "geen geldig https-adres" in str(caught.value) and "partners[0].website" in str(caught.value)


def test_an_export_refuses_a_hostile_contact_email_and_source_url(dataset):
    from sitegen.exports.open_data import address_problems
    record = {"contact": {"email": "spy%40x.nl%2Cintake@ibdo.nl", "page": "https://x.nl/a b"},
              "sources": [{"url": "https://x.nl:80@evil.example/"}], "page": "partners/ibdo/"}
    found = address_problems([record], "partners")
    assert len(found) == 3, found  # the record's own site-relative "page" is not an address


def test_every_address_in_the_real_exports_is_as_a_browser_reads_it(dataset):
    from sitegen.exports.open_data import address_problems, export_files
    from sitegen.data.settings import SiteSettings
    files = export_files(dataset, TODAY, SiteSettings())
    for name, text in files.items():
        if name.endswith(".json"):
            assert address_problems(json.loads(text), name) == [], name
    services = json.loads(files["hsds/services.json"])
    assert all(is_web_address(s["url"]) for s in services if "url" in s)


def test_a_bare_origin_in_the_data_is_stored_with_its_slash(dataset):
    websites = [p.website for p in dataset.partners if p.website] + [i.website for i in dataset.instruments if i.website]
    assert websites and all(w == web_address(w) and URL(w).href == w for w in websites)


# The share link (finding 9): only the parameters the page accepted, in the link and the mail body.
def test_the_share_link_carries_only_what_the_page_accepted():
    out = json.loads(_node("""
        import { applyTheme } from "./widget/lib/embedding.mjs";
        import { shareUrl } from "./widget/lib/actions.mjs";
        import { mailBody } from "./widget/lib/handoff.mjs";
        console.warn = () => {};
        const set = {};
        const root = { style: { setProperty: (name, value) => { set[name] = value; } } };
        const where = { origin: "https://scan.example", pathname: "/scan/" };
        const hostile = new URLSearchParams("font=x;}body{background:url(https://evil.example/)}&accent=%23ffff00"
          + "&color=%23000000&gemeente=emmen&parent=https://evil.example&embed=1&heading=2&evil=%3Cscript%3E");
        const applied = applyTheme(hostile, root);
        const link = shareUrl("v1.CCBCDCC", { ...applied, gemeente: "emmen" }, where);
        const good = applyTheme(new URLSearchParams("font=Georgia, serif&accent=%238a1538"), root);
        console.log(JSON.stringify({ applied, link, body: mailBody({ summary: "" }, link),
          good: shareUrl("v1.A", good, where), none: shareUrl("v1.A", {}, where) }));"""))
    assert out["applied"] == {"color": "#000000"}  # the font and the low-contrast accent were refused
    assert out["link"] == "https://scan.example/scan/?gemeente=emmen&color=%23000000#v1.CCBCDCC"
    for refused in ("font", "body", "evil", "accent", "parent", "embed", "heading", "script"):
        assert refused not in out["link"] and refused not in out["body"], refused
    assert out["good"] == "https://scan.example/scan/?accent=%238a1538&font=Georgia%2C+serif#v1.A"
    assert out["none"] == "https://scan.example/scan/#v1.A"


def test_an_encoded_query_of_a_prefilled_form_is_a_good_link_and_an_encoded_scheme_is_not():
    """Our own 'Klopt dit niet?' link carries its title %-encoded; that cannot change where it goes."""
    from sitegen.data.editor_text import link_problem
    assert link_problem("https://github.example/o/r/issues/new?template=gegevens-wijzigen.yml"
                        "&gegeven=partners/ibdo&title=Gegevens%20wijzigen%3A%20IBDO%20%7C%20x") is None
    for bad in ("jav%61script:alert(1)", "&#106;avascript:alert(1)", "%2F%2Felders.example/", "https://%65lders.example/"):
        assert link_problem(bad), bad
