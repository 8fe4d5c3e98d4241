"""The headers of site/_headers as an nginx and an Apache snippet, for a province's own server.

Netlify and Cloudflare Pages read `_headers`; GitHub Pages and a plain web server do not. These
snippets give such a server the same headers. They are generated from the `_headers` a build
writes (`python build.py hosting`, by `make site` into build/hosting/, not committed), and a test
serves the built site with Debian's nginx and compares what it sends with `_headers`.

Only two kinds of path are used (the local server, sitegen.serve, reads them with the same parser): an exact path (`/embed.js`)
and a folder with everything under it (`/scan/*`). A path gets the headers of every rule that
matches it, as on Netlify and Cloudflare Pages.
"""
from __future__ import annotations

from pathlib import Path

from sitegen.errors import BuildError
from sitegen.paths import ROOT

HOSTING_DIR = ROOT / "build" / "hosting"  # made by `make site`, not committed
NGINX_FILE = "nginx.conf"
APACHE_FILE = "apache.htaccess"

# MIME types the scan needs that older servers lack: a module script must be JavaScript, and the
# brotli decoder's .wasm must be application/wasm to compile while it streams in.
EXTRA_TYPES = {"mjs": "text/javascript", "wasm": "application/wasm"}

Rule = tuple[str, list[tuple[str, str]]]


def read_headers_file(site_dir: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Parse a Netlify/Cloudflare-style _headers file: a path pattern, then indented 'Name: value' lines."""
    path = site_dir / "_headers"
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    if not path.exists():
        return rules
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rules.append((line.strip(), []))
        elif rules and ":" in line:
            name, value = line.strip().split(":", 1)
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def matches(pattern: str, url_path: str) -> bool:
    if pattern.endswith("*"):
        return url_path.startswith(pattern[:-1])
    return url_path == pattern


def _check(rules: list[Rule]) -> None:
    for pattern, _ in rules:
        body = pattern[:-1] if pattern.endswith("/*") else pattern
        if not pattern.startswith("/") or "*" in body or ":" in pattern or any(c.isspace() or c in "\"'{};\\" for c in pattern):
            raise BuildError(f"_headers: het pad '{pattern}' kan niet naar nginx en Apache. Gebruik een vast pad "
                             "(/embed.js) of een map met alles eronder (/scan/*).")


def locations(rules: list[Rule]) -> list[tuple[str, list[tuple[str, str]]]]:
    """One location per distinct path in _headers, with the headers of every rule that covers it."""
    _check(rules)
    out = []
    for pattern in dict.fromkeys(p for p, _ in rules):
        headers = [h for p, hs in rules if matches(p, pattern) for h in hs]  # a folder rule covers its subfolders
        out.append((pattern, headers))
    return out


def _quoted(value: str) -> str:
    """A header value in double quotes, as both nginx and Apache read it."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


HEADER_COMMENT = """\
# Drenthe Digitaal: {what}
# Gemaakt door `python build.py hosting` uit site/_headers. Pas dit bestand niet met de hand aan:
# verander de bouw en draai die opdracht opnieuw (een test vergelijkt het met _headers).
# Voor een site die in de hoofdmap van het domein staat (https://domein/), met de gebouwde site/
# als map van de server.
"""


def nginx_snippet(rules: list[Rule]) -> str:
    lines = [HEADER_COMMENT.format(what="headers voor nginx, binnen het server { }-blok van de site."),
             "# Let op: add_header in een location vervangt die van het server-blok voor die paden.",
             "# Eigen headers (zoals Strict-Transport-Security) moeten dan ook in elke location hieronder.",
             "",
             "include mime.types;",
             "types {"]
    lines += [f"    {mime} {ext};" for ext, mime in EXTRA_TYPES.items()]
    lines += ["}", ""]
    for pattern, headers in locations(rules):
        match = f"^~ {pattern[:-1]}" if pattern.endswith("*") else f"= {pattern}"
        lines.append(f"location {match} {{")
        lines += [f"    add_header {name} {_quoted(value)} always;" for name, value in headers]
        lines += ["}", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def apache_snippet(rules: list[Rule]) -> str:
    lines = [HEADER_COMMENT.format(what="headers voor Apache 2.4 (.htaccess in de hoofdmap van de site)."),
             "# Nodig: mod_headers en mod_mime, en AllowOverride FileInfo voor deze map.",
             ""]
    lines += [f"AddType {mime} .{ext}" for ext, mime in EXTRA_TYPES.items()]
    lines += ["# De .br-bestanden pakt de scan zelf uit: de server mag ze niet als brotli aankondigen.",
              "RemoveEncoding .br", ""]
    for pattern, headers in rules:  # Apache applies every <If> that matches: the union, as _headers
        if pattern.endswith("*"):
            condition = f'%{{REQUEST_URI}} =~ m#^{pattern[:-1]}#'
        else:
            condition = f"%{{REQUEST_URI}} == '{pattern}'"
        lines.append(f'<If "{condition}">')
        lines += [f"    Header always set {name} {_quoted(value)}" for name, value in headers]
        lines += ["</If>", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def snippets(site_dir: Path) -> dict[str, str]:
    """File name in hosting/ -> its text, from the _headers of a built site."""
    if not (site_dir / "_headers").exists():
        raise BuildError(f"{site_dir / '_headers'} bestaat niet: bouw eerst de site (make site).")
    rules = read_headers_file(site_dir)
    return {NGINX_FILE: nginx_snippet(rules), APACHE_FILE: apache_snippet(rules)}


def write_snippets(site_dir: Path, out_dir: Path = HOSTING_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in snippets(site_dir).items():
        (out_dir / name).write_text(text, encoding="utf-8")
        written.append(out_dir / name)
    return written


def run(args, paths, today) -> int:
    """`build.py hosting [--site DIR] [--out DIR]`: the snippets of the site as it was built.

    Made from the build, not committed: they carry the scan page's style hash, which changes
    with every change to widget/scan.css."""
    import sys
    try:
        for path in write_snippets(args.site, args.out):
            print(f"geschreven: {path}")
        return 0
    except BuildError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1


def add_arguments(parser) -> None:
    parser.add_argument("--site", type=Path, default=Path("site"), help="de gebouwde site (standaard site/)")
    parser.add_argument("--out", type=Path, default=HOSTING_DIR, help="map voor de snippets (standaard build/hosting/)")
