"""The folders of sitegen/ are the pipeline's stages; imports flow build -> stages -> data.

A newcomer reads the pipeline from the folders (ARCHITECTURE.md). This test keeps that true:
a stage that imports build_site, or data that imports a stage, fails here with the line.
"""
import ast
from pathlib import Path

from repo_paths import ROOT

SITEGEN = ROOT / "sitegen"
STAGES = ["data", "pages", "engine", "scan", "exports", "monitor"]
SHARED = {"sitegen.errors", "sitegen.paths"}
# The one hand-off between stages: pages writes what engine fills in after mkdocs.
ALLOWED_BETWEEN_STAGES = {("pages", "engine")}


def _sitegen_imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("sitegen"):
            yield node.lineno, node.module
        elif isinstance(node, ast.ImportFrom) and node.level == 1:
            yield node.lineno, "sitegen." + path.parent.name + "." + (node.module or "")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("sitegen"):
                    yield node.lineno, alias.name


def _stage_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in STAGES else None


def test_every_stage_is_a_package_that_says_its_job():
    for stage in STAGES:
        init = SITEGEN / stage / "__init__.py"
        assert init.exists(), f"sitegen/{stage}/ has no __init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"sitegen/{stage}/__init__.py needs a one-line docstring"


def test_no_python_module_is_left_flat_beside_the_stages():
    flat = {p.name for p in SITEGEN.glob("*.py")}
    assert flat <= {"__init__.py", "apply_issue.py", "build_site.py", "commands.py", "errors.py", "paths.py", "serve.py"}, flat


def test_imports_flow_from_build_through_stages_to_data():
    wrong = []
    for stage in STAGES:
        for path in (SITEGEN / stage).rglob("*.py"):
            for line, module in _sitegen_imports(path):
                target = _stage_of(module)
                where = f"{path.relative_to(ROOT)}:{line} imports {module}"
                if module in SHARED or target == stage or target == "data":
                    continue
                if target is None or (stage, target) not in ALLOWED_BETWEEN_STAGES:
                    wrong.append(where)
    assert not wrong, "\n".join(wrong)
