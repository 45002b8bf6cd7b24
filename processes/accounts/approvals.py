"""Account changes that wait for a second administrator (four eyes).

A user created with a privileged role, a user raised to one, and a new password for a
privileged user are stored here as MENUNGGU, and nothing changes until another
administrator approves. Nobody decides a change they asked for or one about themselves,
except that the asker may withdraw their own request.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from engine import utcnow
from processes.accounts.models import AccountChange, User
from processes.accounts.roles import ROLES
from processes.accounts.users import add_user_row, change_role, set_password_hash
from processes.errors import Refused

NEW_USER, ROLE, RESET = "PENGGUNA_BARU", "PERAN", "ATUR_ULANG_SANDI"
WAITING, APPROVED, REJECTED = "MENUNGGU", "DISETUJUI", "DITOLAK"


@dataclass(frozen=True)
class Decision:
    change_id: int
    jenis: str
    approved: bool
    target: str  # the username the change is about


def ask(
    session: Session, admin: User, jenis: str, user: User | None = None,
    data: dict | None = None, password_hash: str | None = None,
) -> AccountChange:
    """Store a change to wait for another administrator."""
    if user is not None and _waiting_for(session, user_id=user.id):
        raise Refused(f"Perubahan untuk {user.username} masih menunggu persetujuan.")
    change = AccountChange(
        jenis=jenis, user_id=user.id if user else None, data=data or {},
        password_hash=password_hash, status=WAITING, requested_by=admin.id,
    )
    session.add(change)
    session.flush()
    return change


def username_waiting(session: Session, username: str) -> bool:
    """Whether a new user of that name already waits for approval."""
    return any(c.data.get("username") == username for c in _waiting_for(session, jenis=NEW_USER))


def waiting(session: Session) -> list[AccountChange]:
    return _waiting_for(session)


def decide(session: Session, admin: User, change_id: int, approve: bool) -> Decision:
    """Approve (apply) or reject a waiting change; each is decided once."""
    change = session.get(AccountChange, change_id)
    if change is None or change.status != WAITING:
        raise Refused("Permintaan ini tidak ada atau sudah diputuskan.")
    own = change.requested_by == admin.id
    if approve and own:
        raise Refused("Permintaan Anda sendiri harus disetujui administrator lain.")
    if change.user_id == admin.id:
        raise Refused("Perubahan atas akun Anda sendiri diputuskan administrator lain.")
    jenis, user, data, password_hash = change.jenis, change.user, dict(change.data), change.password_hash
    claimed = session.execute(
        update(AccountChange)
        .where(AccountChange.id == change_id, AccountChange.status == WAITING)
        .values(status=APPROVED if approve else REJECTED, decided_by=admin.id,
                decided_at=utcnow(), password_hash=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    if not claimed:  # another administrator decided it a moment ago
        raise Refused("Permintaan ini sudah diputuskan administrator lain.")
    session.expire(change)
    if approve:
        _apply(session, jenis, user, data, password_hash)
    return Decision(change_id, jenis, approve, user.username if user else data["username"])


def describe(change: AccountChange) -> str:
    """The change in words, for the approval list."""
    role = ROLES[change.data["role"]].title if change.data.get("role") in ROLES else ""
    if change.jenis == NEW_USER:
        return f"Pengguna baru {change.data['username']} ({change.data['full_name']}) sebagai {role}"
    if change.jenis == ROLE:
        return f"Peran {change.user.username} menjadi {role}"
    return f"Kata sandi sementara untuk {change.user.username}"


def _apply(session: Session, jenis: str, user: User | None, data: dict, password_hash) -> None:
    if jenis == NEW_USER:
        if session.scalar(select(User.id).where(User.username == data["username"])):
            raise Refused(f"Nama pengguna {data['username']} sudah dipakai.")
        add_user_row(session, data, password_hash, temporary=True)
    elif jenis == ROLE:
        change_role(user, data["role"])
    else:
        set_password_hash(user, password_hash, temporary=True)


def _waiting_for(session: Session, **where) -> list[AccountChange]:
    query = select(AccountChange).where(AccountChange.status == WAITING).filter_by(**where)
    return list(session.scalars(query.order_by(AccountChange.requested_at, AccountChange.id)))
