"""A province's own server: build.py hosting writes nginx.conf and apache.htaccess with the same headers as
site/_headers. The nginx one is served for real with Debian's nginx (`make test` installs it)."""
from __future__ import annotations

import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from repo_paths import ROOT
from sitegen.exports import hosting
from sitegen.exports.hosting import matches, read_headers_file

NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")


def test_every_path_gets_the_headers_of_every_rule_that_matches_it():
    rules = [("/scan/*", [("A", "1")]), ("/*", [("B", "2")]), ("/embed.js", [("C", "3")])]
    found = dict(hosting.locations(rules))
    assert found == {"/scan/*": [("A", "1"), ("B", "2")], "/*": [("B", "2")], "/embed.js": [("B", "2"), ("C", "3")]}


@pytest.mark.parametrize("pattern", ["/a/:name", "/a*/b", "relative/*", '/a"; evil'])
def test_a_path_nginx_and_apache_cannot_take_stops_the_command(pattern):
    from sitegen.errors import BuildError
    with pytest.raises(BuildError, match="vast pad"):
        hosting.nginx_snippet([(pattern, [("A", "1")])])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    if not NGINX.exists():
        pytest.skip("nginx ontbreekt: apt-get install nginx (make test doet dat)")
    conf_dir = tmp_path_factory.mktemp("nginx")
    shutil.copy(MIME_TYPES, conf_dir / "mime.types")  # the snippet's `include mime.types`, as on Debian
    snippet_dir = tmp_path_factory.mktemp("snippets")
    hosting.write_snippets(built_site, snippet_dir)  # as `make site` makes them
    shutil.copy(snippet_dir / hosting.NGINX_FILE, conf_dir / "drenthe.conf")
    port = free_port()
    temp = conf_dir / "temp"
    temp.mkdir()
    (conf_dir / "nginx.conf").write_text(f"""
user root;
daemon off;
worker_processes 1;
pid {conf_dir}/nginx.pid;
error_log {conf_dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body; proxy_temp_path {temp}/proxy; fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi; scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {built_site};
        include drenthe.conf;
    }}
}}
""", encoding="utf-8")
    test = subprocess.run([str(NGINX), "-t", "-p", str(conf_dir), "-c", str(conf_dir / "nginx.conf"), "-e", "stderr"],
                          capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    proc = subprocess.Popen([str(NGINX), "-p", str(conf_dir), "-c", str(conf_dir / "nginx.conf"), "-e", "stderr"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(100):  # until it listens (or stopped)
        if proc.poll() is not None:
            pytest.fail("nginx stopte: " + proc.stderr.read().decode())
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield port
    proc.terminate()
    proc.wait(timeout=10)


def get(port: int, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


def sample_paths(site: Path, rules) -> list[str]:
    """Per rule, real URLs it covers (a folder rule: its index and a file in a subfolder too),
    and pages that no rule covers."""
    paths = ["/", "/partners/", "/open-data/"]
    for pattern, _ in rules:
        if not pattern.endswith("*"):
            paths.append(pattern)
            continue
        folder = site / pattern[1:-1]
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        assert files, f"geen bestand onder {pattern} in de gebouwde site"
        paths.append("/" + files[0].relative_to(site).as_posix())
        paths.append("/" + files[-1].relative_to(site).as_posix())
        if (folder / "index.html").exists():
            paths.append(pattern[:-1])
    return list(dict.fromkeys(paths))


@pytest.mark.nginx
def test_nginx_sends_per_path_exactly_the_headers_of_headers_file(nginx, built_site):
    rules = read_headers_file(built_site)
    ours = {name.lower() for _, headers in rules for name, _ in headers}
    for path in sample_paths(built_site, rules):
        response = get(nginx, path)
        assert response.status == 200, path
        expected = sorted((n.lower(), v) for pattern, headers in rules if matches(pattern, path) for n, v in headers)
        sent = sorted((n.lower(), v) for n, v in response.getheaders() if n.lower() in ours)
        assert sent == expected, path


@pytest.mark.nginx
def test_nginx_serves_the_scans_modules_and_wasm_with_the_right_type(nginx, built_site):
    assert get(nginx, "/scan/scan.mjs").getheader("Content-Type").startswith("text/javascript")
    wasm = next(p for p in (built_site / "scan").glob("*.wasm"))
    assert get(nginx, f"/scan/{wasm.name}").getheader("Content-Type") == "application/wasm"
    brotli = get(nginx, "/scan/runtime.zip.br")
    assert brotli.status == 200 and brotli.getheader("Content-Encoding") is None  # the worker decodes it


LOST_ON_GITHUB_PAGES = ["frame-ancestors", "nosniff", "Referrer-Policy", "Permissions-Policy", "worker", "embed/v1/"]


def voor_gemeenten_page(dataset, tmp_path) -> str:
    from repo_paths import TODAY
    from sitegen.data.settings import SiteSettings
    from sitegen.pages.embed import write_voor_gemeenten
    (page,) = write_voor_gemeenten(dataset, tmp_path, TODAY, SiteSettings())
    return page.read_text(encoding="utf-8")


def test_the_docs_say_plainly_what_github_pages_loses(dataset, tmp_path):
    texts = {
        "README.md": (ROOT / "README.md").read_text(encoding="utf-8"),
        "widget/README.md": (ROOT / "widget" / "README.md").read_text(encoding="utf-8"),
        "publish.yml": (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"),
        "/voor-gemeenten/": voor_gemeenten_page(dataset, tmp_path),
    }
    for name, text in texts.items():
        assert "GitHub Pages" in text, name
        for protection in LOST_ON_GITHUB_PAGES:
            assert protection.lower() in text.lower(), (name, protection)
    for name in ("README.md", "/voor-gemeenten/"):  # which hosts do send _headers, with their own page
        assert "https://docs.netlify.com/routing/headers/" in texts[name], name
        assert "https://developers.cloudflare.com/pages/configuration/headers/" in texts[name], name
        assert "hosting/" in texts[name], name
