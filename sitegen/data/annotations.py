"""Data errors as GitHub Actions workflow commands, so a pull request shows them on the YAML line.

`python build.py check --format github` prints one `::error file=…,line=…,col=…::…` per problem.
"""
from __future__ import annotations

from sitegen.errors import DataError


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(error: DataError) -> str:
    who = f"[{error.entry_id}] " if error.entry_id else ""
    props = (f"file={_escape_property(error.file)},line={error.line},col={error.column},"
             f"title={_escape_property('Gegevens kloppen niet')}")
    return f"::error {props}::{_escape_data(who + error.message)}"


def github_annotations(errors: list[DataError]) -> str:
    return "\n".join(github_annotation(e) for e in errors)
