"""The administrator's use cases on users: create, change role, lock out, set a temporary
password, and approve or reject another administrator's change to a privileged account.

Each returns the sentence to show the administrator: a change to a privileged role (or a
privileged user's password) waits for a second administrator (`approvals.py`); every other
change applies at once.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts import approvals
from processes.accounts.models import AccountChange, Unit, User
from processes.accounts.passwords import hash_password, password_problem
from processes.accounts.roles import ADMIN, PRIVILEGED_ROLES, ROLES
from processes.accounts.users import (
    add_user_row,
    change_role,
    check_role,
    personal_words,
    set_active,
    set_password_hash,
)
from processes.db import audit
from processes.db.audit_actions import (
    ATUR_ULANG_SANDI,
    MINTA_PERSETUJUAN_AKUN,
    PUTUSKAN_PERUBAHAN_AKUN,
    TAMBAH_PENGGUNA,
    UBAH_PENGGUNA,
)
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused

WAITS = "menunggu persetujuan administrator lain"
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


def waiting_changes(session: Session) -> list[AccountChange]:
    return approvals.waiting(session)


def update_user(uow: UnitOfWork, admin: User, user_id: int, role: str, active: bool) -> str:
    """Change a user's role or lock them out; their sessions end on their next request."""
    require_admin(admin)
    check_role(role)
    with uow:
        target = _target(uow.session, user_id)
        if target.id == admin.id and (not active or role != ADMIN):
            raise Refused("Administrator tidak dapat menonaktifkan atau menurunkan perannya sendiri.")
        said = ["Pengguna diperbarui; sesi lamanya berakhir."]
        before = account_state(target)
        if target.is_active != active:
            set_active(target, active)
        if target.role != role and role in PRIVILEGED_ROLES:
            _ask(uow.session, admin, approvals.ROLE, target, {"role": role})
            said = [f"Peran {target.username} menjadi {ROLES[role].title} {WAITS}."]
        elif target.role != role:
            change_role(target, role)
        audit.record_change(uow.session, UBAH_PENGGUNA, user_id=admin.id, target=target.username,
                            before=before, after=account_state(target))
        uow.commit()
        return " ".join(said)


def add_user(uow: UnitOfWork, admin: User, data: dict[str, str]) -> str:
    """A new user with a temporary password (they choose their own at first sign-in)."""
    require_admin(admin)
    fields = _new_user_fields(data)
    with uow:
        session = uow.session
        if session.scalar(select(User.id).where(User.username == fields["username"])) or (
            approvals.username_waiting(session, fields["username"])
        ):
            raise Refused(f"Nama pengguna {fields['username']} sudah dipakai.")
        password_hash = hash_password(data["password"])
        if fields["role"] in PRIVILEGED_ROLES:
            shown = {**fields, "unit_name": _unit(session, fields["unit"]).name}
            _ask(session, admin, approvals.NEW_USER, data=shown, password_hash=password_hash)
            said = f"Pengguna {fields['username']} sebagai {ROLES[fields['role']].title} {WAITS}."
        else:
            user = add_user_row(session, fields, password_hash, temporary=True)
            audit.record_change(session, TAMBAH_PENGGUNA, user_id=admin.id, target=user.username,
                                before={}, after=account_state(user))
            said = f"Pengguna {fields['username']} dibuat."
        uow.commit()
        return said


def reset_password(uow: UnitOfWork, admin: User, user_id: int, password: str) -> str:
    """A temporary password for a user who lost theirs; they must change it at sign-in."""
    require_admin(admin)
    with uow:
        target = _target(uow.session, user_id)
        if target.id == admin.id:
            raise Refused("Ganti kata sandi Anda sendiri di halaman Ubah kata sandi.")
        problem = password_problem(password, personal_words(target))
        if problem:
            raise Refused(problem)
        if target.role in PRIVILEGED_ROLES:
            _ask(uow.session, admin, approvals.RESET, target, password_hash=hash_password(password))
            said = f"Kata sandi sementara untuk {target.username} {WAITS}."
        else:
            set_password_hash(target, hash_password(password), temporary=True)
            audit.record(uow.session, ATUR_ULANG_SANDI, user_id=admin.id, target=target.username)
            said = f"Kata sandi sementara untuk {target.username} berlaku; sesi lamanya berakhir."
        uow.commit()
        return said


def decide_change(uow: UnitOfWork, admin: User, change_id: int, approve: bool) -> str:
    """Another administrator approves (applies) or rejects a waiting change."""
    require_admin(admin)
    with uow:
        decision = approvals.decide(uow.session, admin, change_id, approve)
        audit.record(uow.session, PUTUSKAN_PERUBAHAN_AKUN, user_id=admin.id,
                     target=decision.target, outcome="DISETUJUI" if approve else "DITOLAK",
                     detail={"perubahan": decision.jenis, "nomor": change_id})
        uow.commit()
        return "Perubahan disetujui dan diterapkan." if approve else "Permintaan ditolak."


def create_admin_on_server(uow: UnitOfWork, data: dict[str, str]) -> str:
    """An administrator made by whoever runs the server (`flask --app web create-admin`):
    how an office gets its first two administrators, who then approve each other's
    privileged changes. The password is temporary, as every chosen-for-you password is."""
    fields = _new_user_fields({**data, "role": ADMIN})
    with uow:
        if uow.session.scalar(select(User.id).where(User.username == fields["username"])):
            raise Refused(f"Nama pengguna {fields['username']} sudah dipakai.")
        user = add_user_row(uow.session, fields, hash_password(data["password"]), temporary=True)
        audit.record_change(uow.session, TAMBAH_PENGGUNA, user_id=None, target=user.username,
                            before={}, after=account_state(user))
        uow.commit()
        return f"Administrator {fields['username']} dibuat; kata sandinya wajib diganti saat masuk."


def _ask(
    session: Session, admin: User, jenis: str, user: User | None = None, data: dict | None = None,
    password_hash: str | None = None,
) -> None:
    """Store a privileged change for a second administrator; the request is audited."""
    change = approvals.ask(session, admin, jenis, user, data, password_hash)
    target = user.username if user else change.data["username"]
    audit.record(session, MINTA_PERSETUJUAN_AKUN, user_id=admin.id, target=target,
                 detail={"perubahan": jenis, "nomor": change.id, **change.data})


def _target(session: Session, user_id: int) -> User:
    target = session.get(User, user_id)
    if target is None:
        raise Refused("Pengguna tidak ditemukan.")
    return target


def _new_user_fields(data: dict[str, str]) -> dict[str, str]:
    username = data.get("username", "").strip().lower()
    if not username or len(username) > 60 or not all(c.isalnum() or c in "._-" for c in username):
        raise Refused("Nama pengguna hanya huruf, angka, titik, garis bawah atau tanda hubung.")
    full_name = data.get("full_name", "").strip()
    if not full_name:
        raise Refused("Nama lengkap wajib diisi.")
    fields = {
        "username": username, "full_name": full_name, "role": data.get("role", ""),
        "unit": data.get("unit", ""), "jabatan": data.get("jabatan", "").strip(),
        "nrp": data.get("nrp", "").strip(),
    }
    check_role(fields["role"])
    for name, title, longest in (("full_name", "Nama lengkap", 120), ("jabatan", "Jabatan", 120),
                                 ("nrp", "NRP/NIP", 18)):
        if len(fields[name]) > longest:
            raise Refused(f"{title} maksimal {longest} karakter.")
    problem = password_problem(data.get("password", ""), (username, full_name, fields["nrp"]))
    if problem:
        raise Refused(problem)
    return fields


def _unit(session: Session, code: str) -> Unit:
    unit = session.scalar(select(Unit).where(Unit.code == code))
    if unit is None:
        raise Refused(f"Satuan kerja {code} tidak dikenal.")
    return unit
