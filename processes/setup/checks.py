"""The consistency check (`periksa`) as a recorded event: whether an administrator runs it
from Pemeliharaan or cron runs `flask --app web periksa`, the run and what it found go
into the audit log, and the page shows the last run from there (no table of its own, and
nobody can quietly drop a bad result)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import User
from processes.db import audit
from processes.db.audit import AuditEntry
from processes.db.audit_actions import PERIKSA_KONSISTENSI
from processes.db.uow import UnitOfWork
from processes.work import consistency

#: Findings kept in the log row; the command prints every one.
KEPT_LINES = 20
KONSISTEN, TIDAK_KONSISTEN = "KONSISTEN", "TIDAK KONSISTEN"


@dataclass(frozen=True)
class ConsistencyRun:
    at: dt.datetime
    findings: int
    instances: int
    records: int
    lines: list[str]  # the first KEPT_LINES findings

    @property
    def consistent(self) -> bool:
        return self.findings == 0


def run_check(read: Callable[[], UnitOfWork], record: UnitOfWork,
              user_id: int | None) -> consistency.Report:
    """Run the check in a read-only transaction of its own (`read`), then record its
    result through `record`."""
    report = consistency.periksa(read)
    with record as uow:
        audit.record(uow.session, PERIKSA_KONSISTENSI, user_id=user_id,
                     outcome=KONSISTEN if report.consistent else TIDAK_KONSISTEN,
                     detail={"temuan": len(report.lines), "proses": report.instances,
                             "catatan": report.records, "baris": report.lines[:KEPT_LINES]})
        uow.commit()
    return report


def run_check_as(read: Callable[[], UnitOfWork], record: UnitOfWork,
                 user: User) -> consistency.Report:
    """The Pemeliharaan button: administrators only."""
    require_admin(user)
    return run_check(read, record, user.id)


def last_check(session: Session) -> ConsistencyRun | None:
    row = session.scalar(select(AuditEntry).where(AuditEntry.action == PERIKSA_KONSISTENSI)
                         .order_by(AuditEntry.id.desc()).limit(1))
    if row is None:
        return None
    d = row.detail
    return ConsistencyRun(row.at, int(d.get("temuan", 0)), int(d.get("proses", 0)),
                          int(d.get("catatan", 0)), list(d.get("baris", [])))
