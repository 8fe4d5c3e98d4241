"""Shared fixtures for the scan's browser tests: a built site, a local server that sends the
CSP on every file (a worker takes its CSP from its own response), and Debian's Chromium."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sitegen.scan.scan_bundle import write_scan_bundle  # noqa: E402
from sitegen.scan.scan_page import built_policy  # noqa: E402
from sitegen.serve import start_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
FIXTURE_SCAN_DATA = Path(__file__).parent / "fixtures" / "scan_data.json"
# The same day as the rest of the suite: the data may not have been reviewed after it.
from repo_paths import TODAY  # noqa: E402


def without_wasm(csp: str) -> str:
    """The same policy without 'wasm-unsafe-eval': WebAssembly cannot compile, Pyodide never loads."""
    return csp.replace(" 'wasm-unsafe-eval'", "")


def scan_data_for_tests() -> dict:
    """The real data when it validates, else the seed-based fixture."""
    if (ROOT / "data" / "ladder.yaml").exists():
        try:
            from sitegen.scan.scan_data import build_scan_data
            return build_scan_data(ROOT / "data", TODAY)
        except Exception as err:  # the data may be mid-edit by someone else
            print(f"tests/browser: real data not usable ({err}); using fixture", file=sys.stderr)
    return json.loads(FIXTURE_SCAN_DATA.read_text(encoding="utf-8"))


def build_test_site(site_dir: Path) -> Path:
    """site/scan/ and site/pyodide/ only: what the scan needs, written as the site build does."""
    # DD_SCAN_CORE_DIR: build the wheel from another scan_core checkout (for work on the page).
    package_dir = Path(os.environ.get("DD_SCAN_CORE_DIR", ROOT / "scan_core"))
    if not (package_dir / "__init__.py").exists():
        pytest.skip(f"scan_core ontbreekt ({package_dir}): de scan kan geen uitkomst berekenen")
    scan_data = scan_data_for_tests()
    write_scan_bundle(site_dir, scan_data, package_dir=package_dir)
    # Pages the result links to, so link checks have something to find.
    for item in scan_data.get("instruments", []) + scan_data.get("partners", []):
        page = site_dir / item["url"] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f"<!doctype html><title>{item['id']}</title>", encoding="utf-8")
    return site_dir


def serve(site_dir: Path, csp: str | None = None):
    """Every file with the scan page's CSP header (a worker takes its CSP from its own response)."""
    csp = csp or built_policy(site_dir)
    return start_server(site_dir, [("Content-Security-Policy", csp), ("Cache-Control", "no-store")],
                        use_headers_file=False)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return build_test_site(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def base_url(site_dir):
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def base_url_no_wasm(site_dir):
    server, url = serve(site_dir, without_wasm(built_policy(site_dir)))
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium ontbreekt: apt-get install chromium")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.set_default_timeout(30000)
    return page


# A phone's screen, as issue 24 and the scan page's tests measure it.
PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(30000)
    yield page
    context.close()


@pytest.fixture(scope="module")
def site_url(built_site):
    """The real site (tests/conftest.py built_site), served as a host would."""
    server, url = start_server(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def scan_data(site_dir) -> dict:
    return json.loads((site_dir / "scan" / "scan-data.json").read_text(encoding="utf-8"))
