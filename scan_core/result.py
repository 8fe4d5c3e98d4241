"""The result as data: one shape for scan_core's JSON, the download and the widget (DESIGN.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields

# In every result (and so in every JSON download): the comparison recognises its own files.
RESULT_MARKER = "drenthe-digitaal-zelfscan-uitkomst"


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
    activity: str = ""          # activity type slug (ARCHITECTURE.md)
    kind_word: str = ""         # that type in one Dutch word (scan data "activity_words")
    open_until: str | None = None
    partner: dict | None = None  # {"id", "name", "url"} of the main partner
    usable_now: bool = False    # status open and open_from not after today
    next: dict | None = None    # {"id", "name", "url"}: what comes after it on the ladder (the chain)


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
    handoff: dict = field(default_factory=dict)  # contacts for "Bespreek dit met een adviseur" + mail text
    basisniveau: dict | None = None  # scan_core.basisniveau: meets the basisniveau digitale veiligheid? None without a definition
    summary: str = ""   # plain text: phase, answers, priorities, first offers (mail body, card)
    events: list[dict] = field(default_factory=list)  # coming events that fit (scan_core/events.py)
    marker: str = RESULT_MARKER  # tells a downloaded result of this scan from any other JSON

    def to_json(self) -> str:
        """Deterministic JSON: the same bytes in CPython and in Pyodide. The json module walks the
        lists and dicts itself and asks _fields only for a dataclass (a third faster than
        dataclasses.asdict first, which deep-copies everything)."""
        return json.dumps(self, default=_fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _fields(value) -> dict:
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(f"{type(value).__name__} is geen JSON")

