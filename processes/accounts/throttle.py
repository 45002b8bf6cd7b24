"""The sign-in throttle: failed password checks per typed user name and per address.

Kept in the database, so that every worker process sees the same count. After the free
failures of a key, the next attempt waits 2^(n - free) seconds after the last failure, up
to 15 minutes. The key is the user name as typed, whether or not such a user exists, so
the throttle never tells a known user from an unknown one.

An account's failures count for a day and end at its next successful sign-in. An address
may be a whole office behind one gateway, so it has more free failures, counted for an
hour, and a sign-in does not clear them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from engine import utcnow
from processes.accounts.models import LoginFailure

ACCOUNT, ADDRESS = "akun", "alamat"
MAX_DELAY = timedelta(minutes=15)


@dataclass(frozen=True)
class Rule:
    free: int
    window: timedelta


RULES = {
    ACCOUNT: Rule(free=5, window=timedelta(hours=24)),
    ADDRESS: Rule(free=20, window=timedelta(hours=1)),
}


def now() -> datetime:
    """The throttle's clock (tests move it)."""
    return utcnow()


def account_key(username: str) -> tuple[str, str]:
    return ACCOUNT, username.strip().lower()[:120]


def address_key(address: str | None) -> tuple[str, str]:
    return ADDRESS, (address or "-")[:120]


def delay(failures: int, free: int) -> timedelta:
    """How long after the last failure the next attempt waits."""
    if failures < free:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - free, 20)), MAX_DELAY)


def hold(session: Session, keys: list[tuple[str, str]]) -> None:
    """Take these keys' turn until the transaction ends.

    Attempts on one user name or from one address are then checked one at a time, so
    parallel guesses cannot all pass before the first of them is counted. PostgreSQL holds
    an advisory lock per key; SQLite's first write (the pruning) takes its one write lock.
    """
    session.execute(delete(LoginFailure).where(LoginFailure.failed_at < now() - _LONGEST_WINDOW))
    if session.get_bind().dialect.name == "postgresql":
        for scope, key in sorted(keys):
            session.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"{scope}:{key}"))))


def wait_seconds(session: Session, keys: list[tuple[str, str]]) -> int:
    """Seconds until these keys may try again (0: now)."""
    at, longest = now(), timedelta(0)
    for scope, key in keys:
        rule = RULES[scope]
        count, last = session.execute(
            select(func.count(), func.max(LoginFailure.failed_at)).where(
                LoginFailure.scope == scope, LoginFailure.key == key,
                LoginFailure.failed_at > at - rule.window,
            )
        ).one()
        if count:
            longest = max(longest, _aware(last) + delay(count, rule.free) - at)
    return math.ceil(longest.total_seconds()) if longest > timedelta(0) else 0


def record_failure(session: Session, keys: list[tuple[str, str]]) -> None:
    at = now()
    session.add_all(LoginFailure(scope=scope, key=key, failed_at=at) for scope, key in keys)


def clear(session: Session, key: tuple[str, str]) -> None:
    """A successful sign-in ends the account's count."""
    scope, value = key
    session.execute(delete(LoginFailure).where(LoginFailure.scope == scope, LoginFailure.key == value))


def wait_message(seconds: int) -> str:
    if seconds > 90:
        span = f"{math.ceil(seconds / 60)} menit"
    else:
        span = f"{seconds} detik"
    return f"Terlalu banyak percobaan yang gagal. Coba lagi dalam {span}."


_LONGEST_WINDOW = max(rule.window for rule in RULES.values())


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored time is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)
