"""The GitHub Actions workflows: linted with actionlint, and every command they call is run here.

The workflows cannot run on this machine, so each `run:` line is either a make target that must
exist, a `build.py` command that is run for real on a copy of the data, or a known tool.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from repo_paths import ROOT, TODAY

WORKFLOWS = ROOT / ".github" / "workflows"
BUILD_PY = re.compile(r"\.venv/bin/python build\.py([^)>|\"\n]*)")
KNOWN_TOOLS = ("make", ".venv/bin/python build.py", "apt-get", "gh ", "echo ", "number=", "if ", "elif ",
               "else", "fi", "then")


def workflows() -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(WORKFLOWS.glob("*.yml"))}


def triggers(wf: dict) -> dict:
    return wf.get("on") or wf.get(True)  # PyYAML reads the key `on` as True


def run_blocks() -> list[tuple[str, str]]:
    return [(name, step["run"]) for name, wf in workflows().items() for job in wf["jobs"].values()
            for step in job.get("steps", []) if "run" in step]


def uses(wf: dict) -> list[str]:
    return [step["uses"] for job in wf["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else (shutil.which("actionlint") or "")


def test_actionlint_finds_nothing():
    exe = actionlint()
    assert exe, "actionlint ontbreekt: installeer requirements.txt (make setup)"
    result = subprocess.run([exe, "-no-color", *sorted(str(p) for p in WORKFLOWS.glob("*.yml"))],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_would_catch_a_mistake(tmp_path):
    """The lint can fail: a job that needs a job that does not exist is reported."""
    broken = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8").replace("needs: gegevens", "needs: bestaat-niet", 1)
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    result = subprocess.run([actionlint(), "-no-color", str(tmp_path / "broken.yml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1 and "bestaat-niet" in result.stdout


# A tag can be moved to other code; a commit SHA cannot (issue 14 §8). The tag stays in a comment
# so that a person can read which release it is.
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<rest>.*)$")


def test_every_action_is_pinned_by_a_full_commit_sha_with_its_tag_in_a_comment():
    found = 0
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not re.match(r"^\s*(?:-\s+)?uses:", line):
                continue
            m = PINNED.match(line)
            assert m, f"{path.name}:{n}: 'uses:' zonder @versie: {line.strip()}"
            assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), \
                f"{path.name}:{n}: {m['action']} is vastgezet op '{m['ref']}', niet op een volledige commit-SHA"
            assert re.fullmatch(r"\s+#\s*v\d+(?:\.\d+)*\s*", m["rest"]), \
                f"{path.name}:{n}: zet de tag als commentaar achter de SHA, bijv. '# v5.1.0'"
            found += 1
    assert found >= 6


def test_every_checkout_leaves_no_credentials_behind():
    checkouts = [(name, step) for name, wf in workflows().items() for job in wf["jobs"].values()
                 for step in job.get("steps", []) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for name, step in checkouts:
        assert (step.get("with") or {}).get("persist-credentials") is False, \
            f"{name}: actions/checkout zonder 'persist-credentials: false'"


def test_when_each_workflow_runs():
    wf = workflows()
    assert "pull_request" in triggers(wf["pull-request.yml"])
    publish = triggers(wf["publish.yml"])
    assert publish["push"]["branches"] == ["main"]
    assert re.fullmatch(r"\d+ \d+ \* \* \*", publish["schedule"][0]["cron"])  # daily: closed subsidies drop off
    assert re.fullmatch(r"\d+ \d+ 1 \* \*", triggers(wf["stale.yml"])["schedule"][0]["cron"])  # monthly


def test_pull_requests_get_annotations_a_strict_build_tests_and_a_preview():
    wf = workflows()["pull-request.yml"]
    runs = " ".join(step.get("run", "") for job in wf["jobs"].values() for step in job["steps"])
    assert "build.py check --format github" in runs
    assert "make site" in runs and "make test" in runs
    upload = next(step for step in wf["jobs"]["site"]["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    assert "--out site" in (ROOT / "Makefile").read_text(encoding="utf-8")  # make site writes there
    assert "strict: true" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_publishing_deploys_the_built_site_to_pages():
    wf = workflows()["publish.yml"]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses(wf))
    assert any(u.startswith("actions/deploy-pages@") for u in uses(wf))
    assert wf["jobs"]["publiceren"]["permissions"] == {"pages": "write", "id-token": "write"}


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z][\w.-]*):", text, re.M))


def test_every_run_line_is_a_known_command():
    for name, block in run_blocks():
        for line in (l.strip() for l in block.splitlines() if l.strip()):
            assert line.startswith(KNOWN_TOOLS), f"{name}: onbekend commando {line!r}; voeg er een test voor toe"
            if line.startswith("make "):
                target = line.split()[1]
                assert target in makefile_targets(), f"{name}: make {target} bestaat niet"
                dry = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True)
                assert dry.returncode == 0, dry.stderr


def build_py_calls() -> list[list[str]]:
    return [m.group(1).split() for _, block in run_blocks() for m in BUILD_PY.finditer(block)]


def test_every_build_py_call_runs_on_good_data(data_copy):
    calls = build_py_calls()
    assert {c[0] for c in calls} == {"check", "stale"}
    for args in calls:
        result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "--date", TODAY.isoformat(), *args],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, (args, result.stderr)
        assert "::error" not in result.stdout


def test_check_in_github_format_annotates_the_yaml_line(data_copy):
    path = data_copy / "instruments.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if re.match(r"\s+status: open\s*$", line))
    lines[n] = lines[n].replace("status: open", "status: misschien")
    path.write_text("".join(lines), encoding="utf-8")
    result = subprocess.run([sys.executable, "build.py", "--data", str(data_copy), "--date", TODAY.isoformat(),
                             "check", "--format", "github"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    annotations = [l for l in result.stdout.splitlines() if l.startswith("::error ")]
    assert len(annotations) == 1
    assert annotations[0].startswith(f"::error file=data/instruments.yaml,line={n + 1},col=")
    assert "misschien" in annotations[0] and "kies uit" in annotations[0]
    assert "De gegevens kloppen nog niet" in result.stderr  # the Dutch report is still in the log


def test_annotation_text_is_escaped():
    from sitegen.data.annotations import github_annotation
    from sitegen.errors import DataError
    line = github_annotation(DataError("data/a,b.yaml", 3, 4, "50% fout\nregel twee", "x"))
    assert line == "::error file=data/a%2Cb.yaml,line=3,col=4,title=Gegevens kloppen niet::[x] 50%25 fout%0Aregel twee"


# --- the monthly issue: run the workflow's own shell step with a stand-in for the gh command ---

FAKE_GH = """#!/bin/sh
echo "$@" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%s' "$FAKE_OPEN_ISSUE"; fi
"""


def issue_step() -> str:
    wf = workflows()["stale.yml"]
    steps = wf["jobs"]["issue"]["steps"]
    return next(s["run"] for s in steps if "gh issue" in s.get("run", ""))


@pytest.mark.parametrize("count, open_issue, expected", [
    ("3", "", "issue create"),
    ("3", "12", "issue edit 12"),
    ("0", "12", "issue close 12"),
    ("0", "", None),
])
def test_monthly_issue_is_opened_updated_or_closed(tmp_path, count, open_issue, expected):
    if not shutil.which("bash"):
        pytest.skip("bash ontbreekt")
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    (tmp_path / "stale.md").write_text("Peildatum: …\n", encoding="utf-8")
    log = tmp_path / "gh.log"
    env = dict(os.environ, PATH=f"{gh.parent}:{os.environ['PATH']}", GH_LOG=str(log), FAKE_OPEN_ISSUE=open_issue,
               COUNT=count, TITLE="Verouderde gegevens", LABEL="verouderd")
    result = subprocess.run(["bash", "-e", "-c", issue_step()], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("label create verouderd")
    issue_calls = [c for c in calls if c.startswith("issue ") and not c.startswith("issue list")]
    if expected is None:
        assert issue_calls == []
    else:
        assert len(issue_calls) == 1 and issue_calls[0].startswith(expected)
        if expected != f"issue close {open_issue}":
            assert "--body-file stale.md" in issue_calls[0]
