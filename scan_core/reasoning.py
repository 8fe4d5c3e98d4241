"""Why this phase: plain Dutch sentences, in the words of the seed, without points or scores."""
from __future__ import annotations

from .answers import LETTERS
from .phase import Placement


def _times(letter: str, n: int) -> str:
    return f"{n}× {letter}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def explain(placement: Placement, step_names: list[str], lowest: int, lowest_titles: list[str],
            between_note: str) -> list[str]:
    counts = sorted(placement.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    phase_letter = LETTERS[placement.phase]
    phase_name = step_names[placement.phase]
    lines = [f"Je koos {_join([_times(LETTERS[s], n) for s, n in counts])}."]
    if len(placement.tied) == 1:
        lines.append(f"Je koos {phase_letter} het vaakst. Daarom zit je in de fase {phase_name}.")
    else:
        tied = _join([LETTERS[s] for s in placement.tied])
        lines.append(f"Je koos {tied} even vaak ({placement.counts[placement.phase]}×). Dan telt het antwoord "
                     f"dat het dichtst bij je middelste antwoord ({LETTERS[placement.median]}) ligt: "
                     f"{phase_letter}. Daarom zit je in de fase {phase_name}.")
    if placement.between is not None:
        other = placement.between
        how = "net zo vaak" if placement.counts[other] == placement.counts[placement.phase] else "bijna net zo vaak"
        low, high = sorted((placement.phase, other))
        lines.append(f"Je koos {LETTERS[other]} {how}. Je zit tussen {step_names[low]} en {step_names[high]}. "
                     f"{between_note}")
    lines.append(f"Je laagste antwoord is {LETTERS[lowest]}, bij: {_join(lowest_titles)}. "
                 "Lage scores laten zien waar je eerst aandacht aan moet geven.")
    return lines
