"""Reopening a closed record for correction, once Kabid Propam has authorised it.

The request is submitted as tahap BUKA_KEMBALI (with its reason and reference document)
through `catpers.ajukan_update`, so the record waits as DIAJUKAN (PEMUTAKHIRAN) like any
submission; the diagram (bpmn-models/buka_kembali.bpmn) has Kabid Propam decide. On his
approval the record returns to the last running status it had before it was closed
(PROSES or PENGAWASAN), so a new pemutakhiran can correct it; refused, it steps back to
its closed status (`records.endings`). Every change is audited with before → after.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext
from processes.errors import Refused
from processes.records import statuses
from processes.records.models import Record, StatusChange
from processes.records.stages import BUKA_KEMBALI
from processes.records.writes import (
    approve_submission,
    attach_document,
    record_of_instance,
    set_status,
    submission_of,
)
from processes.workflow.services import SERVICES

#: Statuses a case runs in (approved, not waiting): where a reopened record returns.
RUNNING = frozenset(
    code for code in statuses.in_phase(statuses.AKTIF) if not statuses.STATUSES[code].waiting
)


def reopened_status(session: Session, record: Record) -> str:
    """The last running status the record had before it was closed."""
    found = session.scalar(
        select(StatusChange.status)
        .where(StatusChange.record_id == record.id, StatusChange.status.in_(RUNNING))
        .order_by(StatusChange.id.desc())
        .limit(1)
    )
    return found or statuses.PROSES


@SERVICES.register("catpers.buka_kembali")
def buka_kembali(ctx: ServiceContext) -> dict[str, Any]:
    """Kabid Propam authorised the correction: the record runs again."""
    record = record_of_instance(ctx.session, ctx.instance_id)
    submission = submission_of(ctx.session, ctx.instance_id)
    if record is None or submission is None or submission.tahap != BUKA_KEMBALI:
        raise Refused("Pengajuan pembukaan kembali untuk proses ini tidak ditemukan.")
    approve_submission(ctx.session, ctx)
    attach_document(ctx.session, record, BUKA_KEMBALI, submission.data, ctx)
    back = reopened_status(ctx.session, record)
    set_status(ctx.session, record, back, ctx)
    ctx.session.flush()
    change = ctx.session.scalar(select(StatusChange).where(StatusChange.record_id == record.id)
                                .order_by(StatusChange.id.desc()).limit(1))
    reason = str(submission.data.get("alasan_buka_kembali") or "")
    change.note = f"Dibuka kembali atas otorisasi Kabid Propam: {reason}"[:300]
    return {"record_id": record.id, "status": back}
