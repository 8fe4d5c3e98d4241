"""A small static server for `make serve` and the tests: serves site/ with the right MIME types
and the headers from site/_headers (the CSP), so what you see locally is what a host sends.
With gzip on (the Lighthouse bench, `make serve`), text files go out compressed, as every real
host sends them; the tests serve plain bytes."""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

from sitegen.exports.hosting import matches, read_headers_file

MIME = {".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript",
        ".json": "application/json", ".whl": "application/zip", ".zip": "application/zip"}
# What a host compresses: text. Wasm and the .br files are already compressed or served as they are.
GZIP_SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **MIME}
    rules: list = []
    extra_headers: list[tuple[str, str]] = []
    gzip: bool = False
    _gzipped: dict = {}  # (path, mtime) -> compressed bytes; one dict per bound handler class

    def do_GET(self):
        if not (self.gzip and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if not (path.suffix in GZIP_SUFFIXES and path.is_file()):
            return super().do_GET()
        key = (path, path.stat().st_mtime_ns)
        body = self._gzipped.get(key)
        if body is None:
            body = self._gzipped[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        for pattern, headers in self.rules:
            if matches(pattern, url_path):
                for name, value in headers:
                    self.send_header(name, value)
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # quiet: tests and `make serve` need no access log
        pass


def make_handler(site_dir: Path, extra_headers: list[tuple[str, str]] | None = None, use_headers_file: bool = True,
                 use_gzip: bool = False):
    attrs = {"rules": read_headers_file(site_dir) if use_headers_file else [], "extra_headers": extra_headers or [],
             "gzip": use_gzip, "_gzipped": {}}
    handler = type("BoundSiteHandler", (SiteHandler,), attrs)
    return functools.partial(handler, directory=str(site_dir))


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection early (page closed mid-download) is not an error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, BrokenPipeError)):
            super().handle_error(request, client_address)


def start_server(site_dir: Path, extra_headers: list[tuple[str, str]] | None = None, use_headers_file: bool = True,
                 host: str = "127.0.0.1", use_gzip: bool = False) -> tuple[QuietServer, str]:
    """Serve site_dir on a free port in a background thread (tests, benchmarks). Returns (server, base URL)."""
    server = QuietServer(("127.0.0.1", 0), make_handler(site_dir, extra_headers, use_headers_file, use_gzip))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main() -> None:
    parser = argparse.ArgumentParser(description="Serveer de gebouwde site lokaal.")
    parser.add_argument("--dir", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--gzip", action="store_true", help="stuur tekstbestanden gecomprimeerd, zoals een echte host")
    args = parser.parse_args()
    if not (args.dir / "index.html").exists():
        raise SystemExit(f"Er staat geen site in {args.dir}; draai eerst: make site")
    server = QuietServer(("127.0.0.1", args.port), make_handler(args.dir, use_gzip=args.gzip))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
