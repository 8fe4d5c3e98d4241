"""Read a YAML file into plain Python values plus the line:column of every value.

Why not yaml.safe_load: editors need errors that say where (file:line), duplicate keys must be
errors (PyYAML silently keeps the last), and dates must stay text so that pydantic can say
"2026-02-30 is geen geldige datum" instead of PyYAML crashing on it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sitegen.errors import DataError

Path_ = tuple  # a path into the document: ("instruments", 3, "name")


# libyaml's C parser when PyYAML has it (about 10x faster on national-scale data); same nodes and marks.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextDateLoader(_BaseLoader):
    """SafeLoader that leaves dates as strings (pydantic parses and checks them)."""


_TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# YAML parsers speak English, and libyaml and PyYAML word the same mistake differently.
# (part of the parser's problem, what an editor should read). The first match wins.
_COLON = "er staat een dubbele punt (:) waar dat niet kan. Staat er een : in een tekst? Zet de tekst dan tussen aanhalingstekens. Anders staat de regel te ver naar rechts"
_INDENT = "de inspringing klopt niet: deze regel staat verder naar links of rechts dan de velden eromheen"
_TAB = "er staat een tab. Gebruik spaties om in te springen"
_QUOTE = "er mist een aanhalingsteken aan het eind van een tekst"
_LIST = "een lijst tussen [ en ] of een blok tussen { en } is niet goed afgesloten"
YAML_PROBLEMS = [
    ("mapping values are not allowed", _COLON),
    ("tab", _TAB),
    ("found character '\\t'", _TAB),
    ("did not find expected key", _INDENT),
    ("expected <block end>", _INDENT),
    ("unexpected end of stream", _QUOTE),
    ("quoted scalar", _QUOTE),
    ("did not find expected ',' or ']'", _LIST),
    ("did not find expected ',' or '}'", _LIST),
    ("flow", _LIST),
]


def explain_yaml_problem(problem: str) -> str:
    for english, dutch in YAML_PROBLEMS:
        if english in problem:
            return f"{dutch} (YAML zegt: {problem})"
    return f"de opbouw van het bestand klopt niet (YAML zegt: {problem}). Controleer inspringing, dubbele punten en aanhalingstekens"


@dataclass
class YamlDocument:
    file: str
    data: object
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at path, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def error(self, path: Path_, message: str, entry_id: str = "") -> DataError:
        line, col = self.position(path)
        return DataError(self.file, line, col, message, entry_id)


# An anchor (&name) or alias (*name) can only stand at the start of a value: after a line start,
# a space or a flow indicator. Text without such a spot has none, and skips the event scan below.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])[&*][^\s]", re.M)
_MAX_ANCHOR_ERRORS = 20


def anchor_errors(text: str, name: str) -> list[DataError]:
    """Every anchor and alias, found in the parser's events before any node is built.

    Editors never need them, and aliases are how a few hundred bytes expand into gigabytes
    (an "alias bomb") or into a loop. Events do not expand aliases, so this pass is linear."""
    if not _MAYBE_ANCHOR.search(text):
        return []
    errors: list[DataError] = []
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.AliasEvent):
                message = (f"hier staat een verwijzing (*{event.anchor}) naar een ander stuk van het bestand. "
                           "Dat kan hier niet: schrijf de waarde zelf uit")
            elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
                message = (f"hier staat een anker (&{event.anchor}). Dat kan hier niet: haal '&{event.anchor}' weg "
                           "en schrijf elke waarde zelf uit")
            else:
                continue
            errors.append(DataError(name, event.start_mark.line + 1, event.start_mark.column + 1, message))
            if len(errors) >= _MAX_ANCHOR_ERRORS:
                break
    except yaml.YAMLError:
        return errors  # the normal read below reports the syntax error with its line
    return errors


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, loader: yaml.SafeLoader, path: Path_, doc: YamlDocument, errors: list[DataError]):
    doc.positions[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                errors.append(DataError(doc.file, *_mark(key_node), f"sleutel {key!r} is geen tekst"))
                continue
            if key in result:
                errors.append(DataError(doc.file, *_mark(key_node),
                                        f"het veld '{key}' staat hier twee keer; haal er één weg"))
            # The key's own position is where an editor looks for "unknown field" errors.
            result[key] = _walk(value_node, loader, path + (key,), doc, errors)
            doc.positions[path + (key,)] = _mark(key_node)
            doc.positions[path + (key, "__value__")] = _mark(value_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, path + (i,), doc, errors) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(path: Path, display_name: str | None = None) -> tuple[YamlDocument | None, list[DataError]]:
    """Parse one YAML file. Returns (document, errors); document is None when it cannot be read."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [DataError(name, 1, 1, "bestand ontbreekt")]
    except UnicodeDecodeError as exc:
        return None, [DataError(name, 1, 1, f"bestand is geen UTF-8-tekst ({exc.reason}); sla het op als UTF-8")]
    anchors = anchor_errors(text, name)
    if anchors:
        return None, anchors
    doc = YamlDocument(name, None)
    errors: list[DataError] = []
    loader = _TextDateLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [DataError(name, 1, 1, "bestand is leeg")]
        doc.data = _walk(node, loader, (), doc, errors)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [DataError(name, line, col, "YAML-fout: " + explain_yaml_problem(exc.problem or "onleesbare YAML"))]
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        return None, [DataError(name, 1, 1, f"YAML-fout: {exc}")]
    finally:
        loader.dispose()
    return doc, errors
