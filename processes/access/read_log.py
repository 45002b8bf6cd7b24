"""The read log: every read of a person's catpers or letter, and its viewer for Kabid Propam."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.access.models import ReadLog
from processes.accounts.models import User
from processes.db.paging import after_day, day_start, page_window

PAGE_SIZE = 50


def log_read(session: Session, user: User, nomor: str, what: str, ref: str, ground: str) -> None:
    session.add(
        ReadLog(user_id=user.id, nomor_identitas=nomor, what=what, ref=str(ref), ground=ground)
    )


@dataclass
class LogPage:
    rows: list[tuple[ReadLog, str]]
    total: int
    page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def search(
    session: Session, nomor: str = "", username: str = "", dari: date | None = None,
    sampai: date | None = None, page: int = 1,
) -> LogPage:
    query = select(ReadLog, User.full_name).join(User, User.id == ReadLog.user_id)
    if nomor:
        query = query.where(ReadLog.nomor_identitas == nomor)
    if username:
        query = query.where(User.username == username.lower())
    if dari:
        query = query.where(ReadLog.read_at >= day_start(dari))
    if sampai and after_day(sampai):
        query = query.where(ReadLog.read_at < after_day(sampai))
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    page, offset = page_window(total, page, PAGE_SIZE)
    rows = [] if offset is None else session.execute(
        query.order_by(ReadLog.read_at.desc(), ReadLog.id.desc())
        .limit(PAGE_SIZE).offset(offset)
    ).all()
    return LogPage([tuple(r) for r in rows], total, page)
