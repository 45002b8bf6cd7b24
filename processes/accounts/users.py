"""Users: signing in, the actor a user acts as, and revoking sessions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from engine import Actor
from processes.accounts.models import Unit, User
from processes.accounts.roles import ROLES, lanes_of
from processes.db import audit
from processes.db.audit_actions import KELUAR
from processes.db.uow import UnitOfWork
from processes.errors import Refused


def authenticate(session: Session, username: str, password: str) -> User | None:
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.is_active or not check_password_hash(user.password_hash, password):
        return None
    return user


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
) -> User:
    if role not in ROLES:
        raise Refused(f"Peran {role} tidak dikenal.")
    unit = session.scalar(select(Unit).where(Unit.code == unit_code))
    if unit is None:
        raise Refused(f"Satuan kerja {unit_code} tidak dikenal.")
    user = User(
        username=username.lower(), full_name=full_name, jabatan=jabatan, nrp=nrp, role=role,
        unit_id=unit.id, password_hash=generate_password_hash(password), session_counter=0,
        is_active=True,
    )
    session.add(user)
    session.flush()
    return user


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
    if role not in ROLES:
        raise Refused(f"Peran {role} tidak dikenal.")
    user.role = role
    end_sessions(user)


def set_active(user: User, active: bool) -> None:
    user.is_active = active
    end_sessions(user)
