"""Errors the build reports in Dutch: data errors at file:line:column, and what the scan's files need."""
from __future__ import annotations

from dataclasses import dataclass


def printable(text: str) -> str:
    """Text a message may repeat from the data: control and invisible characters escaped (\\x1b,
    \\u202e), so a value cannot steer the terminal or reorder what an editor reads."""
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    column: int
    message: str
    entry_id: str = ""

    def __post_init__(self):
        # Messages quote values from the data (a YAML "\e" is an escape character): escape them once, here.
        for name in ("file", "message", "entry_id"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        who = f" [{self.entry_id}]" if self.entry_id else ""
        return f"{where}:{who} {self.message}"


class DataErrors(Exception):
    """Every problem found in the data at once; the build stops before writing anything."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))

    def report(self) -> str:
        n = len(self.errors)
        head = "1 probleem gevonden" if n == 1 else f"{n} problemen gevonden"
        lines = [f"De gegevens kloppen nog niet: {head}. Er is niets gebouwd."]
        lines += [f"  {e}" for e in self.errors]
        lines.append("Pas de regels hierboven aan en draai daarna opnieuw: python build.py check")
        return "\n".join(lines)


class ScanAssetsError(RuntimeError):
    """Something the scan's files need (Node, npm packages, esbuild) is missing or failed.

    The message is Dutch and says what to do (mostly: run npm ci); the build shows it without a
    traceback."""


class BuildError(Exception):
    """A build step failed; the message is Dutch and says what to do."""
