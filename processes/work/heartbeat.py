"""The timer worker's heartbeat: one row per worker, stamped at the end of every pass, so the
Pemeliharaan page can say when it last ran and warn when it has stopped."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from processes.db.base import DomainBase
from processes.db.upsert import put

TIMER_WORKER = "run-timers"


class WorkerHeartbeat(DomainBase):
    """When a background worker last finished a pass, and what it did."""

    __tablename__ = "worker_heartbeat"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_run_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    detail: Mapped[str] = mapped_column(String(200), default="")


def beat(session: Session, name: str, now: dt.datetime, detail: str = "") -> None:
    """Stamp `name`'s pass (the caller commits); two workers finishing at once both succeed."""
    put(session, WorkerHeartbeat, ["name"],
        {"name": name, "last_run_at": now, "detail": detail[:200]})


def last_beat(session: Session, name: str) -> WorkerHeartbeat | None:
    """The worker's last pass, or None when it never ran."""
    return session.scalar(select(WorkerHeartbeat).where(WorkerHeartbeat.name == name))
