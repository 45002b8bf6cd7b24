"""Signing in, changing one's own password, and re-entering it before a weighty act.

Every password check goes through the throttle (`throttle.py`): a wrong password is counted
against the typed user name (and, at the sign-in page, the address), and after the free
failures the next try waits. An unknown user name is checked against a dummy hash, so it
takes as long and reads the same as a wrong password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts import throttle
from processes.accounts.models import User
from processes.accounts.passwords import (
    MAX_LENGTH,
    dummy_hash,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from processes.accounts.sign_ins import note_sign_in
from processes.accounts.users import personal_words, set_password_hash
from processes.db import audit
from processes.db.audit_actions import GANTI_SANDI
from processes.db.uow import UnitOfWork
from processes.errors import Refused

WRONG_SIGN_IN = "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan."
WRONG_PASSWORD = "Kata sandi Anda salah."


@dataclass(frozen=True)
class SignIn:
    """A sign-in attempt's result: the user, or why not (and how long to wait, if throttled)."""

    user: User | None
    message: str | None = None
    wait_seconds: int = 0


def sign_in(uow: UnitOfWork, username: str, password: str, address: str | None) -> SignIn:
    """Check a user name and password typed at the sign-in page from `address`."""
    keys = [throttle.account_key(username), throttle.address_key(address)]
    with uow:
        session = uow.session
        throttle.hold(session, keys)
        wait = throttle.wait_seconds(session, keys)
        if wait:
            note_sign_in(session, username, None, held=True)
            uow.commit()
            return SignIn(None, throttle.wait_message(wait), wait)
        user = _user_named(session, username)
        if not _matches(user.password_hash if user else None, password) or not (user and user.is_active):
            throttle.record_failure(session, keys)
            note_sign_in(session, username, None)
            uow.commit()
            return SignIn(None, WRONG_SIGN_IN)
        throttle.clear(session, keys[0])
        note_sign_in(session, username, user)
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)  # older scheme or cost: argon2id now
        uow.commit()
        return SignIn(user)


def change_own_password(
    uow: UnitOfWork, user: User, current: str, new: str, repeated: str
) -> None:
    """The user replaces their password; every other session of theirs ends."""
    if new != repeated:
        raise Refused("Kata sandi baru dan ulangannya tidak sama.")
    problem = password_problem(new, personal_words(user))
    if problem:
        raise Refused(problem)
    if new == current:
        raise Refused("Kata sandi baru harus berbeda dari kata sandi saat ini.")
    with uow:
        target = uow.session.get(User, user.id)
        refusal = confirm_password(uow.session, target, current)
        if refusal:
            uow.commit()  # the wrong guess is counted
            raise Refused("Kata sandi saat ini salah." if refusal == WRONG_PASSWORD else refusal)
        set_password_hash(target, hash_password(new), temporary=False)
        audit.record(uow.session, GANTI_SANDI, user_id=target.id, target=target.username)
        uow.commit()


def confirm_password(session: Session, user: User, password: str | None) -> str | None:
    """None when `password` is the signed-in user's own; else why not.

    A wrong password is recorded in `session` as a failed try of the account: commit it
    before refusing, so that guessing here is throttled like guessing at the sign-in page.
    """
    keys = [throttle.account_key(user.username)]
    throttle.hold(session, keys)
    wait = throttle.wait_seconds(session, keys)
    if wait:
        return throttle.wait_message(wait)
    if _matches(user.password_hash, password or ""):
        return None
    throttle.record_failure(session, keys)
    return WRONG_PASSWORD


def _user_named(session: Session, username: str) -> User | None:
    name = username.strip().lower()
    if not name or len(name) > 60:
        return None
    return session.scalar(select(User).where(User.username == name))


def _matches(stored: str | None, password: str) -> bool:
    """Checks against a dummy hash when there is no user, so both cost the same."""
    if len(password) > 8 * MAX_LENGTH:
        return False  # no password is that long; not worth hashing
    ok = verify_password(stored or dummy_hash(), password)
    return ok and stored is not None
