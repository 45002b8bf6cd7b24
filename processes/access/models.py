"""Tables of the access area: requests (SKHP, rekam jejak, akses khusus) and grants.

Reads are rows of the audit log (`processes.db.audit`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from processes.db.base import DomainBase, utcnow


class AccessRequest(DomainBase):
    """A permohonan (SKHP, rekam jejak or akses khusus) and how it ended."""

    __tablename__ = "access_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(Integer, unique=True)
    jenis: Mapped[str] = mapped_column(String(20), index=True)
    nomor_identitas: Mapped[str] = mapped_column(String(18), index=True)
    nama: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(20), default="MENUNGGU")
    otoritas: Mapped[str | None] = mapped_column(String(30))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    requested_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))




class AccessGrant(DomainBase):
    """Akses khusus: one user may read one person's catpers until `expires_at`."""

    __tablename__ = "access_grant"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), index=True)
    nomor_identitas: Mapped[str] = mapped_column(String(18), index=True)
    basis: Mapped[str] = mapped_column(String(40))
    request_id: Mapped[int] = mapped_column(ForeignKey("access_request.id"))
    granted_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    granted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
