"""Whether the audit log is intact: the full check, the viewer's check, the exported head.

The full check (`flask --app web audit-verify`, from cron) walks the whole chain and
records its result in the log itself, so the checks are part of the trail. Walking the
whole chain costs time in proportion to its length (measured: about 85,000 rows a second),
too slow for every page view of a log that grows by every list row read. So each view
checks (each row needs only its predecessor to be checked):

- the newest WINDOW rows and the rows it shows;
- the rows written since the last checkpoint, at most CATCH_UP of them, oldest first.

A view that carried the checkpoint CHECKPOINT_EVERY rows or more forward records the new
one in the log itself (PERIKSA_RANTAI_LIHAT, "kepala" = the last row it checked), as the
full check records its own. The checkpoint is then a hashed row of the chain: it cannot be
moved forward without the key, and removing it breaks the chain. So every row is checked
by some view soon after it is written, a view costs WINDOW rows plus what came since the
last one, and a row changed after its checkpoint shows on the next full check or when a
view shows it.
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
from processes.db.audit_actions import PERIKSA_RANTAI, PERIKSA_RANTAI_LIHAT
from processes.db.audit_chain import ChainCheck, head_document, head_is_signed
from processes.db.uow import UnitOfWork

WINDOW = 1_000
CATCH_UP = 20_000
CHECKPOINT_EVERY = 1_000
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
    checkpoint: int = 0  # every row up to here was checked by an earlier view or full check
    verified_to: int = 0  # ... and with this view, every row up to here

    @property
    def whole(self) -> bool:
        return self.checked >= self.total


def chain_status(session: Session, shown_from: int = 0, shown_to: int = 0) -> ChainStatus:
    """Check the newest rows, the rows since the last checkpoint and the rows shown
    (`shown_from`..`shown_to`)."""
    key = session.info[audit.KEY]
    last_full = _last_full_check(session)  # read first: the check below may be newer
    checkpoint = _checkpoint(session)
    head = audit.head(session)
    window_start = max(1, head.id - WINDOW + 1)
    checks = [audit.verify(session, key, window_start)]
    verified_to, caught_up = head.id, (0, -1)
    if checkpoint + 1 < window_start:
        caught_up = (checkpoint + 1, min(checkpoint + CATCH_UP, window_start - 1))
        checks.append(audit.verify(session, key, *caught_up))
        if caught_up[1] < window_start - 1:
            verified_to = caught_up[1]
    shown_to = min(shown_to, window_start - 1)
    if shown_from and shown_from <= shown_to and not (
            caught_up[0] <= shown_from and shown_to <= caught_up[1]):
        checks.append(audit.verify(session, key, shown_from, shown_to))
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
        checkpoint=checkpoint, verified_to=verified_to if broken is None else checkpoint,
    )


def keep_checkpoint(session: Session, status: ChainStatus) -> bool:
    """Record how far this view checked, when that moved the checkpoint far enough to be
    worth a row; True when it did (the caller commits)."""
    if status.verified_to - status.checkpoint < CHECKPOINT_EVERY:
        return False
    audit.record(session, PERIKSA_RANTAI_LIHAT, user_id=None, outcome=UTUH,
                 detail={"baris": status.verified_to - status.checkpoint,
                         "kepala": status.verified_to})
    return True


def _checkpoint(session: Session) -> int:
    """The newest row up to which a full check or a view found the chain whole."""
    detail = session.scalar(
        select(AuditEntry.detail)
        .where(AuditEntry.action.in_((PERIKSA_RANTAI, PERIKSA_RANTAI_LIHAT)),
               AuditEntry.outcome == UTUH)
        .order_by(AuditEntry.id.desc()).limit(1))
    return int((detail or {}).get("kepala", 0))


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
