"""Reading records: one record with its documents and status history, and its files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import InstanceInfo
from processes.access.grounds import Viewer, instance_ground, record_ground
from processes.accounts.models import User
from processes.errors import Forbidden
from processes.records.endings import ENDED, REASON, REFUSED, WITHDRAWN
from processes.records.models import Record, RecordDocument, StatusChange, StoredFile, Submission
from processes.records.stages import TAHAP_DATA
from processes.records.statuses import STATUSES, Status
from processes.records.writes import APPROVED, WAITING, record_of_instance
from processes.reference import lists as reference
from processes.reference.dates import long_date

_LABELLED = {
    "pangkat": "pangkat",
    "unit_kerja": "unit",
    "jenis_pelanggaran": "jenis_pelanggaran",
    "wujud_perbuatan": "wujud_perbuatan",
    "pasal": "pasal",
    "ditangani_oleh": "ditangani_oleh",
}

#: A submission that ended without approval: how the Tahapan names it and its reason.
DECIDED = {APPROVED: "disetujui", REFUSED: "ditolak", WITHDRAWN: "ditarik"}
ENDED_REASON = {REFUSED: "Alasan penolakan", WITHDRAWN: "Alasan penarikan"}


@dataclass
class TahapView:
    submission: Submission
    title: str
    submitted_by: str
    lines: list[tuple[str, str]]
    document: RecordDocument | None
    #: How it was decided, as the Tahapan says it: disetujui, ditolak, ditarik.
    decided: str = "disetujui"


@dataclass
class RecordView:
    record: Record
    status: Status
    labels: dict[str, str]
    documents: list[RecordDocument]
    document_kinds: dict[str, str]
    changes: list[tuple[StatusChange, str]]
    tahapan: list[TahapView]
    waiting: TahapView | None
    #: Whether the reader may open the person page too (set by the read that built this).
    person_readable: bool = False
    #: tahap -> the Mabes Polri unit that issued its document (a record Mabes handles).
    mabes_issuers: dict[str, str] = field(default_factory=dict)


#: Every list the record page prints a label from, read once per page (`LabelBook`).
RECORD_LISTS = frozenset(
    {*_LABELLED.values(), "jenis_dokumen", "tahap", "satker_mabes"}
    | {lst for _, lst in TAHAP_DATA.values() if lst}
)


def _shown(book: reference.LabelBook, key: str, list_name: str | None, value: object) -> str:
    """A stage's value as the record page prints it: a code by its label, a date in words."""
    if list_name:
        return book.of(list_name, str(value))
    return long_date(str(value)) if key.endswith("_tanggal") else str(value)


def _tahap_view(
    book: reference.LabelBook, submission: Submission, name: str, by_tahap: dict[str, RecordDocument]
) -> TahapView:
    lines = [
        (title, _shown(book, key, lst, value))
        for key, (title, lst) in TAHAP_DATA.items()
        if (value := submission.data.get(key))
    ]
    if submission.status in ENDED:
        lines.append((ENDED_REASON[submission.status], str(submission.data.get(REASON, ""))))
    approved = submission.status == APPROVED
    return TahapView(
        submission,
        book.of("tahap", submission.tahap),
        name,
        lines,
        by_tahap.get(submission.tahap) if approved else None,
        DECIDED.get(submission.status, "disetujui"),
    )


def _by_record(rows, record_of) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in rows:
        grouped[record_of(row)].append(row)
    return grouped


def build_record_view(session: Session, record: Record) -> RecordView:
    """Everything the record page shows; the caller has checked the right to read it."""
    return build_record_views(session, [record])[0]


def build_record_views(session: Session, records: list[Record]) -> list[RecordView]:
    """The record page's view of each record (the person page shows them all): each table
    and the labels are read once for all the records, not once per record."""
    if not records:
        return []
    ids = [r.id for r in records]
    book = reference.LabelBook(session, RECORD_LISTS)
    documents = _by_record(session.scalars(
        select(RecordDocument).where(RecordDocument.record_id.in_(ids))
        .order_by(RecordDocument.id)), lambda d: d.record_id)
    changes = _by_record(session.execute(
        select(StatusChange, User.full_name)
        .join(User, User.id == StatusChange.changed_by)
        .where(StatusChange.record_id.in_(ids))
        .order_by(StatusChange.changed_at, StatusChange.id)), lambda row: row[0].record_id)
    submissions = _by_record(session.execute(
        select(Submission, User.full_name)
        .join(User, User.id == Submission.submitted_by)
        .where(Submission.record_id.in_(ids))
        .order_by(Submission.submitted_at, Submission.id)), lambda row: row[0].record_id)
    return [_record_view(book, r, documents[r.id], changes[r.id], submissions[r.id])
            for r in records]


def _record_view(
    book: reference.LabelBook, record: Record, documents: list[RecordDocument],
    changes: list, submissions: list,
) -> RecordView:
    by_tahap = {d.tahap: d for d in documents}
    tahapan = [_tahap_view(book, s, name, by_tahap) for s, name in submissions]
    waiting = next((s for s in tahapan if s.submission.status == WAITING), None)
    issuers = {
        s.submission.tahap: book.of("satker_mabes", issuer)
        for s in tahapan
        if s.submission.status == APPROVED and (issuer := s.submission.data.get("dokumen_penerbit"))
    }
    return RecordView(
        record,
        STATUSES[record.status],
        {f: book.of(lst, getattr(record, f)) for f, lst in _LABELLED.items()},
        documents,
        {d.jenis: book.of("jenis_dokumen", d.jenis) for d in documents},
        [tuple(c) for c in changes],
        [s for s in tahapan if s.submission.status == APPROVED or s.submission.status in ENDED],
        waiting,
        mabes_issuers=issuers,
    )


def readable_record_of_instance(
    session: Session, user: User | Viewer, instance_id: int
) -> Record | None:
    """The record an instance is about, if `user` may read it (else the page leaves it out)."""
    record = record_of_instance(session, instance_id)
    return record if record is not None and record_ground(session, user, record) else None


def record_document(session: Session, record: Record, tahap: str) -> StoredFile:
    doc = session.scalar(
        select(RecordDocument).where(
            RecordDocument.record_id == record.id, RecordDocument.tahap == tahap
        )
    )
    if doc is None:
        raise Forbidden("Dokumen tidak ditemukan.")
    return session.get(StoredFile, doc.file_hash)


def check_instance_access(session: Session, user: User, info: InstanceInfo) -> None:
    """The same grounds as the process page, for what it loads without showing a person
    (its diagram); the page itself is read, and logged, by `reads.read_instance`."""
    if instance_ground(session, user, info) is None:
        raise Forbidden("Anda tidak berwenang membuka proses ini.")
