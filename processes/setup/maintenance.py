"""The maintenance page's facts (ADMIN): how big the database is, the stored documents
and letters, the newest backup and whether it verifies, open incidents, timers left
waiting past their time (the sign of a timer worker that does not run: the app does not
record the worker's runs), and the current version of each diagram.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

import engine
from engine.catalogue import version_rows
from processes.accounts.admin import require_admin
from processes.errors import Refused
from processes.letters.models import Letter
from processes.records.models import StoredFile
from processes.setup.backup import load
from processes.setup.backup_files import archives

#: A timer this long past due means no worker woke it.
TIMER_GRACE = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class DiagramVersion:
    name: str
    source_file: str
    number: int  # the how-many-th version of its process this is
    deployed_at: dt.datetime
    running: int


@dataclass(frozen=True)
class LastBackup:
    name: str
    size: int
    made_at: dt.datetime
    verified: bool
    problem: str


@dataclass(frozen=True)
class MaintenanceState:
    database: str
    database_bytes: int | None
    documents: int
    documents_bytes: int
    letters: int
    letters_bytes: int
    last_backup: LastBackup | None
    backup_stale: bool
    open_incidents: int
    late_timers: int
    diagrams: list[DiagramVersion]


def database_size(session: Session) -> tuple[str, int | None]:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return "PostgreSQL", session.scalar(text("SELECT pg_database_size(current_database())"))
    if dialect == "sqlite":
        pages = session.scalar(text("PRAGMA page_count")) or 0
        return "SQLite", pages * (session.scalar(text("PRAGMA page_size")) or 0)
    return dialect, None


def last_backup(folder: Path, key: bytes | None) -> LastBackup | None:
    """The newest archive, verified with the office key (only that one: each takes a read)."""
    found = archives(folder)
    if not found:
        return None
    path = found[0]
    problem = "" if key else "Kunci cadangan belum diatur."
    if key:
        try:
            load(path.read_bytes(), key)
        except Refused as err:
            problem = str(err)
    made = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return LastBackup(path.name, path.stat().st_size, made, not problem, problem)


def diagram_versions(session: Session) -> list[DiagramVersion]:
    rows = version_rows(session)  # by process, newest first
    return sorted((
        DiagramVersion(r.name, r.source_file, sum(1 for o in rows if o.process_id == r.process_id
                                                   and o.version_id <= r.version_id),
                       r.deployed_at, r.running)
        for r in rows if r.is_current), key=lambda v: v.name)


def state(session: Session, user, folder: Path, key: bytes | None,
          now: dt.datetime) -> MaintenanceState:
    require_admin(user)
    database, size = database_size(session)
    documents, documents_bytes = session.execute(
        select(func.count(), func.coalesce(func.sum(StoredFile.size), 0))).one()
    letters, letters_bytes = session.execute(
        select(func.count(), func.coalesce(func.sum(func.length(Letter.pdf)), 0))).one()
    backup = last_backup(folder, key)
    stale = backup is None or not backup.verified or now - backup.made_at > dt.timedelta(days=1)
    late = len(engine.due_instances(session, now - TIMER_GRACE, limit=1000))
    return MaintenanceState(database, size, documents, int(documents_bytes), letters,
                            int(letters_bytes), backup, stale, engine.incident_count(session), late,
                            diagram_versions(session))
