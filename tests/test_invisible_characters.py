"""Invisible characters (issue 26, finding 6): refused in every field of every data file, in
`check` and through the change form, by Unicode category (Cc, Cf and the like), not by a list. Only
a line break and a tab are kept. The message names the field, the character's code and its name."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pydantic import ValidationError

from sitegen.data.data_edits import EditError, apply_request
from sitegen.data.issue_form import Change, ChangeRequest
from sitegen.data.models import Contact, Partner, RegionsFile, Source
from repo_paths import TODAY
from test_apply_issue import apply, issue_body, unchanged
from test_data_errors import PARTNER, append_entry, assert_error, errors_for, line_of

# The issue's list, and more of the same kinds: every one must be refused wherever it stands.
INVISIBLE = [
    "\u2066", "\u2067", "\u2068", "\u2069",          # bidi isolates
    "\U000e0001", "\U000e0041", "\U000e007f",        # tag characters
    "\u00ad", "\u061c", "\u180e",                    # soft hyphen, Arabic letter mark, Mongolian vowel separator
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff",
    "\u202a", "\u202e", "\u2060", "\u2064", "\ufff9", "\U0001d173",  # embeddings, override, word joiner, …
    "\x00", "\x07", "\x1b", "\r", "\x7f", "\x85", "\x9b",          # controls (C0, DEL, C1, CSI)
    "\u2028", "\u2029",                              # line and paragraph separator
    "\ue000", "\U000f0000",                          # private use
]
SOURCE = {"document": "000", "lines": "1-5", "quote": "Beleidsaanpak"}
PARTNER_FIELDS = {"id": "testpartner", "name": "Testpartner", "kind": "hub", "description": "Tekst.",
                  "regions": ["drenthe"], "sources": [SOURCE], "last_reviewed": date(2026, 11, 1)}


def test_the_list_is_what_the_categories_say():
    # Not a list of code points: each of these is refused because of its Unicode category.
    assert {unicodedata.category(c) for c in INVISIBLE} <= {"Cc", "Cf", "Co", "Zl", "Zp"}


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize("field", ["name", "description", "website", "kvk", "former_names", "regions", "kind"])
def test_an_invisible_character_is_refused_in_every_partner_field(char, field):
    values = {"name": f"IB{char}DO", "description": f"Wij helpen{char} het mkb.", "website": f"https://ibdo.nl/{char}",
              "kvk": f"1234{char}5678", "former_names": ["Oud", f"Oude{char}naam"], "regions": [f"dren{char}the"],
              "kind": f"hub{char}"}
    with pytest.raises(ValidationError) as caught:
        Partner(**{**PARTNER_FIELDS, field: values[field]})
    message = str(caught.value)
    assert f"U+{ord(char):04X}" in message, message
    if field not in ("former_names", "regions"):  # a list item's message stands at the item's own line
        assert f"'{field}'" in message, message


@pytest.mark.parametrize("char", ["\u2066", "\U000e0041", "\u00ad", "\u200b", "\ufeff"])
def test_nested_fields_are_covered_too(char):
    with pytest.raises(ValidationError):
        Source(url="https://ibdo.nl/", title=f"Titel{char}")
    with pytest.raises(ValidationError):
        Source(document="000", lines="1-5", quote=f"Beleids{char}aanpak")
    with pytest.raises(ValidationError):
        Contact(phone=f"0592{char}123456", sources=[SOURCE])
    with pytest.raises(ValidationError):
        RegionsFile(gemeenten=[{"slug": "emmen", "name": f"Em{char}men", "province": "Drenthe"}], sources=[SOURCE])


def test_a_line_break_and_a_tab_stay_allowed_in_text():
    partner = Partner(**{**PARTNER_FIELDS, "description": "Eerste alinea.\n\nTweede\talinea."})
    assert "\t" in partner.description


def test_the_message_names_the_character_and_says_what_to_do():
    with pytest.raises(ValidationError) as caught:
        Partner(**{**PARTNER_FIELDS, "name": "IBDO\u2066\u00ad"})
    message = str(caught.value)
    assert "U+2066 (LEFT-TO-RIGHT ISOLATE)" in message and "U+00AD (SOFT HYPHEN)" in message
    assert "'name'" in message and "haal het weg" in message


@pytest.mark.parametrize("line, char", [
    ('name: "Test\\u2067partner"', "U+2067 (RIGHT-TO-LEFT ISOLATE)"),
    ('description: "Wij helpen het mkb.\\U000E0041"', "U+E0041 (TAG LATIN CAPITAL LETTER A)"),
    ('website: "https://ibdo.nl/\\u200b"', "U+200B (ZERO WIDTH SPACE)"),
    ('former_names: ["Oude\\u00adnaam"]', "U+00AD (SOFT HYPHEN)"),
])
def test_check_names_the_file_line_field_and_character(data_copy, line, char):
    field = line.split(":")[0]
    in_template = {"name": "name: Testpartner", "description": "description: Een partner die alleen in deze test bestaat."}
    if field in in_template:
        path, first = append_entry(data_copy, "partners.yaml", PARTNER, replace={in_template[field]: line})
    else:
        path, first = append_entry(data_copy, "partners.yaml", PARTNER, extra_lines=[line])
    assert_error(errors_for(data_copy), "partners.yaml", line_of(path, f"{field}:", first), "[testpartner]",
                 f"'{field}'", char)


@pytest.mark.parametrize("change", ["name: IBDO\u2066 Drenthe", "target_group: Iedereen\u00ad", "cost: gratis\u200b",
                                    "description: Tekst\U000e0041 met een tag.", "website: https://ibdo.nl/\ufeff"])
def test_the_change_form_refuses_them_through_the_models(data_copy, tmp_path, capsys, change):
    gegeven = "instrumenten/ibdo-intake" if change.split(":")[0] in ("target_group", "cost") else "partners/ibdo"
    code, report = apply(data_copy, issue_body(gegeven=gegeven, wijzigingen=change), tmp_path, capsys)
    assert code == 1, report
    assert unchanged(data_copy)
    # Whatever the form's own parsing refuses first, the model rule alone holds it too:
    field, value = change.split(": ", 1)
    kind, entry_id = ("instruments", "ibdo-intake") if gegeven.startswith("instrumenten") else ("partners", "ibdo")
    request = ChangeRequest(kind=kind, entry_id=entry_id, new=False, changes=[Change(field, value, 1)],
                            source_url="https://www.voorbeeld.nl/pagina", source_title="Een pagina")
    with pytest.raises(EditError) as caught:
        apply_request(request, data_copy, TODAY)
    assert "U+" in str(caught.value), caught.value
