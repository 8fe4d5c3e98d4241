"""The repository's root, for the defaults of every stage (data/, content/, widget/, node_modules/)."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
