"""Tables of the records area: persons and their identity changes, records, submissions,
documents, status changes, files.

Models stay thin: the rules live in the modules that use them (statuses, writes, services).
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from processes.db.base import DomainBase, utcnow


def new_person_token() -> str:
    """An unguessable name for a person's page: the NRP/NIP never goes into an address."""
    return secrets.token_urlsafe(16)


class Person(DomainBase):
    """A Polri member (NRP) or ASN (NIP) with a catatan personel."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(32), unique=True, default=new_person_token)
    personel: Mapped[str] = mapped_column(String(10))
    nomor_identitas: Mapped[str] = mapped_column(String(18), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    jenis_kelamin: Mapped[str | None] = mapped_column(String(1))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PersonChange(DomainBase):
    """A change to a person's stored identity, made when the submission carrying it was
    approved: which field, from what to what, by whom, when, through which process."""

    __tablename__ = "person_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    old: Mapped[str] = mapped_column(String(120), default="")
    new: Mapped[str] = mapped_column(String(120), default="")
    changed_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    instance_id: Mapped[int] = mapped_column(Integer)


class Record(DomainBase):
    """One violation of one person (a catatan), from pencatatan on."""

    __tablename__ = "record"
    # The list pages' orders and an operator's own records in that order, read by index
    # at any size (the list pages by key: processes/db/paging.keyset_rows).
    __table_args__ = (
        Index("ix_record_submitted_by_updated_at_id", "submitted_by", "updated_at", "id"),
        Index("ix_record_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    instance_id: Mapped[int] = mapped_column(Integer, unique=True)
    status: Mapped[str] = mapped_column(String(40), index=True)
    # The last approved tahap: PENCATATAN, UPDATE_I .. UPDATE_IV.
    tahap: Mapped[str] = mapped_column(String(20), default="PENCATATAN")
    pangkat: Mapped[str] = mapped_column(String(20))
    jabatan: Mapped[str] = mapped_column(String(120))
    unit_kerja: Mapped[str] = mapped_column(String(60))
    jenis_pelanggaran: Mapped[str] = mapped_column(String(20), index=True)
    wujud_perbuatan: Mapped[str] = mapped_column(String(60))
    pasal: Mapped[str] = mapped_column(String(60))
    ditangani_oleh: Mapped[str] = mapped_column(String(10))
    # Handled by (or limpah'd to) Mabes Polri: set by the diagrams (`records.penanganan`).
    ditangani_mabes: Mapped[bool] = mapped_column(default=False, server_default=false())
    uraian: Mapped[str] = mapped_column(Text, default="")
    unit_path: Mapped[str] = mapped_column(String(400), index=True)
    submitted_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship(lazy="joined")


class Submission(DomainBase):
    """One submission about a record (pencatatan, an update, pemutakhiran) and its outcome.

    At most one per record may wait for approval: a partial unique index says so, so two
    operators submitting at once cannot both succeed.
    """

    __tablename__ = "submission"
    __table_args__ = (
        Index(
            "uq_submission_one_waiting", "record_id", unique=True,
            sqlite_where=text("status = 'MENUNGGU'"), postgresql_where=text("status = 'MENUNGGU'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    instance_id: Mapped[int] = mapped_column(Integer, unique=True)
    tahap: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="MENUNGGU")
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    submitted_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class RecordDocument(DomainBase):
    """A dokumen referensi attached to a record at one tahap (pencatatan, update ...)."""

    __tablename__ = "record_document"
    __table_args__ = (UniqueConstraint("record_id", "tahap"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    tahap: Mapped[str] = mapped_column(String(40))
    nomor: Mapped[str] = mapped_column(String(80))
    jenis: Mapped[str] = mapped_column(String(60))
    tanggal: Mapped[date] = mapped_column(Date)
    perihal: Mapped[str] = mapped_column(String(200))
    file_hash: Mapped[str] = mapped_column(ForeignKey("stored_file.sha256"))


class StatusChange(DomainBase):
    """Every status a record took, who caused it and through which instance."""

    __tablename__ = "status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    status: Mapped[str] = mapped_column(String(40))
    changed_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    instance_id: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(300), default="")


class StoredFile(DomainBase):
    """An uploaded PDF, kept in the database under its SHA-256 (never in the web root)."""

    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(200))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Sanction(DomainBase):
    """One sanction of an approved putusan (Update II–IV): which, how long, from when.

    A later putusan (banding, PK) gives its own rows; the record's current sanctions are
    those of its last approved tahap (`processes/records/sanctions.py`).
    """

    __tablename__ = "sanction"

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("record.id"), index=True)
    tahap: Mapped[str] = mapped_column(String(20))
    instance_id: Mapped[int] = mapped_column(Integer)
    kode: Mapped[str] = mapped_column(String(60))
    lama: Mapped[int | None] = mapped_column(Integer)
    satuan: Mapped[str | None] = mapped_column(String(12))
    mulai: Mapped[date] = mapped_column(Date)
    # The last day served; None for a sanction that never ends (PTDH).
    berakhir: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class StagedUpload(DomainBase):
    """A PDF uploaded with a form that came back with errors, kept for its resubmission.

    It belongs to one user and one form (`form_key`) and lasts until the submission
    completes or it expires; only then does it become a StoredFile.
    """

    __tablename__ = "staged_upload"
    __table_args__ = (Index("ix_staged_upload_expires_at", "expires_at"),)

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    form_key: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(100))
    original_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
