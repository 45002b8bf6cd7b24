"""Tables of the personnel master data (data induk personel): who each Polri member and
ASN is, as the office's personnel records say, and every change an import made to them.

Kept apart from `person` (a person with a catpers): looking a number up here never says
whether that person has a catatan.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from processes.db.base import DomainBase, utcnow


class Personnel(DomainBase):
    """One member or ASN of the Polda and its Polres, by NRP (8 digits) or NIP (18)."""

    __tablename__ = "personnel"

    id: Mapped[int] = mapped_column(primary_key=True)
    personel: Mapped[str] = mapped_column(String(10))  # POLRI | ASN
    nomor_identitas: Mapped[str] = mapped_column(String(18), unique=True)
    nama: Mapped[str] = mapped_column(String(120))
    pangkat: Mapped[str] = mapped_column(String(20))  # a code of the pangkat list
    jabatan: Mapped[str] = mapped_column(String(120))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    tempat_lahir: Mapped[str] = mapped_column(String(80), default="")
    tanggal_lahir: Mapped[date | None] = mapped_column(Date)
    jenis_kelamin: Mapped[str | None] = mapped_column(String(1))
    agama: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class PersonnelChange(DomainBase):
    """One field of one person's master data changed: from what to what, by whom, when,
    and from which source (an import names its file)."""

    __tablename__ = "personnel_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    personnel_id: Mapped[int] = mapped_column(ForeignKey("personnel.id"), index=True)
    field: Mapped[str] = mapped_column(String(30))
    old: Mapped[str] = mapped_column(String(120), default="")
    new: Mapped[str] = mapped_column(String(120), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ImportJob(DomainBase):
    """How far one import has got, for the page that polls it while the import's own
    transaction runs. Written in short transactions of its own: it says how many rows are
    checked and written, never what is in them, and an unfinished job holds no data."""

    __tablename__ = "personnel_import_job"

    token: Mapped[str] = mapped_column(String(40), primary_key=True)
    started_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    file_name: Mapped[str] = mapped_column(String(200), default="")
    state: Mapped[str] = mapped_column(String(12), default="MEMERIKSA")  # | MENYIMPAN | SELESAI | GAGAL
    total: Mapped[int] = mapped_column(default=0)
    done: Mapped[int] = mapped_column(default=0)
    message: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
