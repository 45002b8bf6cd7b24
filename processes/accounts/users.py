"""Users: the user behind a session, the actor a user acts as, creating users, setting a
password, and revoking sessions. Signing in itself is `signin.py`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import Actor
from processes.accounts.models import Unit, User
from processes.accounts.passwords import hash_password
from processes.accounts.roles import ROLES, lanes_of
from processes.db import audit
from processes.db.audit_actions import KELUAR
from processes.db.uow import UnitOfWork
from processes.errors import Refused


def load_session_user(session: Session, user_id: int, counter: int) -> User | None:
    """The user behind a session cookie, if that session is still valid."""
    user = session.get(User, user_id)
    if user is None or not user.is_active or user.session_counter != counter:
        return None
    return user


def actor_for(user: User) -> Actor:
    title = ROLES[user.role].title if user.role in ROLES else user.role
    return Actor(
        id=user.id,
        name=f"{user.full_name} ({title})",
        lanes=lanes_of(user.role),
        unit_path=user.unit.path,
    )


def create_user(
    session: Session, username: str, full_name: str, password: str, role: str, unit_code: str,
    jabatan: str = "",
    nrp: str | None = None,
    temporary: bool = False,
) -> User:
    """A new active user; with `temporary`, they must choose their own password first."""
    return add_user_row(session, {
        "username": username, "full_name": full_name, "role": role, "unit": unit_code,
        "jabatan": jabatan, "nrp": nrp,
    }, hash_password(password), temporary)


def add_user_row(session: Session, data: dict, password_hash: str, temporary: bool) -> User:
    """The user `data` describes (username, full_name, role, unit, jabatan, nrp), stored."""
    check_role(data["role"])
    unit = session.scalar(select(Unit).where(Unit.code == data["unit"]))
    if unit is None:
        raise Refused(f"Satuan kerja {data['unit']} tidak dikenal.")
    user = User(
        username=data["username"].lower(), full_name=data["full_name"],
        jabatan=data.get("jabatan") or "", nrp=data.get("nrp") or None, role=data["role"],
        unit_id=unit.id, password_hash=password_hash, session_counter=0, is_active=True,
        must_change_password=temporary,
    )
    session.add(user)
    session.flush()
    return user


def check_role(role: str) -> None:
    if role not in ROLES:
        raise Refused(f"Peran {role} tidak dikenal.")


def set_password_hash(user: User, password_hash: str, temporary: bool) -> None:
    """A new password; every session of the user ends (the caller may start the current one
    again). A `temporary` one, chosen by an administrator, must be changed at next sign-in."""
    user.password_hash = password_hash
    user.must_change_password = temporary
    end_sessions(user)


def personal_words(user: User) -> tuple[str, ...]:
    """What a guesser knows of the user: a password may not be just these."""
    return (user.username, user.full_name, user.nrp or "")


def end_sessions(user: User) -> None:
    user.session_counter += 1


def log_out(uow: UnitOfWork, user_id: int) -> None:
    """The user signs out: every session of theirs ends, on every device."""
    with uow:
        user = uow.session.get(User, user_id)
        end_sessions(user)
        audit.record(uow.session, KELUAR, user_id=user.id, target=user.username)
        uow.commit()


def change_role(user: User, role: str) -> None:
    check_role(role)
    user.role = role
    end_sessions(user)


def set_active(user: User, active: bool) -> None:
    user.is_active = active
    end_sessions(user)
