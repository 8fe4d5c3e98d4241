"""What a registration may name, from data/: partners, gemeenten, treden, instruments; and what a
scan code means (trede and basisniveau), worked out by scan_core, the same engine as the site."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from scan_core.answers import LETTERS, decode_code
from scan_core.errors import ScanInputError
from scan_core.phase import place


@dataclass(frozen=True)
class CodeMeaning:
    step: int                 # ladder index 0-5, by scan_core's phase rule
    meets_basisniveau: bool   # the answer to the basisniveau question is one of the settings' letters
    gemeente: str | None      # the gemeente in the code, if any


@dataclass
class Vocabulary:
    partners: list[str]                 # partner ids, in data order
    gemeenten: list[tuple[str, str]]    # (slug, name)
    steps: list[tuple[str, str]]        # (slug, name), ladder order
    instruments: list[str]              # instrument ids, in data order
    question_index: int                 # which answer in a code is the basisniveau question
    basisniveau_letters: frozenset[str]
    _gemeente: dict[str, str] = field(init=False, repr=False)
    _step: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self):
        # A partner may type the slug or the name, in any case: both are on the template's list sheet.
        self._gemeente = {}
        for slug, name in self.gemeenten:
            self._gemeente[slug.casefold()] = slug
            self._gemeente[name.casefold()] = slug
        self._step = {}
        for i, (slug, name) in enumerate(self.steps):
            self._step[slug.casefold()] = i
            self._step[name.casefold()] = i
        self.partner_set = frozenset(self.partners)
        self.instrument_set = frozenset(self.instruments)
        self.gemeente_slugs = [slug for slug, _ in self.gemeenten]
        self.step_slugs = [slug for slug, _ in self.steps]
        self.meaning = lru_cache(maxsize=4096)(self._meaning)

    @classmethod
    def from_dataset(cls, dataset, question: str, letters: list[str]) -> "Vocabulary":
        ids = [q.id for q in dataset.ladder.questions]
        return cls(partners=[p.id for p in dataset.partners],
                   gemeenten=[(g.slug, g.name) for g in dataset.regions.gemeenten],
                   steps=[(s.slug, s.name) for s in dataset.ladder.steps],
                   instruments=[i.id for i in dataset.instruments],
                   question_index=ids.index(question),
                   basisniveau_letters=frozenset(letters))

    def gemeente(self, text: str) -> str | None:
        return self._gemeente.get(text.casefold())

    def step(self, text: str) -> int | None:
        return self._step.get(text.casefold())

    def _meaning(self, code: str) -> CodeMeaning:
        """ScanInputError (a Dutch message) for a code scan_core refuses."""
        answers, gemeente = decode_code(code, set(self.gemeente_slugs))
        placement = place([LETTERS.index(letter) for letter in answers])
        return CodeMeaning(placement.phase, answers[self.question_index] in self.basisniveau_letters, gemeente)


__all__ = ["CodeMeaning", "Vocabulary", "ScanInputError"]
