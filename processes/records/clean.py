"""Since when a person is clean of sanctions ("bersih sejak"), as the SKHP verdict reads it.

Provisional reading, until sanctions carry their own end dates: the day the person's last
closed record that carried a sanction (an approved putusan with a hukuman) was closed.
"""

from __future__ import annotations

from datetime import UTC, date
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.records.models import Record, StatusChange, Submission
from processes.records.statuses import TUTUP, in_phase
from processes.records.writes import APPROVED

OFFICE_TIME = ZoneInfo("Asia/Jakarta")


def clean_since(session: Session, person_id: int) -> date | None:
    """The office date the person's last sanctioned record closed; None if no sanctioned
    record of theirs has closed (never sanctioned, or the sanction still runs)."""
    closed = in_phase(TUTUP)
    sanctioned = [
        record_id for record_id, data in session.execute(
            select(Submission.record_id, Submission.data)
            .join(Record, Record.id == Submission.record_id)
            .where(Record.person_id == person_id, Record.status.in_(closed),
                   Submission.status == APPROVED)
        ) if (data or {}).get("hukuman")
    ]
    if not sanctioned:
        return None
    last = session.scalar(
        select(func.max(StatusChange.changed_at))
        .where(StatusChange.record_id.in_(sanctioned), StatusChange.status.in_(closed))
    )
    if last is None:
        return None
    if last.tzinfo is None:  # SQLite hands back naive UTC
        last = last.replace(tzinfo=UTC)
    return last.astimezone(OFFICE_TIME).date()
