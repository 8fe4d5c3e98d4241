"""Issue 26: the change form cannot be turned against the maintainer who labels it.

What GitHub shows of an issue must be what `apply-issue` applies: anything in the raw body that
GitHub renders differently from how the parser reads it is refused. The answer the bot posts shows
the parsed change as a plain table that cannot become a link, a mention or HTML, and it always fits
in one GitHub comment. The parser does bounded work on any body."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from repo_paths import ROOT
from test_apply_issue import apply, issue_body, unchanged

COMMENT_LIMIT = 65_536  # GitHub's limit for one comment, in characters
IBDO_INTAKE = "instrumenten/ibdo-intake"


def refused(data_copy, tmp_path, capsys, body: str) -> str:
    code, report = apply(data_copy, body, tmp_path, capsys)
    assert code == 1, report
    assert "nog niet verwerkt" in report
    assert unchanged(data_copy)  # nothing half-written
    return report


# --- finding 2: what the maintainer sees is what gets applied -------------------------------------

def test_an_html_comment_cannot_hide_changes(data_copy, tmp_path, capsys):
    """The issue's own example: GitHub shows only 'cost: gratis'."""
    hidden = ("cost: gratis\n<!--\nstatus: gesloten\nwebsite: https://elders.example/ibdo\n"
              "target_group: Iedereen -->")
    report = refused(data_copy, tmp_path, capsys, issue_body(gegeven=IBDO_INTAKE, wijzigingen=hidden))
    assert "<" in report and "HTML" in report


def test_real_sections_hidden_in_a_comment_behind_decoy_headings(data_copy, tmp_path, capsys):
    real = issue_body(gegeven=IBDO_INTAKE, wijzigingen="status: gesloten")
    decoy = issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis")
    refused(data_copy, tmp_path, capsys, decoy + "\n<!--\n" + real + "\n-->\n")


# Lines inside the answer to "Wat moet er veranderen?" that GitHub shows otherwise than they are read.
HIDING = {
    "details": "cost: gratis\n<details>\nstatus: gesloten\n</details>",
    "img": "cost: gratis <img src=x onerror=alert(1)>",
    "closing-tag-only": "cost: gratis </p>",
    "entity-comment": "cost: gratis &lt;!-- status: gesloten --&gt;",
    "numeric-entity": "cost: gratis\nstat&#117;s: gesloten",
    "backslash-escape": "cost: gratis\nstatus\\: gesloten",
    "blockquote": "cost: gratis\n> status: gesloten",
    "setext-heading-equals": "cost: gratis\nWat moet er veranderen?\n====",
    "setext-heading-dashes": "cost: gratis\nBron: webadres\n---",
    "heading-with-leading-spaces": "cost: gratis\n   ### Bron: webadres\nhttps://elders.example/",
    "fullwidth-heading": "cost: gratis\n＃＃＃ Bron: webadres",
    "other-heading": "cost: gratis\n## Samenvatting: alleen de kosten",
    "code-fence": "cost: gratis\n```\nstatus: gesloten\n```",
    "tilde-fence": "cost: gratis\n~~~\nstatus: gesloten",
    "link-reference-definition": "cost: gratis\n[status]: https://elders.example/ gesloten",
    "footnote": "cost: gratis\n[^1]: status gesloten",
    "list-item-field": "cost: gratis\n- status: gesloten",
    "numbered-item-field": "cost: gratis\n1. status: gesloten",
    "bold-field": "cost: gratis\n**status**: gesloten",
    "capital-field": "cost: gratis\nStatus: gesloten",
    "table-underline": "cost: gratis | status\n--- | ---\ngratis | gesloten",
    "zero-width-space": "cost: gratis\u200b",
    "bidi-override": "cost: \u202egratis",
    "bidi-isolate": "cost: gratis\u2066 status: gesloten\u2069",
    "tag-character": "cost: gratis\U000e0041",
    "soft-hyphen": "cost: gra\u00adtis",
    "line-separator": "cost: gratis\u2028status: gesloten",
    "cr-only-break": "cost: gratis\rstatus: gesloten",
    "nul": "cost: gratis\x00",
    "escape-char": "cost: gratis\x1b[8m status: gesloten",
    "hangul-filler": "cost: gratis \u3164",
}


@pytest.mark.parametrize("name", sorted(HIDING))
def test_text_that_github_shows_differently_is_refused(data_copy, tmp_path, capsys, name):
    report = refused(data_copy, tmp_path, capsys, issue_body(gegeven=IBDO_INTAKE, wijzigingen=HIDING[name]))
    assert re.search(r"regel \d+", report), report  # says where


@pytest.mark.parametrize("where", ["gegeven", "bron", "titel", "toelichting"])
def test_hiding_is_refused_in_every_answer_not_only_the_changes(data_copy, tmp_path, capsys, where):
    answers = dict(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis")
    answers[where] = (answers.get(where) or "Een pagina") + " <!--"
    refused(data_copy, tmp_path, capsys, issue_body(**answers))


def test_a_one_line_question_holds_one_line(data_copy, tmp_path, capsys):
    report = refused(data_copy, tmp_path, capsys,
                     issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis",
                                bron="https://www.voorbeeld.nl/pagina\nstatus: gesloten"))
    assert "Bron: webadres" in report


def test_sections_out_of_order_are_refused(data_copy, tmp_path, capsys):
    body = issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis").replace("\r\n", "\n")
    parts = re.split(r"(?m)^(?=### )", body)
    parts[1], parts[2] = parts[2], parts[1]
    refused(data_copy, tmp_path, capsys, "".join(parts))


def test_text_above_the_first_question_is_refused(data_copy, tmp_path, capsys):
    refused(data_copy, tmp_path, capsys,
            "status: gesloten\n\n" + issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis"))


def test_a_javascript_link_is_refused(data_copy, tmp_path, capsys):
    refused(data_copy, tmp_path, capsys,
            issue_body(gegeven=IBDO_INTAKE, wijzigingen="description: Kijk [hier](javascript:alert(1)) voor meer."))


@pytest.mark.parametrize("text", [
    "description: Een lange tekst over het aanbod,\ndie op de volgende regel verder gaat.",
    "description: Zie de pagina\nhttps://www.ibdo.nl/ voor meer.",
    "target_group: Mkb'ers met 2 tot 50 fte (ook zzp)",
])
def test_ordinary_text_still_passes(data_copy, tmp_path, capsys, text):
    code, report = apply(data_copy, issue_body(gegeven=IBDO_INTAKE, wijzigingen=text), tmp_path, capsys)
    assert code == 0, report


# --- the table of the parsed change ----------------------------------------------------------------

def _table(report: str) -> list[list[str]]:
    rows = [l for l in report.splitlines() if l.startswith("|")]
    assert rows[0].startswith("| Veld | Nu | Wordt |") and set(rows[1]) <= set("|-: ")
    return [[c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows[2:]]


def _code_span_text(cell: str) -> str:
    """The text a GFM code span in a table cell shows; fails if the cell is anything else."""
    m = re.fullmatch(r"(`+)(.*?)(`+)", cell)
    assert m and len(m[1]) == len(m[3]), f"geen code span: {cell!r}"
    inner = m[2]
    assert not re.search(rf"(?<!`)`{{{len(m[1])}}}(?!`)", inner), f"code span sluit te vroeg: {cell!r}"
    if inner.startswith(" ") and inner.endswith(" ") and inner.strip():
        inner = inner[1:-1]
    return inner.replace("\\|", "|")


def test_the_answer_shows_old_and_new_value_of_each_field(data_copy, tmp_path, capsys):
    code, report = apply(data_copy, issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis\nstatus: gesloten"),
                         tmp_path, capsys)
    assert code == 0, report
    table = {row[0]: row for row in _table(report)}
    assert _code_span_text(table["`cost`"][1]) == "onbekend" and _code_span_text(table["`cost`"][2]) == "gratis"
    assert _code_span_text(table["`status`"][1]) == "open" and _code_span_text(table["`status`"][2]) == "gesloten"


NASTY_VALUES = [
    "Kijk op https://elders.example/ of www.elders.example",
    "Mail @redactie of spy@elders.example, zie #12",
    "`code` en ``dubbel`` | pijp ```drie```",
    "`",
    "Tekst met ![x](https://elders.example/p.gif) en :smile:",
]


@pytest.mark.parametrize("value", NASTY_VALUES)
def test_values_in_the_table_are_code_spans_that_cannot_become_links_or_mentions(data_copy, tmp_path, capsys, value):
    code, report = apply(data_copy, issue_body(gegeven=IBDO_INTAKE, wijzigingen=f"status_note: {value}"),
                         tmp_path, capsys)
    assert code == 0, report
    table = {row[0]: row for row in _table(report)}
    assert _code_span_text(table["`status_note`"][2]) == value
    outside = re.sub(r"(`+).*?\1", "", report)  # what is left outside code spans
    assert "elders.example" not in outside and "@redactie" not in outside


def test_the_report_of_a_refusal_is_a_code_block_without_links_or_mentions(data_copy, tmp_path, capsys):
    report = refused(data_copy, tmp_path, capsys,
                     issue_body(gegeven="@redactie https://elders.example/ www.elders.example ![x](https://e.example/p.gif)",
                                wijzigingen="status: open"))
    fence = re.search(r"^(~{3,}|`{3,})text$", report, re.M)
    assert fence, report
    block = report[fence.end():report.index("\n" + fence[1] + "\n", fence.end())]
    outside = report.replace(block, "")
    assert "@redactie" in block and "elders.example" not in outside and "@" not in outside


# --- finding 7: bounded work and a report that fits in one comment ---------------------------------

SLOW_INPUTS = {
    "heading-spaces": "### x" + " " * 60_000 + "y",
    "heading-spaces-in-answer": None,  # filled below: the same inside a real body
    "heading-tabs": "###\t" + "\t" * 60_000 + "y",
    "field-line-spaces": None,
    "entity-like": "&" + "a" * 60_000,
    "entry-address": None,
}


def _slow_body(name: str) -> str:
    if name == "heading-spaces-in-answer":
        return issue_body(gegeven=IBDO_INTAKE, wijzigingen="cost: gratis\n### x" + " " * 60_000 + "y")
    if name == "field-line-spaces":
        return issue_body(gegeven=IBDO_INTAKE, wijzigingen="a" + " " * 60_000 + "b")
    if name == "entry-address":
        return issue_body(gegeven="/partners/" + "a" * 30_000 + " " * 30_000 + "x", wijzigingen="cost: gratis")
    return SLOW_INPUTS[name]


@pytest.mark.parametrize("name", sorted(SLOW_INPUTS))
def test_a_slow_input_is_answered_in_bounded_time(tmp_path, name):
    """The one time limit the issue asks for: generous (20 s) for a busy machine; the quadratic
    heading regex took 30 s on the first input, linear code takes well under a second."""
    (tmp_path / "issue.md").write_text(_slow_body(name), encoding="utf-8")
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
            "from sitegen.data.issue_form import FORM_FILE, FormError, parse_request\n"
            "try:\n    parse_request(Path(sys.argv[2]).read_text(encoding='utf-8'), Path(sys.argv[1]) / FORM_FILE)\n"
            "except FormError as exc:\n    print(len(exc.problems))\n")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT), str(tmp_path / "issue.md")],
                            capture_output=True, text=True, timeout=20)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("line", ["<", "#", "\u200b", "!"])
def test_thirty_thousand_bad_lines_give_one_comment_with_a_count(data_copy, tmp_path, capsys, line):
    """30,000 short bad lines fit in GitHub's limit for the issue body; the answer must fit too."""
    bad = "cost: gratis\n" + "\n".join([line] * 30_000)
    report = refused(data_copy, tmp_path, capsys, issue_body(gegeven=IBDO_INTAKE, wijzigingen=bad))
    assert len(report) < COMMENT_LIMIT - 1_000  # room for the line the workflow adds
    m = re.search(r"en nog (\d{1,3}(?:\.\d{3})*) andere problemen", report)
    assert m, report[-500:]
    shown = len(re.findall(r"^- ", report, re.M))
    assert shown + int(m[1].replace(".", "")) >= 30_000


def test_the_count_uses_the_dutch_thousands_separator():
    from sitegen.data.github_text import capped
    assert capped([f"p{n}" for n in range(2_763)], 50)[-1] == "en nog 2.713 andere problemen"
    assert capped(["a", "b"], 50) == ["a", "b"]
