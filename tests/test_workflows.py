"""The GitHub Actions workflows: linted with actionlint, and every command they call is run here.

The workflows cannot run on this machine, so each `run:` line is either a make target that must
exist, a `build.py` command that is run for real on a copy of the data, or a known tool.
"""
from __future__ import annotations

import json
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
               "else", "fi", "then", "git ", "printf ", "cat ", "url=", "permission=")


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
    assert exe, "actionlint ontbreekt: installeer requirements.lock (make setup)"
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
    assert {c[0] for c in calls} == {"check", "stale", "apply-issue"}
    for args in (c for c in calls if c[0] != "apply-issue"):  # apply-issue: see the issue-form tests below
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
    line = github_annotation(DataError("data/a,b.yaml", 3, 4, "50% fout\rregel twee", "x"))
    # A line break from the data is shown escaped (DataError), so the annotation stays one line.
    assert line == "::error file=data/a%2Cb.yaml,line=3,col=4,title=Gegevens kloppen niet::[x] 50%25 fout\\rregel twee"


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


# --- the issue form: an editor's label turns an issue into a pull request (issue-form.yml) ---

def test_no_expression_reaches_a_run_line():
    """`${{ … }}` inside `run:` is pasted into the script before the shell reads it: issue text there
    would run as a command. Values go through `env:` instead."""
    for name, block in run_blocks():
        assert "${{" not in block, f"{name}: zet de waarde in env: en gebruik \"$NAAM\" in run:"


def test_no_secret_beyond_the_workflow_token():
    for path in WORKFLOWS.glob("*.yml"):
        assert "secrets." not in path.read_text(encoding="utf-8"), path.name


def test_the_issue_workflow_runs_on_the_editors_label_with_the_least_permissions():
    wf = workflows()["issue-form.yml"]
    assert triggers(wf) == {"issues": {"types": ["labeled"]}}
    assert wf["permissions"] == {}
    job = wf["jobs"]["verwerken"]
    assert job["if"] == "github.event.label.name == 'verwerken'"
    assert job["permissions"] == {"contents": "write", "pull-requests": "write", "issues": "write"}
    body_steps = [s for s in job["steps"] if "github.event.issue.body" in str(s)]
    assert len(body_steps) == 1 and body_steps[0]["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    runs = " ".join(s.get("run", "") for s in job["steps"])
    assert "build.py check" in runs  # a pull request opened with GITHUB_TOKEN starts no other workflow


# A stand-in for gh: it records each call and answers from the fixtures in its environment. For
# `pr list` it returns FAKE_PRS (JSON), which in the tests below holds a PR from a fork with the bot's
# branch name: the workflow must never refer to it.
FAKE_GH_PR = """#!/bin/sh
echo "$@" >> "$GH_LOG"
env | grep -q '^GH_TOKEN=' && echo "token: $1 $2" >> "$GH_LOG.token"
case "$1 $2" in
  "api repos/"*) printf '%s\\n' "$FAKE_PERMISSION" ;;
  "pr list") cat "$FAKE_PRS" ;;
  "pr create") echo "https://github.example/drenthe/drenthe-digitaal/pull/31" ;;
  "issue comment") shift 3; cat "$2" >> "$GH_COMMENT" ;;
esac
"""

FORK_PR = {"number": 66, "url": "https://github.example/drenthe/drenthe-digitaal/pull/66",
           "headRefName": "gegevens/issue-7", "isCrossRepository": True,
           "headRepositoryOwner": {"login": "aanvaller"}, "author": {"login": "aanvaller", "is_bot": False}}
OWN_PR = {"number": 12, "url": "https://github.example/drenthe/drenthe-digitaal/pull/12",
          "headRefName": "gegevens/issue-7", "isCrossRepository": False,
          "headRepositoryOwner": {"login": "drenthe"}, "author": {"login": "app/github-actions", "is_bot": True}}
EDITORS_PR = {**OWN_PR, "number": 13, "url": "https://github.example/drenthe/drenthe-digitaal/pull/13",
              "author": {"login": "een-redacteur", "is_bot": False}}


def _repo_copy(tmp_path: Path) -> Path:
    """A git checkout of what the workflow needs, with a bare 'origin' to push to."""
    repo = tmp_path / "repo"
    for name in ("build.py", "sitegen", "scan_core", "data", "content", "overrides", ".github", "mkdocs.yml"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            repo.mkdir(exist_ok=True)
            shutil.copy(src, repo / name)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / ".gitignore").write_text(".venv\n__pycache__/\n", encoding="utf-8")
    git = lambda *a, cwd=repo: subprocess.run(["git", *a], cwd=cwd, check=True, capture_output=True, text=True)
    git("init", "--quiet", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "--allow-empty", "-m", "leeg")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "--quiet", "-m", "start")
    git("init", "--quiet", "--bare", str(tmp_path / "origin.git"), cwd=tmp_path)
    git("remote", "add", "origin", str(tmp_path / "origin.git"))
    return repo


def _run_issue_job(tmp_path: Path, body: str, prs: list[dict] = (), permission: str = "write") -> dict:
    """Run the job's own shell steps in order, with the `if:`s the job has, and a stand-in for gh.
    Each step gets the job's env and its own, as on GitHub; nothing else."""
    if not shutil.which("bash") or not shutil.which("git") or not shutil.which("jq"):
        pytest.skip("bash, git of jq ontbreekt")
    repo = _repo_copy(tmp_path)
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text(FAKE_GH_PR, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IEXEC)
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    (tmp_path / "prs.json").write_text(json.dumps(list(prs)), encoding="utf-8")
    (tmp_path / "output").write_text("", encoding="utf-8")
    job = workflows()["issue-form.yml"]["jobs"]["verwerken"]
    expressions = {"${{ github.token }}": "geheim", "${{ github.repository }}": "drenthe/drenthe-digitaal",
                   "${{ github.event.issue.number }}": "7", "${{ github.event.issue.body }}": body,
                   "${{ github.event.sender.login }}": "een-redacteur"}

    def resolve(value: str, outcomes: dict) -> str:
        for key, val in expressions.items():
            value = value.replace(key, val)
        for step_id, outcome in outcomes.items():
            value = value.replace("${{ steps.%s.outcome }}" % step_id, outcome)
        for line in (tmp_path / "output").read_text(encoding="utf-8").splitlines():
            step_id, _, pair = line.partition(":")
            key, _, val = pair.partition("=")
            value = value.replace("${{ steps.%s.outputs.%s }}" % (step_id, key), val)
        return value

    base = {k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "PATH")}
    base.update(PATH=f"{gh.parent}:{os.environ['PATH']}", GH_LOG=str(tmp_path / "gh.log"),
                GH_COMMENT=str(tmp_path / "comment.md"), RUNNER_TEMP=str(runner_temp),
                FAKE_PRS=str(tmp_path / "prs.json"), FAKE_PERMISSION=permission,
                GIT_CONFIG_GLOBAL=str(tmp_path / "gitconfig"))
    steps = {s.get("id") or s.get("name"): s for s in job["steps"] if "run" in s}
    outcomes: dict[str, str] = {}

    def run(step_id: str) -> str:
        step = steps[step_id]
        env = dict(base)
        env.update({k: resolve(str(v), outcomes) for k, v in {**job.get("env", {}), **step.get("env", {})}.items()})
        out = tmp_path / f"output.{step_id}"
        env["GITHUB_OUTPUT"] = str(out)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                                cwd=repo, env=env, capture_output=True, text=True)
        if out.exists():  # remember outputs as 'step:key=value'
            with (tmp_path / "output").open("a", encoding="utf-8") as f:
                f.writelines(f"{step_id}:{line}\n" for line in out.read_text(encoding="utf-8").splitlines())
        outcomes[step_id] = "success" if result.returncode == 0 else "failure"
        return outcomes[step_id]

    def wanted(step_id: str) -> bool:
        """The `if:` of a step: the job's conditions are "steps.X.outputs.Y == 'Z'" joined by &&."""
        for part in steps[step_id].get("if", "").split("&&"):
            m = re.fullmatch(r"\s*steps\.([\w-]+)\.outputs\.(\w+) == '(\w+)'\s*", part)
            if m and resolve("${{ steps.%s.outputs.%s }}" % (m[1], m[2]), outcomes) != m[3]:
                return False
        return True

    failed = False
    for step_id in ("rechten", "omzetten", "controle", "pr"):
        if step_id not in steps:
            continue
        if failed or not wanted(step_id):
            outcomes[step_id] = "skipped"
            continue
        failed = run(step_id) == "failure"
    run("antwoord" if "antwoord" in steps else "Antwoord in het issue")
    log = tmp_path / "gh.log"
    branches = subprocess.run(["git", "--git-dir", str(tmp_path / "origin.git"), "branch", "--list"],
                              capture_output=True, text=True).stdout
    changed = ""
    if "gegevens/issue-7" in branches:
        changed = subprocess.run(["git", "--git-dir", str(tmp_path / "origin.git"), "diff", "--name-only",
                                  "gegevens/issue-7~1", "gegevens/issue-7"], capture_output=True, text=True).stdout
    token_log = tmp_path / "gh.log.token"
    return dict(outcomes=outcomes, ok="omzetten:ok=true" in (tmp_path / "output").read_text(encoding="utf-8"),
                gh=log.read_text(encoding="utf-8").splitlines() if log.exists() else [],
                token_calls=token_log.read_text(encoding="utf-8").splitlines() if token_log.exists() else [],
                comment=(tmp_path / "comment.md").read_text(encoding="utf-8") if (tmp_path / "comment.md").exists() else "",
                branches=branches, changed=changed.split(), repo=repo,
                pr_body=(runner_temp / "pr.md").read_text(encoding="utf-8") if (runner_temp / "pr.md").exists() else "")


def _form_body(gegeven: str, wijzigingen: str) -> str:
    from sitegen.data.issue_form import form_labels
    labels = form_labels(ROOT / ".github" / "ISSUE_TEMPLATE" / "gegevens-wijzigen.yml")
    answers = {"gegeven": gegeven, "nieuw": "Nee, ik wijzig een bestaand gegeven", "wijzigingen": wijzigingen,
               "bron": "https://www.voorbeeld.nl/pagina", "bron-titel": "Een pagina", "toelichting": "",
               "controle": "- [X] Alles wat ik hierboven schrijf, staat in de bron. Ik heb niets verzonnen."}
    return "\n".join(f"### {labels[fid]}\n\n{answers[fid] or '_No response_'}\n" for fid in labels)


def _event_body(**changed: str) -> str:
    """A filled-in "Bijeenkomst toevoegen" form, for an evening two months after the real today:
    the workflow's own steps run `apply-issue` and `check` without --date."""
    from datetime import date, timedelta
    from sitegen.data.issue_form import form_labels
    day = date.today() + timedelta(days=60)
    answers = {"titel": "Avond over digitaal ondernemen",
               "instrument": "instrumenten/ibdo-bijeenkomsten-ondernemersverenigingen",
               "begin": f"{day:%d-%m-%Y} 19:30", "einde": f"{day:%d-%m-%Y} 21:30", "gemeente": "Emmen",
               "adres": "Raadhuisplein 1, Emmen", "kosten": "gratis", "aanmelden": "https://www.voorbeeld.nl/aanmelden",
               "bron": "https://www.voorbeeld.nl/agenda", "bron-titel": "Agenda", "toelichting": "",
               "controle": "- [X] Alles wat ik hierboven schrijf, staat in de bron. Ik heb niets verzonnen.", **changed}
    labels = form_labels(ROOT / ".github" / "ISSUE_TEMPLATE" / "bijeenkomst-toevoegen.yml")
    return "\n".join(f"### {labels[fid]}\n\n{answers[fid] or '_No response_'}\n" for fid in labels)


def _pr_references(run: dict) -> set[str]:
    """Every PR number the workflow named in a gh call or in its answer on the issue."""
    calls = " ".join(c for c in run["gh"] if not c.startswith("pr list"))
    found = set(re.findall(r"(?:#|/pull/|pr (?:comment|edit|view|merge|close) )(\d+)", calls + " " + run["comment"]))
    return found - {"7"}  # the issue's own number


def test_a_labelled_issue_becomes_a_pull_request_and_an_answer(tmp_path):
    run = _run_issue_job(tmp_path, _form_body("partners/ibdo", "website: https://www.ikbendrentsondernemer.nl/"))
    assert run["outcomes"] == {"rechten": "success", "omzetten": "success", "controle": "success",
                               "pr": "success", "antwoord": "success"}
    assert run["changed"] == ["data/partners.yaml"]  # the pushed branch changes the data and nothing else
    creates = [c for c in run["gh"] if c.startswith("pr create")]
    assert len(creates) == 1 and "--head gegevens/issue-7" in creates[0]
    assert "Je wijziging is verwerkt" in run["comment"] and "pull request #31" in run["comment"]
    assert "| `website` | `https://ikbendrentsondernemer.nl` | `https://www.ikbendrentsondernemer.nl/` |" in run["comment"]
    table = [line for line in run["comment"].splitlines() if line.startswith("|")]
    assert all(line in run["pr_body"].splitlines() for line in table)  # the PR body repeats the table


def test_a_pull_request_from_a_fork_with_the_bots_branch_name_is_ignored(tmp_path):
    """Issue 26 §1: `gh pr list --head` matches the branch name of any fork."""
    run = _run_issue_job(tmp_path, _form_body("partners/ibdo", "website: https://www.ikbendrentsondernemer.nl/"),
                         prs=[FORK_PR])
    assert run["outcomes"]["pr"] == "success"
    assert len([c for c in run["gh"] if c.startswith("pr create")]) == 1  # the bot opens its own
    assert _pr_references(run) == {"31"}  # never the fork's #66
    assert "gegevens/issue-7" in run["branches"]


def test_a_rerun_reuses_the_bots_own_pull_request_and_still_ignores_the_fork(tmp_path):
    run = _run_issue_job(tmp_path, _form_body("partners/ibdo", "website: https://www.ikbendrentsondernemer.nl/"),
                         prs=[FORK_PR, EDITORS_PR, OWN_PR])
    assert not any(c.startswith("pr create") for c in run["gh"])
    assert _pr_references(run) == {"12"}


def test_a_label_set_without_write_access_changes_nothing(tmp_path):
    """Triage access is enough to set a label; the workflow asks GitHub what the labeller may do."""
    run = _run_issue_job(tmp_path, _form_body("partners/ibdo", "website: https://www.ikbendrentsondernemer.nl/"),
                         permission="read")
    assert run["gh"][0].startswith("api repos/drenthe/drenthe-digitaal/collaborators/een-redacteur/permission")
    assert run["outcomes"]["omzetten"] == "skipped" and run["outcomes"]["pr"] == "skipped"
    assert not any(c.startswith("pr ") for c in run["gh"])
    assert "gegevens/issue-7" not in run["branches"]
    assert "schrijfrechten" in run["comment"]


def test_the_token_is_only_on_the_steps_that_call_gh():
    for name, wf in workflows().items():
        for job_name, job in wf["jobs"].items():
            assert "GH_TOKEN" not in job.get("env", {}), f"{name}: {job_name} zet GH_TOKEN voor de hele job"
            for step in job.get("steps", []):
                calls_gh = bool(re.search(r"(?m)(^|[\s(])gh ", step.get("run", "")))
                has_token = "GH_TOKEN" in step.get("env", {})
                assert calls_gh == has_token, f"{name}: stap {step.get('name') or step.get('uses')}"


def test_no_gh_call_gets_the_token_while_the_issue_is_read(tmp_path):
    run = _run_issue_job(tmp_path, _form_body("partners/ibdo", "website: https://www.ikbendrentsondernemer.nl/"))
    job = workflows()["issue-form.yml"]["jobs"]["verwerken"]
    for step in job["steps"]:
        if step.get("id") == "omzetten" or step.get("run") == "make setup":
            assert "GH_TOKEN" not in {**job.get("env", {}), **step.get("env", {})}, step.get("name")
    assert run["token_calls"] and all(c.split()[1] in ("api", "auth", "pr", "issue") for c in run["token_calls"])


def test_a_refused_issue_gets_a_dutch_answer_and_no_pull_request(tmp_path):
    sneaky = "`touch pwned1` $(touch pwned2) \"; touch pwned3"
    run = _run_issue_job(tmp_path, _form_body(sneaky, "status: open"))
    assert run["outcomes"]["pr"] == "skipped" and not run["ok"]
    assert not any(c.startswith("pr create") for c in run["gh"])
    assert "gegevens/issue-7" not in run["branches"]
    assert "nog niet verwerkt" in run["comment"]
    assert not list(run["repo"].glob("pwned*")) and not list(tmp_path.glob("pwned*"))  # the text never ran


def test_an_event_form_becomes_a_pull_request_that_adds_it_to_the_agenda(tmp_path):
    """Issue 25: the same label, the same permission check and the same PR path for the event form."""
    run = _run_issue_job(tmp_path, _event_body(), prs=[FORK_PR])
    assert run["outcomes"] == {"rechten": "success", "omzetten": "success", "controle": "success",
                               "pr": "success", "antwoord": "success"}
    assert run["changed"] == ["data/events.yaml"]
    assert _pr_references(run) == {"31"}  # the bot's own PR, never the fork's
    assert "nieuwe bijeenkomst `avond-over-digitaal-ondernemen-" in run["comment"]
    assert "| `title` | *(niet ingevuld)* | `Avond over digitaal ondernemen` |" in run["comment"]
    table = [line for line in run["comment"].splitlines() if line.startswith("|")]
    assert table and all(line in run["pr_body"].splitlines() for line in table)


def test_an_event_form_with_a_hidden_comment_gets_no_pull_request(tmp_path):
    run = _run_issue_job(tmp_path, _event_body(aanmelden="https://www.voorbeeld.nl/aanmelden <!-- verborgen -->"))
    assert run["outcomes"]["pr"] == "skipped" and not run["ok"]
    assert "gegevens/issue-7" not in run["branches"]
    assert "nog niet verwerkt" in run["comment"] and "< en > mogen niet" in run["comment"]


def test_an_event_form_labelled_without_write_access_changes_nothing(tmp_path):
    run = _run_issue_job(tmp_path, _event_body(), permission="triage")
    assert run["outcomes"]["omzetten"] == "skipped" and "gegevens/issue-7" not in run["branches"]
    assert "schrijfrechten" in run["comment"]
