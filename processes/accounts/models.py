"""Tables of the accounts area: satuan kerja (units), the users who work in them, failed
sign-ins (for the throttle) and account changes waiting for a second administrator.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from processes.db.base import DomainBase, utcnow


class Unit(DomainBase):
    """Satuan kerja; `path` ("/POLDA-KALTENG/POLRES-KAPUAS/") scopes what a user covers."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    jenis: Mapped[str] = mapped_column(String(20))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    path: Mapped[str] = mapped_column(String(400), unique=True)
    # A unit records still name is never deleted: it is deactivated (no longer offered).
    active: Mapped[bool] = mapped_column(default=True, server_default=true())


class User(DomainBase):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(120))
    jabatan: Mapped[str] = mapped_column(String(120), default="")
    nrp: Mapped[str | None] = mapped_column(String(18))
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    is_active: Mapped[bool] = mapped_column(default=True)
    # Bumped on logout, disable or role change: every older session stops working.
    session_counter: Mapped[int] = mapped_column(Integer, default=0)
    # Set when an administrator chose the password: the user must choose their own first.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=false())

    unit: Mapped[Unit] = relationship(lazy="joined")


class LoginFailure(DomainBase):
    """One failed password check, counted against the typed user name and the address."""

    __tablename__ = "login_failure"
    __table_args__ = (Index("ix_login_failure_key", "scope", "key", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))  # akun | alamat
    key: Mapped[str] = mapped_column(String(120))
    failed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class AccountChange(DomainBase):
    """A change to a privileged account that waits for a second administrator's approval."""

    __tablename__ = "account_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    jenis: Mapped[str] = mapped_column(String(20))  # PENGGUNA_BARU | PERAN | ATUR_ULANG_SANDI
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    # The new password's hash until the change is decided; never kept after.
    password_hash: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="MENUNGGU", index=True)
    requested_by: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User | None] = relationship(foreign_keys=[user_id], lazy="joined")
    requester: Mapped[User] = relationship(foreign_keys=[requested_by], lazy="joined")
