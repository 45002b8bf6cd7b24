"""Whether the audit log is intact: the full check, the viewer's check, the exported head.

The full check (`flask --app web audit-verify`, from cron) walks the whole chain and
records its result in the log itself, so the checks are part of the trail. Walking the
whole chain costs time in proportion to its length (measured: tens of thousands of rows
a second), too slow for every page view of a log that grows by every list row read. So
the viewer checks, on every view, the newest WINDOW rows and the rows it shows (each row
needs only its predecessor to be checked), and reports the last full check's result: a
log smaller than the window is checked whole each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import utcnow
from processes.db import audit
from processes.db.audit import AuditEntry
from processes.db.audit_actions import PERIKSA_RANTAI
from processes.db.audit_chain import ChainCheck, head_document, head_is_signed
from processes.db.uow import UnitOfWork

WINDOW = 10_000
UTUH, RUSAK = "UTUH", "RUSAK"


@dataclass(frozen=True)
class ChainStatus:
    """What the viewer says about the chain."""

    ok: bool
    broken_id: int | None
    reason: str
    checked: int  # rows checked for this view
    total: int  # rows in the log
    last_full_at: datetime | None  # the last full check (None: never)
    last_full_ok: bool | None

    @property
    def whole(self) -> bool:
        return self.checked >= self.total


def chain_status(session: Session, shown_from: int = 0, shown_to: int = 0) -> ChainStatus:
    """Check the newest rows and the rows shown (`shown_from`..`shown_to`)."""
    key = session.info[audit.KEY]
    last_full = _last_full_check(session)  # read first: the check below may be newer
    head = audit.head(session)
    window_start = max(1, head.id - WINDOW + 1)
    checks = [audit.verify(session, key, window_start)]
    if shown_from and shown_from < window_start:
        checks.append(audit.verify(session, key, shown_from, min(shown_to, window_start - 1)))
    broken = next((c for c in checks if not c.ok), None)
    full_ok = None if last_full is None else last_full.outcome == UTUH
    if broken is None and full_ok is False:
        detail = last_full.detail
        broken = ChainCheck(False, 0, 0, "", detail.get("baris_rusak"),
                            f"pemeriksaan penuh {detail.get('alasan', '')}".strip())
    return ChainStatus(
        ok=broken is None, broken_id=broken.broken_id if broken else None,
        reason=broken.reason if broken else "", checked=sum(c.rows for c in checks),
        total=head.id, last_full_at=last_full.at if last_full else None, last_full_ok=full_ok,
    )


def _last_full_check(session: Session) -> AuditEntry | None:
    return session.scalar(select(AuditEntry).where(AuditEntry.action == PERIKSA_RANTAI)
                          .order_by(AuditEntry.id.desc()).limit(1))


def verify_log(
    uow: UnitOfWork, head_key: bytes | None = None, head_doc: dict[str, Any] | None = None,
) -> tuple[ChainCheck, str]:
    """`flask audit-verify`: the whole chain and, given an exported head, whether its tail
    still holds. The result is recorded in the log."""
    with uow:
        session = uow.session
        check = audit.verify(session, session.info[audit.KEY])
        problem = check_head(session, head_key, head_doc) if head_doc is not None else ""
        detail: dict[str, Any] = {"baris": check.rows, "kepala": check.head_id}
        if not check.ok:
            detail.update(baris_rusak=check.broken_id, alasan=check.reason)
        elif problem:
            detail.update(alasan=problem)
        audit.record(session, PERIKSA_RANTAI, user_id=None, outcome=UTUH if check.ok and not problem
                     else RUSAK, detail=detail)
        uow.commit()
        return check, problem


def current_head(uow: UnitOfWork, head_key: bytes) -> dict[str, Any]:
    """`flask audit-head`: the signed head to keep outside the database."""
    with uow:
        return export_head(uow.session, head_key)


def export_head(session: Session, head_key: bytes) -> dict[str, Any]:
    """The chain's last row, signed: kept elsewhere, it shows a cut-off tail later."""
    head = audit.head(session)
    return head_document(head_key, head.id, head.row_hash, head.at, utcnow())


def check_head(session: Session, head_key: bytes, doc: dict[str, Any]) -> str:
    """What is wrong between an exported head and the log now ("" when it still holds)."""
    if not head_is_signed(head_key, doc):
        return "Berkas kepala rantai tidak sah (tanda tangannya tidak cocok)."
    if doc["id"] == 0:
        return ""
    found = audit.row_hash_of(session, int(doc["id"]))
    if found is None:
        return f"Baris #{doc['id']} yang disebut kepala rantai sudah tidak ada: ujung log dipotong."
    if found != doc["row_hash"]:
        return (f"Baris #{doc['id']} tidak lagi sama dengan yang disebut kepala rantai: log "
                "dipotong lalu disambung lagi, atau ditulis ulang.")
    return ""
