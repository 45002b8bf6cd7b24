"""The backup folder: archives named by the time they were made, the last N kept."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

SUFFIX = ".cadangan"
PREFIX = "ecatpers-"


def write(folder: Path, blob: bytes, now: dt.datetime) -> Path:
    """The archive in `folder`, written under a temporary name first so no half file shows."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}{SUFFIX}"
    partial = path.with_suffix(".sebagian")
    partial.write_bytes(blob)
    os.chmod(partial, 0o600)
    partial.replace(path)
    return path


def archives(folder: Path) -> list[Path]:
    """The folder's archives, newest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def prune(folder: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` archives; the removed paths."""
    removed = archives(folder)[max(keep, 1):]
    for path in removed:
        path.unlink()
    return removed
