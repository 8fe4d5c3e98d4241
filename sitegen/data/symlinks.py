"""Refuse symbolic links in data/ and content/.

Anyone can open a pull request, and git stores a symlink as a link: `content/x.md -> ../.git/config`
would otherwise be followed by the build and published. Editors never need one.
"""
from __future__ import annotations

import os
from pathlib import Path

from sitegen.errors import DataError


def symlink_errors(folder: Path, shown: str) -> list[DataError]:
    """One error per symlink under folder (not followed), named as shown/relative/path."""
    if not folder.is_dir():
        return []
    errors = []
    for dirpath, dirnames, filenames in os.walk(folder):  # os.walk does not follow linked folders
        for entry in sorted(dirnames + filenames):
            path = Path(dirpath) / entry
            if path.is_symlink():
                rel = path.relative_to(folder).as_posix()
                errors.append(DataError(f"{shown}/{rel}", 1, 1,
                                        "dit is een snelkoppeling (symlink) naar een ander bestand of een andere map. "
                                        "Dat kan hier niet: zet het bestand zelf hier neer, of haal de snelkoppeling weg"))
    return errors
