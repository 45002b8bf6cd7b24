"""The backup folder: archives named by the time they were made, the last N kept."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from processes.errors import Refused
from processes.setup.backup import load

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


@dataclass(frozen=True)
class Listed:
    """One archive on the admin page: its name, size, age and whether it verifies."""

    name: str
    size: int
    made_at: dt.datetime
    verified: bool
    problem: str
    method: str = ""
    note: str = ""


def listing(folder: Path, key: bytes | None, now: dt.datetime) -> tuple[list[Listed], bool]:
    """The archives, newest first, each verified; and whether the last good one is over a day old."""
    rows = []
    for path in archives(folder):
        problem = "" if key else "Kunci cadangan belum diatur."
        method = note = ""
        if key:
            try:
                archive = load(path.read_bytes(), key)
                method, note = archive.method, archive.note
            except Refused as err:
                problem = str(err)
        made = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
        rows.append(Listed(path.name, path.stat().st_size, made, not problem, problem,
                           method, note))
    good = [row.made_at for row in rows if row.verified]
    return rows, not good or now - max(good) > dt.timedelta(days=1)
