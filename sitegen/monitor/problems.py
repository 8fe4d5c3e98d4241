"""A problem in a partner's file, said in Dutch with where it is: file, sheet, row and column."""
from __future__ import annotations

from dataclasses import dataclass

from sitegen.errors import printable

# More than this and the list stops being read: the rest is one line "en nog N andere problemen".
SHOWN = 50


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    sheet: str = ""
    row: int = 0
    column: str = ""      # "D (Gemeente)"
    message: str = ""

    def __post_init__(self):
        # Messages repeat what a partner typed: escape control characters once, here.
        for name in ("file", "sheet", "column", "message"):
            object.__setattr__(self, name, printable(getattr(self, name)))

    def __str__(self) -> str:
        where = [self.file] + ([self.sheet] if self.sheet else [])
        if self.row:
            where.append(f"rij {self.row}")
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{':'.join(where)}: {self.message}"


class MonitorErrors(Exception):
    """Every problem in the folder at once; nothing is written while there is one."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def report(self) -> str:
        n = len(self.problems)
        head = "1 probleem gevonden" if n == 1 else f"{n} problemen gevonden"
        lines = [f"De registraties kloppen nog niet: {head}. Er is niets geschreven."]
        lines += [f"  {p}" for p in self.problems[:SHOWN]]
        if n > SHOWN:
            lines.append(f"  … en nog {n - SHOWN} andere problemen.")
        lines.append("Pas de bestanden aan (of vraag de partner dat te doen) en draai het commando opnieuw.")
        return "\n".join(lines)
