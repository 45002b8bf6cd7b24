"""The writes every record flow shares: status changes, documents, submissions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from engine import ServiceContext, utcnow
from processes.db import audit
from processes.db.audit_actions import (
    SIMPAN_DOKUMEN_CATATAN,
    TAMBAH_PENGAJUAN,
    UBAH_PENGAJUAN,
    UBAH_STATUS_CATATAN,
)
from processes.errors import Refused
from processes.records.models import Record, RecordDocument, StatusChange, Submission
from processes.reference.lists import label_of

WAITING, APPROVED = "MENUNGGU", "DISETUJUI"
DOCUMENT_FIELDS = ("dokumen_nomor", "dokumen_jenis", "dokumen_tanggal", "dokumen_perihal", "dokumen_file")
DOCUMENT_COLUMNS = ("nomor", "jenis", "tanggal", "perihal", "file_hash")


def audit_record_change(
    session: Session, action: str, ctx: ServiceContext, record: Record,
    before: dict[str, Any], after: dict[str, Any], **context: Any,
) -> None:
    """A write about a record, by the task's actor, filed under the person's NRP/NIP."""
    audit.record_change(
        session, action, user_id=ctx.actor.id, target=record.person.nomor_identitas,
        before=before, after=after, catatan=record.id, proses=ctx.instance_id, **context,
    )


def set_status(session: Session, record: Record, status: str, ctx: ServiceContext) -> None:
    audit_record_change(session, UBAH_STATUS_CATATAN, ctx, record,
                        {"status": record.status}, {"status": status})
    record.status = status
    record.updated_at = utcnow()
    session.add(
        StatusChange(
            record_id=record.id, status=status, changed_by=ctx.actor.id,
            instance_id=ctx.instance_id,
        )
    )


def attach_document(
    session: Session, record: Record, tahap: str, data: dict[str, Any], ctx: ServiceContext
) -> None:
    doc = session.scalar(
        select(RecordDocument).where(
            RecordDocument.record_id == record.id, RecordDocument.tahap == tahap
        )
    )
    if doc is None:
        doc = RecordDocument(record_id=record.id, tahap=tahap)
        session.add(doc)
    before = audit.snapshot(doc, DOCUMENT_COLUMNS) if doc.id else {}
    doc.nomor = data["dokumen_nomor"]
    doc.jenis = data["dokumen_jenis"]
    doc.tanggal = date.fromisoformat(data["dokumen_tanggal"])
    doc.perihal = data["dokumen_perihal"]
    doc.file_hash = data["dokumen_file"]
    audit_record_change(session, SIMPAN_DOKUMEN_CATATAN, ctx, record, before,
                        audit.snapshot(doc, DOCUMENT_COLUMNS), tahap=tahap)


def submission_of(session: Session, instance_id: int) -> Submission | None:
    return session.scalar(select(Submission).where(Submission.instance_id == instance_id))


def record_of_instance(session: Session, instance_id: int) -> Record | None:
    submission = submission_of(session, instance_id)
    return session.get(Record, submission.record_id) if submission else None


def open_submission(
    session: Session, record: Record, tahap: str, ctx: ServiceContext, data: dict[str, Any]
) -> Submission:
    """Record (or, after a correction, refresh) this instance's waiting submission."""
    submission = submission_of(session, ctx.instance_id)
    action, before = UBAH_PENGAJUAN, {}
    if submission is None:
        action = TAMBAH_PENGAJUAN
        submission = Submission(
            record_id=record.id, instance_id=ctx.instance_id, tahap=tahap,
            submitted_by=ctx.started_by, status=WAITING,
        )
        session.add(submission)
    else:
        before = {"status": submission.status, **submission.data}
    submission.data = data
    audit_record_change(session, action, ctx, record, before, {"status": WAITING, **data},
                        tahap=tahap)
    try:
        session.flush()
    except IntegrityError:
        # Another submission for this record is waiting; the caller rolls everything back.
        raise Refused("Catatan ini masih memiliki pengajuan yang menunggu persetujuan.") from None
    return submission


def approve_submission(session: Session, ctx: ServiceContext) -> Submission:
    submission = submission_of(session, ctx.instance_id)
    if submission is None or submission.status != WAITING:
        raise Refused("Pengajuan untuk proses ini tidak ditemukan.")
    submission.status = APPROVED
    submission.decided_at = utcnow()
    audit_record_change(session, UBAH_PENGAJUAN, ctx, session.get(Record, submission.record_id),
                        {"status": WAITING}, {"status": APPROVED}, tahap=submission.tahap)
    return submission


def describe_subject(ctx: ServiceContext, nama: str, pangkat: str | None) -> None:
    """Name the instance's person for its tasks in the inbox (searchable by name), with the
    pangkat as a label and who submitted it; the engine copies them onto each open task."""
    ctx.label = nama
    ctx.details = {
        "pangkat": label_of(ctx.session, "pangkat", pangkat) if pangkat else "",
        "pengaju": ctx.actor.name,
    }
