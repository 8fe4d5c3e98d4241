"""Partner and instrument pages: our own HTML, put into one page shell per kind that mkdocs built.

Why: at national scale (issue 2: 5,000 instruments and 1,000 partners) mkdocs spent about 13 ms
on each of these pages (Markdown, Material's template with its navigation, the search plugin).
They all look alike and stay out of the navigation, so every partner page gets the same
header, navigation and footer. mkdocs therefore renders one shell page per kind, with markers;
after mkdocs, a copy of the shell is filled for each entity. The shell has the same headings as
every real page of its kind, so Material's table of contents fits every copy. The search index
and the sitemap get the entries that mkdocs would have written.

Before mkdocs: EntityPages.shell() and .add() (sitegen/pages/markdown.py). After mkdocs: EntityPages.fill().
"""
from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from pathlib import Path

ENTITY_DIR = ".entity-pages"  # inside docs/, hidden: mkdocs skips dot-folders
SHELL_SLUG = "dd-shell"
TITLE_MARK = "DD-SHELL-TITLE"
DESCRIPTION_MARK = "DD-SHELL-DESCRIPTION"
H1_ID_MARK = "dd-shell-title"  # Material's skip link points at the h1
BODY_START, BODY_END = "<!-- dd-shell-body -->", "<!-- /dd-shell-body -->"


class EntityPages:
    def __init__(self, docs_dir: Path):
        self.docs = docs_dir
        self.folder = docs_dir / ENTITY_DIR

    def shell(self, kind: str, headings: list[tuple[str, str]]) -> Path:
        """The Markdown of the shell for kind ("partners"): markers and the kind's h2 headings."""
        lines = ["---", f'title: "{TITLE_MARK}"', f'description: "{DESCRIPTION_MARK}"', "---", "", BODY_START, "",
                 f"# {TITLE_MARK} {{ #{H1_ID_MARK} }}", ""]
        for anchor, text in headings:
            lines += [f"## {text} {{ #{anchor} }}", ""]
        lines += [BODY_END, ""]
        path = self.docs / kind / f"{SHELL_SLUG}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    def add(self, kind: str, slug: str, title: str, description: str, body: str) -> None:
        """One page: plain title and description, body as escaped HTML with the shell's h2 ids."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {"slug": slug, "title": title, "description": description, "body": body}
        with (self.folder / f"{kind}.jsonl").open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")

    @staticmethod
    def fill(docs_dir: Path, site_dir: Path) -> int:
        """Write every page into site_dir from its kind's shell; remove the shells. Returns the count."""
        search = _SearchIndex(site_dir / "search" / "search_index.json")
        sitemap = _Sitemap(site_dir / "sitemap.xml")
        count = 0
        # Every shell goes, also one whose kind has no entries (yet).
        for shell_dir in sorted(site_dir.glob(f"*/{SHELL_SLUG}")):
            kind = shell_dir.parent.name
            shell = _Shell(shell_dir / "index.html", f"{kind}/{SHELL_SLUG}/")
            shutil.rmtree(shell_dir)
            search.remove(shell.location)
            locations = []
            for record in _records(docs_dir / ENTITY_DIR / f"{kind}.jsonl"):
                location = f"{kind}/{record['slug']}/"
                target = site_dir / location / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(shell.page(location, record), encoding="utf-8")
                search.add(location, record["title"], record["body"])
                locations.append(location)
            sitemap.replace(shell.location, locations)
            count += len(locations)
        search.save()
        sitemap.save()
        return count


def _records(path: Path):
    if path.exists():
        with path.open(encoding="utf-8") as lines:
            yield from (json.loads(line) for line in lines)


class _Shell:
    """A kind's shell page, split around its body markers. A Material update that drops a marker
    stops the build, so a page never goes out half-filled."""

    def __init__(self, path: Path, location: str):
        self.location = location
        text = path.read_text(encoding="utf-8")
        if text.count(BODY_START) != 1 or text.count(BODY_END) != 1 or TITLE_MARK not in text:
            raise RuntimeError(f"{path}: de paginavorm mist een markering ({BODY_START}, {BODY_END} of {TITLE_MARK}); "
                               "is het thema veranderd? Kijk naar sitegen/engine/entity_pages.py.")
        self.head, rest = text.split(BODY_START, 1)
        self.tail = rest.split(BODY_END, 1)[1]

    def page(self, location: str, record: dict) -> str:
        title = html.escape(record["title"], quote=True)
        h1_id = _H1_ID.search(record["body"]).group(1)
        head = (self.head.replace(TITLE_MARK, title).replace(f'"#{H1_ID_MARK}"', f'"#{h1_id}"')
                .replace(DESCRIPTION_MARK, html.escape(record["description"], quote=True)))
        tail = self.tail.replace(TITLE_MARK, title)
        return (head + record["body"] + tail).replace(self.location, location)


_TAGS = re.compile(r"<[^>]+>")
_SCRIPTS = re.compile(r"<script\b.*?</script>", re.S)
_H2 = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.S)
_H1 = re.compile(r"<h1\b.*?</h1>", re.S)
_H1_ID = re.compile(r'<h1 id="([^"]+)"')


def _plain(fragment: str) -> str:
    """Text for the search index: no tags, no JSON-LD; entities stay escaped, as mkdocs writes them."""
    return " ".join(_TAGS.sub(" ", _SCRIPTS.sub(" ", fragment)).split())


class _SearchIndex:
    """Material's search_index.json: one entry for the page, one per h2 section (as its plugin does)."""

    def __init__(self, path: Path):
        self.path = path
        self.data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def remove(self, location: str) -> None:
        if self.data:
            self.data["docs"] = [d for d in self.data["docs"] if not d["location"].startswith(location)]

    def add(self, location: str, title: str, body: str) -> None:
        if not self.data:
            return
        parts = _H2.split(_H1.sub("", body, count=1))
        # Material shows a result's title as HTML: the title is text, so it goes in escaped.
        self.data["docs"].append({"location": location, "title": html.escape(title, quote=False),
                                  "text": _plain(parts[0])})
        for anchor, heading, section in zip(parts[1::3], parts[2::3], parts[3::3]):
            self.data["docs"].append({"location": f"{location}#{anchor}", "title": html.unescape(_plain(heading)),
                                      "text": _plain(section)})

    def save(self) -> None:
        if self.data:
            self.path.write_text(json.dumps(self.data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class _Sitemap:
    """mkdocs' sitemap.xml (and .gz): lists pages only when site_url is set; then the shell's entry
    is the pattern for each page."""

    ENTRY = re.compile(r"\s*<url>.*?</url>", re.S)

    def __init__(self, path: Path):
        self.path = path
        self.text = path.read_text(encoding="utf-8") if path.exists() else None

    def replace(self, shell_location: str, locations: list[str]) -> None:
        if not self.text:
            return
        entry = next((m.group(0) for m in self.ENTRY.finditer(self.text) if shell_location in m.group(0)), None)
        if entry is None:
            return  # no site_url: mkdocs listed no pages either
        pages = "".join(entry.replace(shell_location, location) for location in locations)
        self.text = self.text.replace(entry, pages)

    def save(self) -> None:
        if self.text is None:
            return
        self.path.write_text(self.text, encoding="utf-8")
        gz = self.path.with_name(self.path.name + ".gz")
        if gz.exists():
            gz.write_bytes(gzip.compress(self.text.encode("utf-8"), mtime=0))
