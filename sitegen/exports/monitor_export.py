"""The monitor's aggregates as open data: data/monitor.json and data/monitor.csv.

Only what the aggregate files hold (counts, already suppressed and checked by sitegen.data.monitor);
a suppressed count stays the text "<5". The CSV is long (one count per row), so a spreadsheet can
pivot it, and follows the site's CSV rules (sitegen.exports.open_data.to_csv).
"""
from __future__ import annotations

from sitegen.data.dataset import Dataset
from sitegen.data.monitor import INDICATORS

MONITOR_COLUMNS = ["quarter", "indicator", "breakdown", "key", "count", "threshold", "made_on"]
BREAKDOWNS = ("total", "of", "firms", "by_gemeente", "by_step", "by_instrument")


def monitor_json(dataset: Dataset) -> dict:
    """The aggregates as they stand in data/monitor/, oldest quarter first, with the settings' threshold."""
    settings = dataset.monitor.settings
    return {"threshold": settings.threshold if settings else None,
            "quarters": [a.model_dump(mode="json") for a in dataset.monitor.quarters]}


def monitor_rows(dataset: Dataset) -> list[dict]:
    rows = []
    for agg in dataset.monitor.quarters:
        common = {"quarter": agg.quarter, "threshold": agg.threshold, "made_on": agg.made_on.isoformat()}
        for name in INDICATORS:
            block = getattr(agg.indicators, name)
            for part in BREAKDOWNS:
                value = getattr(block, part, None)
                if value is None:
                    continue
                if isinstance(value, dict):
                    rows += [{**common, "indicator": name, "breakdown": part, "key": k, "count": v} for k, v in value.items()]
                else:
                    rows.append({**common, "indicator": name, "breakdown": part, "key": "", "count": value})
    return rows
