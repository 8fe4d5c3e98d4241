"""Aggregate files for tests of the monitor pages, made from true counts with the contract's
suppression rule. Test data only: never written into data/ (the public site has no example numbers)."""
from __future__ import annotations

from pathlib import Path

import yaml

GEMEENTEN = ["aa-en-hunze", "assen", "borger-odoorn", "coevorden", "de-wolden", "emmen", "hoogeveen", "meppel",
             "midden-drenthe", "noordenveld", "tynaarlo", "westerveld", "hardenberg"]
STEPS = ["orienteren", "starten", "funderen", "optimaliseren", "innoveren", "transformeren"]
RULE = "Een bedrijf dat door twee partners is geholpen, telt twee keer: er is bewust geen sleutel die bedrijven tussen partners koppelt."


def suppress(total: int, cells: dict[str, int], t: int = 5) -> tuple[object, dict[str, object]]:
    """The contract's rule: under t (not 0) is '<t'; a lone suppressed cell takes the next smallest with it."""
    label = f"<{t}"
    if 0 < total < t:
        return label, {k: (label if v else 0) for k, v in cells.items()}
    out: dict[str, object] = {k: (label if 0 < v < t else v) for k, v in cells.items()}
    hidden = [k for k, v in out.items() if v == label]
    if len(hidden) == 1:
        rest = sorted((v, k) for k, v in out.items() if isinstance(v, int) and v > 0)
        if rest:
            out[rest[0][1]] = label
    return total, out


def true_counts(scale: int) -> dict:
    """Counts as an aggregator would find them; `scale` moves the trend from quarter to quarter."""
    by_gem = {g: (i * 3 + scale) % 17 for i, g in enumerate(GEMEENTEN)}
    by_gem["emmen"] += 20 + scale
    by_gem["hardenberg"] = 2
    by_step = {s: v for s, v in zip(STEPS, [40 + scale, 30, 20, 10, 3, 0])}
    by_step["orienteren"] += sum(by_gem.values()) - sum(by_step.values())
    return {"bereik": (by_gem, by_step)}


def aggregate(quarter: str, made_on: str, scale: int = 1, t: int = 5) -> dict:
    by_gem, by_step = true_counts(scale)["bereik"]
    total = sum(by_gem.values())
    bereik_total, bereik_gem = suppress(total, by_gem, t)
    _, bereik_step = suppress(total, by_step, t)
    door_gem = {g: v // 3 for g, v in by_gem.items()}
    door_total = sum(door_gem.values())
    door_step = {s: 0 for s in STEPS}
    door_step["orienteren"], door_step["starten"] = door_total - door_total // 3, door_total // 3
    basis_gem = {g: v // 2 for g, v in by_gem.items()}
    basis_total = sum(basis_gem.values())
    basis_step = {s: 0 for s in STEPS}
    basis_step["funderen"], basis_step["optimaliseren"] = basis_total - 12, 12
    talent_gem = {g: (6 if g in ("emmen", "assen") else 0) for g in GEMEENTEN}
    return {
        "quarter": quarter, "made_on": made_on, "threshold": t,
        "partners": ["ibdo", "it-hub-drenthe"],
        "basisniveau": {"question": "security", "letters": ["C", "D", "E", "F"], "provisional": True,
                        "text": "Voorlopig telt C, D, E of F bij de vraag over digitale veiligheid."},
        "rules": [RULE],
        "indicators": {
            "bereik": {"total": bereik_total, "by_gemeente": bereik_gem, "by_step": bereik_step},
            "doorstroom": {"total": door_total, "of": door_total + 20,
                           "by_gemeente": suppress(door_total, door_gem, t)[1], "by_step": suppress(door_total, door_step, t)[1]},
            "instrumenten": {"total": 30 + scale, "by_instrument": {"subsidie-digitale-en-ai-gereedheid": 10 + scale,
                                                                    "ibdo-intake": 20}},
            "basisniveau": {"total": basis_total, "of": basis_total + 30,
                            "by_gemeente": suppress(basis_total, basis_gem, t)[1], "by_step": suppress(basis_total, basis_step, t)[1]},
            "talent": {"total": 12, "firms": 6, "by_gemeente": talent_gem},
            "binding": {"total": 7, "of": 12, "by_gemeente": suppress(7, {g: (7 if g == "emmen" else 0) for g in GEMEENTEN}, t)[1]},
        },
    }


def write_aggregate(data_dir: Path, agg: dict) -> Path:
    folder = data_dir / "monitor"
    folder.mkdir(exist_ok=True)
    path = folder / f"{agg['quarter']}.yaml"
    path.write_text("# Testgegevens\n" + yaml.safe_dump(agg, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
