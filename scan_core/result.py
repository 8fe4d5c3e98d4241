"""The result as data: one shape for scan_core's JSON, the download and the widget (DESIGN.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class StepRef:
    slug: str
    name: str


@dataclass(frozen=True)
class AnswerAdvice:
    id: str
    number: int
    title: str
    letter: str
    answer: str      # the option text the entrepreneur chose
    step: str        # ladder slug of the letter
    advice: str      # the "Volgende stap" of the letter's band
    priority: bool


@dataclass(frozen=True)
class Recommendation:
    kind: str        # "instrument" or "partner"
    id: str
    name: str
    url: str         # relative to the site root
    why: str
    status: str
    status_label: str
    target_group: str


@dataclass(frozen=True)
class ScanResult:
    code: str
    phase: StepRef
    between: StepRef | None
    reasoning: list[str]
    answers: list[AnswerAdvice]
    priorities: list[str]
    priority_notes: list[str]
    meaning: str
    action: str
    subsidies: list[dict]
    routes: list[dict]
    recommendations: list[Recommendation]
    caveat: str
    subsidy_caveat: str
    step_up: str
    gemeente: dict | None
    date: str
    svg: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return _plain(self)

    def to_json(self) -> str:
        """Deterministic JSON: the same bytes in CPython and in Pyodide."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _plain(value):
    """Like dataclasses.asdict, without its deep copies (a third of the time of a scan)."""
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
