"""Reading records: one record with its documents and status history, and its files."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import reference
from .access import can_view_instance, can_view_record
from .errors import Forbidden
from .models import Record, RecordDocument, StatusChange, StoredFile, User
from .statuses import STATUSES, Status

_LABELLED = {
    "pangkat": "pangkat", "unit_kerja": "unit", "jenis_pelanggaran": "jenis_pelanggaran",
    "wujud_perbuatan": "wujud_perbuatan", "pasal": "pasal", "ditangani_oleh": "ditangani_oleh",
}


@dataclass
class RecordView:
    record: Record
    status: Status
    labels: dict[str, str]
    documents: list[RecordDocument]
    document_kinds: dict[str, str]
    changes: list[tuple[StatusChange, str]]


def record_for(session: Session, user: User, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None:
        raise Forbidden("Catatan tidak ditemukan.")
    if not can_view_record(session, user, record):
        raise Forbidden("Anda tidak berwenang membaca catatan personel ini.")
    return record


def view_record(session: Session, user: User, record_id: int) -> RecordView:
    record = record_for(session, user, record_id)
    labels = {f: reference.label_of(session, lst, getattr(record, f)) for f, lst in _LABELLED.items()}
    documents = list(
        session.scalars(select(RecordDocument).where(RecordDocument.record_id == record.id))
    )
    kinds = {d.jenis: reference.label_of(session, "jenis_dokumen", d.jenis) for d in documents}
    changes = session.execute(
        select(StatusChange, User.full_name)
        .join(User, User.id == StatusChange.changed_by)
        .where(StatusChange.record_id == record.id)
        .order_by(StatusChange.changed_at, StatusChange.id)
    ).all()
    return RecordView(
        record, STATUSES[record.status], labels, documents, kinds, [tuple(c) for c in changes]
    )


def record_of_instance(session: Session, instance_id: int) -> Record | None:
    return session.scalar(select(Record).where(Record.instance_id == instance_id))


def record_file(session: Session, user: User, record_id: int, stage: str) -> StoredFile:
    record = record_for(session, user, record_id)
    doc = session.scalar(
        select(RecordDocument).where(
            RecordDocument.record_id == record.id, RecordDocument.stage == stage
        )
    )
    if doc is None:
        raise Forbidden("Dokumen tidak ditemukan.")
    return session.get(StoredFile, doc.file_hash)


def check_instance_access(session: Session, user: User, instance_id: int, started_by: int) -> None:
    if not can_view_instance(session, user, instance_id, started_by):
        raise Forbidden("Anda tidak berwenang membuka proses ini.")
