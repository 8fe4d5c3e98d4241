"""Paths and the fixed 'today' that tests share. A module of its own, not conftest: two
conftest.py files (tests/ and tests/browser/) would shadow each other as 'conftest'."""
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = date(2026, 12, 5)  # the day of the last data review (issue 23); entries may not be reviewed after it
