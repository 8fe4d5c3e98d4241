"""scan_core runs unchanged in Pyodide: it may import only the standard library and itself."""
from __future__ import annotations

import ast
import sys

import pytest

from repo_paths import ROOT

PACKAGE = ROOT / "scan_core"
FILES = sorted(PACKAGE.glob("*.py"))


def _outside_stdlib(source: str) -> list[str]:
    bad = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: scan_core itself
                continue
            names = [node.module or ""]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                "__import__", "import_module"):
            bad.append("dynamic import")
            continue
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top != "scan_core" and top not in sys.stdlib_module_names:
                bad.append(name)
    return bad


def test_there_is_code_to_check():
    assert {"evaluate.py", "phase.py", "answers.py", "recommend.py"} <= {f.name for f in FILES}


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_only_standard_library_imports(path):
    assert _outside_stdlib(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source, bad", [
    ("import yaml", ["yaml"]),
    ("from pydantic import BaseModel", ["pydantic"]),
    ("import os.path, jinja2.ext", ["jinja2.ext"]),
    ("def f():\n    import sitegen.data.urls", ["sitegen.data.urls"]),
    ("import importlib\nimportlib.import_module('yaml')", ["dynamic import"]),
    ("from . import phase\nfrom .answers import LETTERS\nimport json", []),
])
def test_the_check_catches_third_party_imports(source, bad):
    assert _outside_stdlib(source) == bad
