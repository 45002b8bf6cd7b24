"""Sign-ins and session ends in the audit log: every success and failure, and every session
found ended (signed out elsewhere, role changed, account disabled).

The log says why a sign-in failed; the login page never does (it must not tell whether a
username exists).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import User
from processes.db import audit
from processes.db.audit_actions import MASUK, MASUK_GAGAL, SESI_BERAKHIR
from processes.db.uow import UnitOfWork

AKUN_TIDAK_DIKENAL, KATA_SANDI_SALAH, AKUN_NONAKTIF = (
    "AKUN_TIDAK_DIKENAL", "KATA_SANDI_SALAH", "AKUN_NONAKTIF")
SESI_DICABUT, AKUN_TIDAK_ADA = "SESI_DICABUT", "AKUN_TIDAK_ADA"
DITAHAN = "DITAHAN_SEMENTARA"  # too many failures: the attempt was not checked
BATAS_WAKTU = "BATAS_WAKTU_SESI"  # idle too long, or past the session's lifetime


def note_sign_in(session: Session, typed_username: str, user: User | None,
                 held: bool = False) -> None:
    """In the sign-in's own transaction: `user` signed in, or (None) the attempt with
    `typed_username` failed (`held`: refused unchecked while the throttle holds it)."""
    if user is not None:
        audit.record(session, MASUK, user_id=user.id, target=user.username)
        return
    name = typed_username.strip().lower()
    account = session.scalar(select(User).where(User.username == name))
    reason = (DITAHAN if held else AKUN_TIDAK_DIKENAL if account is None
              else AKUN_NONAKTIF if not account.is_active else KATA_SANDI_SALAH)
    audit.record(session, MASUK_GAGAL, user_id=account.id if account else None,
                 target=name, outcome=reason)


def record_session_end(uow: UnitOfWork, user_id: int, why: str | None = None) -> None:
    """A request came with a session that no longer holds: revoked, or (`why`:
    BATAS_WAKTU) past its idle or absolute time limit."""
    with uow:
        user = uow.session.get(User, user_id)
        reason = why or (AKUN_TIDAK_ADA if user is None
                         else AKUN_NONAKTIF if not user.is_active else SESI_DICABUT)
        audit.record(uow.session, SESI_BERAKHIR, user_id=user_id,
                     target=user.username if user else "", outcome=reason)
        uow.commit()
