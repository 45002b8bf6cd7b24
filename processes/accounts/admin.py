"""The administrator's use cases on users: create, change role, lock out."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import User
from processes.accounts.roles import ADMIN
from processes.accounts.users import change_role, create_user, set_active
from processes.db import audit
from processes.db.audit_actions import TAMBAH_PENGGUNA, UBAH_PENGGUNA
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused

MIN_PASSWORD = 10
#: What the audit log keeps of an account (never its password hash).
AUDITED = ("username", "full_name", "jabatan", "nrp", "role", "is_active")


def account_state(user: User) -> dict[str, object]:
    """An account as the audit log keeps it: never its password hash."""
    return {**audit.snapshot(user, AUDITED), "unit": user.unit.code}


def require_admin(user: User) -> None:
    if user.role != ADMIN:
        raise Forbidden("Hanya administrator yang dapat mengubah pengguna dan pengaturan.")


def users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def update_user(uow: UnitOfWork, admin: User, user_id: int, role: str, active: bool) -> None:
    """Change a user's role or lock them out; their sessions end on their next request."""
    require_admin(admin)
    with uow:
        target = uow.session.get(User, user_id)
        if target is None:
            raise Refused("Pengguna tidak ditemukan.")
        if target.id == admin.id and (not active or role != ADMIN):
            raise Refused("Administrator tidak dapat menonaktifkan atau menurunkan perannya sendiri.")
        before = account_state(target)
        if target.role != role:
            change_role(target, role)
        if target.is_active != active:
            set_active(target, active)
        audit.record_change(uow.session, UBAH_PENGGUNA, user_id=admin.id, target=target.username,
                            before=before, after=account_state(target))
        uow.commit()


def add_user(uow: UnitOfWork, admin: User, data: dict[str, str]) -> None:
    require_admin(admin)
    username = data.get("username", "").strip().lower()
    if not username or not all(c.isalnum() or c in "._-" for c in username):
        raise Refused("Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung.")
    if len(data.get("password", "")) < MIN_PASSWORD:
        raise Refused(f"Kata sandi minimal {MIN_PASSWORD} karakter.")
    if not data.get("full_name", "").strip():
        raise Refused("Nama lengkap wajib diisi.")
    with uow:
        if uow.session.scalar(select(User.id).where(User.username == username)):
            raise Refused(f"Nama pengguna {username} sudah dipakai.")
        user = create_user(
            uow.session, username, data["full_name"].strip(), data["password"], data.get("role", ""),
            data.get("unit", ""), jabatan=data.get("jabatan", "").strip(),
            nrp=data.get("nrp", "").strip() or None,
        )
        audit.record_change(uow.session, TAMBAH_PENGGUNA, user_id=admin.id, target=username,
                            before={}, after=account_state(user))
        uow.commit()
