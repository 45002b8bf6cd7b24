"""The penghargaan table: an award of one person, on file once both approvers agreed.

The rekam jejak holds "pelanggaran dan penghargaan" (the spec); an award is no catatan, so
it has no status and no tahap: the row exists only after the Penghargaan diagram's approval
(until then its data lives in the instance, as a pencatatan's waits in its submission).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from processes.db.base import DomainBase, utcnow
from processes.records.models import Person


class Award(DomainBase):
    """One penghargaan: its jenis (reference list `jenis_penghargaan`), the keputusan that
    gave it (nomor and tanggal), who gave it, what for, and the keputusan's PDF."""

    __tablename__ = "award"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    instance_id: Mapped[int] = mapped_column(Integer, unique=True)
    jenis: Mapped[str] = mapped_column(String(60))
    nomor_keputusan: Mapped[str] = mapped_column(String(80))
    tanggal_keputusan: Mapped[date] = mapped_column(Date)
    pemberi: Mapped[str] = mapped_column(String(200))
    uraian: Mapped[str] = mapped_column(Text, default="")
    # The person's pangkat, jabatan and unit when the award was given, as submitted.
    pangkat: Mapped[str] = mapped_column(String(20))
    jabatan: Mapped[str] = mapped_column(String(120))
    unit_kerja: Mapped[str] = mapped_column(String(60))
    file_hash: Mapped[str] = mapped_column(ForeignKey("stored_file.sha256"))
    unit_path: Mapped[str] = mapped_column(String(400))
    submitted_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    approved_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    person: Mapped[Person] = relationship()
