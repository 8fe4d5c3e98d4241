"""Shared test helpers: the repository paths, a fixed 'today', and a copy of data/ to break."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from repo_paths import DATA, ROOT, SEEDS, TODAY  # noqa: E402

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: needs Debian's Chromium")
    config.addinivalue_line("markers", "pyodide: needs node_modules/pyodide")
    config.addinivalue_line("markers", "nginx: needs Debian's nginx (make test installs it)")
    config.addinivalue_line("markers", "vnu: needs Java (Debian's default-jre-headless) for the Nu Html Checker")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data/, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def dataset():
    from sitegen.data.dataset import load_dataset
    return load_dataset(DATA, TODAY, SEEDS)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session into a temporary folder."""
    from sitegen.build_site import BuildPaths, build
    work = tmp_path_factory.mktemp("build")
    out = work / "site"
    build(out, TODAY, BuildPaths(), quiet=True, work_dir=work / "work")
    return out


@pytest.fixture(scope="session")
def scan_data() -> dict:
    """The scan data JSON document of the real data, as the build emits it."""
    from sitegen.scan.scan_data import build_scan_data
    return build_scan_data(DATA, TODAY)


@pytest.fixture(scope="session")
def scan_data_json(scan_data) -> str:
    from sitegen.scan.scan_data import dumps
    return dumps(scan_data)
