"""The progress of a running personnel import, for the page polling it.

The import itself stays one transaction (all rows or none); its progress is written here by
a session of its own, one short transaction per step, so a second request can read it while
the import runs. A job names its starter and is shown only to them. SQLite allows one
writer: once the import's transaction has begun writing, a progress write would wait for
it, so on SQLite the steps of the writing phase are skipped (the page shows "menyimpan").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from processes.db.base import utcnow
from processes.records.personnel_models import ImportJob

TOKEN = re.compile(r"^[A-Za-z0-9-]{8,40}$")
STATE_LABELS = {"MEMERIKSA": "Memeriksa baris", "MENYIMPAN": "Menyimpan",
                "SELESAI": "Selesai", "GAGAL": "Gagal"}
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Shown:
    state: str
    label: str
    done: int
    total: int
    message: str


def tracker(factory: sessionmaker[Session], token: str, user_id: int, file_name: str) -> Progress:
    """A progress callback writing job `token` (a fresh row: any older one is replaced)."""
    sqlite = factory.kw["bind"].dialect.name == "sqlite"
    writing = {"begun": False}

    def step(state: str, done: int, total: int, message: str = "") -> None:
        if state == "MENYIMPAN" and sqlite and writing["begun"]:
            return
        writing["begun"] = writing["begun"] or state == "MENYIMPAN"
        with factory() as session:
            job = session.get(ImportJob, token) or ImportJob(token=token, started_by=user_id)
            job.file_name, job.state, job.done, job.total = file_name[:200], state, done, total
            job.message, job.updated_at = message[:300], utcnow()
            session.add(job)
            session.commit()

    return step


def shown(session: Session, token: str, user_id: int) -> Shown | None:
    """Job `token` as its starter sees it; None for an unknown token or someone else's job."""
    job = session.scalar(select(ImportJob).where(ImportJob.token == token,
                                                 ImportJob.started_by == user_id))
    if job is None:
        return None
    return Shown(job.state, STATE_LABELS.get(job.state, job.state), job.done, job.total, job.message)
