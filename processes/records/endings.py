"""A waiting submission that ends without approval: withdrawn by its unit (DITARIK) or
refused outright by an approver (DITOLAK), always with a reason.

The record returns to the status it had before the submission: the newest status set by
another instance. A first pencatatan has none, so its record becomes DIBATALKAN (kept for
the trail, counted nowhere, no finding). The reason is kept on the submission and shown in
the record's Tahapan. The refusal runs as a service task of the shared approval chain
(bpmn-models/persetujuan_berjenjang.bpmn); the withdrawal from `work.withdrawal`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext, utcnow
from processes.db.audit_actions import UBAH_PENGAJUAN
from processes.errors import Refused
from processes.records import statuses
from processes.records.models import Record, StatusChange, Submission
from processes.records.writes import WAITING, audit_record_change, set_status, submission_of
from processes.workflow.services import SERVICES

WITHDRAWN, REFUSED = "DITARIK", "DITOLAK"
#: Where the reason is kept in the submission's data (shown in the Tahapan).
REASON = "alasan_akhir"
ENDED = {WITHDRAWN: "Ditarik oleh satuan pengaju", REFUSED: "Ditolak"}

RefusedHook = Callable[[ServiceContext, str], None]
#: Flows that write nothing until approved (penghargaan): their refusal has no submission
#: to end and no record to step back, so it calls the flow's own hook (process id -> fn).
_NOTHING_ON_FILE: dict[str, RefusedHook] = {}


def on_refused(process_id: str) -> Callable[[RefusedHook], RefusedHook]:
    """Register `fn(ctx, reason)` for a refusal in the chain of `process_id`'s instances."""
    def register(fn: RefusedHook) -> RefusedHook:
        _NOTHING_ON_FILE[process_id] = fn
        return fn
    return register


def previous_status(session: Session, record: Record, instance_id: int) -> str:
    """The status the record had before this instance's submission."""
    before = session.scalar(
        select(StatusChange.status)
        .where(StatusChange.record_id == record.id, StatusChange.instance_id != instance_id)
        .order_by(StatusChange.id.desc())
        .limit(1)
    )
    return before or statuses.DIBATALKAN


def end_submission(session: Session, ctx: ServiceContext, outcome: str, reason: str) -> Record:
    """End this instance's waiting submission as `outcome`; the record steps back."""
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise Refused("Alasan wajib diisi (minimal 5 karakter).")
    submission: Submission | None = submission_of(session, ctx.instance_id)
    if submission is None or submission.status != WAITING:
        raise Refused("Pengajuan untuk proses ini tidak ditemukan atau sudah diputuskan.")
    record = session.get(Record, submission.record_id)
    submission.status = outcome
    submission.decided_at = utcnow()
    submission.data = {**submission.data, REASON: reason[:2000]}
    audit_record_change(session, UBAH_PENGAJUAN, ctx, record, {"status": WAITING},
                        {"status": outcome, REASON: reason[:2000]}, tahap=submission.tahap)
    back = previous_status(session, record, ctx.instance_id)
    if record.status != back:
        set_status(session, record, back, ctx)
        session.flush()
        change = session.scalar(select(StatusChange).where(StatusChange.record_id == record.id)
                                .order_by(StatusChange.id.desc()).limit(1))
        change.note = f"{ENDED[outcome]}: {reason}"[:300]
    return record


@SERVICES.register("catpers.tolak_pengajuan")
def tolak_pengajuan(ctx: ServiceContext) -> dict[str, Any]:
    """An approver of the chain refused the submission outright, with `catatan` as reason."""
    reason = str(ctx.data.get("catatan") or "")
    hook = _NOTHING_ON_FILE.get(ctx.process_id)
    if hook is not None:
        if len(reason.strip()) < 5:
            raise Refused("Alasan wajib diisi (minimal 5 karakter).")
        hook(ctx, reason.strip()[:2000])
        return {"ditolak": True}
    record = end_submission(ctx.session, ctx, REFUSED, reason)
    return {"record_id": record.id, "status": record.status}
