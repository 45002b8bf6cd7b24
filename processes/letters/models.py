"""Tables of the letters area: issued letters, their yearly number sequences, office settings,
and the checks made on the public verification page.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from processes.db.base import DomainBase


class Letter(DomainBase):
    """An issued letter, kept exactly as issued: its content snapshot and its PDF bytes."""

    __tablename__ = "letter"

    id: Mapped[int] = mapped_column(primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20))
    nomor: Mapped[str] = mapped_column(String(80), unique=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("access_request.id"), unique=True)
    nomor_identitas: Mapped[str] = mapped_column(String(18), index=True)
    nama: Mapped[str] = mapped_column(String(120))
    pangkat: Mapped[str] = mapped_column(String(120))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    issued_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    verify_token: Mapped[str] = mapped_column(String(64), unique=True)
    content: Mapped[dict] = mapped_column(JSON)
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    revoke_reason: Mapped[str | None] = mapped_column(Text)


class LetterSequence(DomainBase):
    """The yearly number sequence of each jenis of letter."""

    __tablename__ = "letter_sequence"

    jenis: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, default=0)


class OfficeSetting(DomainBase):
    """Office-configurable values (letter number formats, place, signatories' details)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class VerificationCheck(DomainBase):
    """One check of a letter on the public verification page: the log, and the rate limit."""

    __tablename__ = "verification_check"
    __table_args__ = (Index("ix_verification_check_address", "address", "checked_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    address: Mapped[str] = mapped_column(String(45))
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letter.id"))
    result: Mapped[str] = mapped_column(String(20))  # BERLAKU … or TIDAK DIKENAL
