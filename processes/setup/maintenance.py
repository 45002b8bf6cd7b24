"""The maintenance page's facts (ADMIN): how big the database is, the stored documents
and letters, the newest backup and whether it verifies, open incidents, when the timer
worker last finished a pass and timers left waiting past their time (both signs of a
worker that stopped), the last consistency check, and the current version of each diagram.
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
from processes.setup.checks import ConsistencyRun, last_check
from processes.work.heartbeat import TIMER_WORKER, last_beat

#: A timer this long past due, or a worker this long silent, means no worker runs (it is
#: meant to run every minute).
TIMER_GRACE = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class WorkerRun:
    at: dt.datetime
    detail: str


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
    timer_worker: WorkerRun | None
    timer_worker_stale: bool
    last_check: ConsistencyRun | None
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
    worker = timer_worker(session)
    return MaintenanceState(
        database, size, documents, int(documents_bytes), letters, int(letters_bytes), backup,
        stale, engine.incident_count(session), late, worker,
        worker is None or now - worker.at > TIMER_GRACE, last_check(session),
        diagram_versions(session))


def timer_worker(session: Session) -> WorkerRun | None:
    found = last_beat(session, TIMER_WORKER)
    return WorkerRun(engine.as_utc(found.last_run_at), found.detail) if found else None
