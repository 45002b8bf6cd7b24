"""Waking instances whose timers are due: run by `flask --app web run-timers` (cron/systemd).

Timer steps act as the inactive user `sistem`, so whatever they write (a status change,
say) names a real user.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

import engine
from processes.accounts.models import Unit, User
from processes.accounts.roles import ADMIN
from processes.accounts.users import create_user
from processes.db.uow import UnitOfWork
from processes.work.heartbeat import TIMER_WORKER, beat
from processes.work.runtime import RUNTIME

SYSTEM_USERNAME = "sistem"


def system_user(session: Session) -> User:
    user = session.scalar(select(User).where(User.username == SYSTEM_USERNAME))
    if user is None:
        root = session.scalar(select(Unit).where(Unit.parent_id.is_(None)))
        user = create_user(session, SYSTEM_USERNAME, "Sistem (pengingat waktu)",
                           secrets.token_urlsafe(32), ADMIN, root.code)
        user.is_active = False  # it never signs in
    return user


def fire_due_timers(new_uow: Callable[[], UnitOfWork], now: datetime | None = None) -> int:
    """Wake every due instance, each in its own transaction, then stamp the worker's
    heartbeat (so Pemeliharaan can tell a worker that stopped); returns how many woke."""
    woken = len(wake_due(new_uow, now))
    with new_uow() as uow:
        beat(uow.session, TIMER_WORKER, datetime.now(UTC), f"{woken} proses dibangunkan")
        uow.commit()
    return woken


def wake_due(new_uow: Callable[[], UnitOfWork], now: datetime | None = None) -> list[int]:
    """The instances this worker woke. Each is taken (locked, skipping those another timer
    worker holds) in the transaction that fires it, so several workers may run at once;
    each is looked at once per run, whatever came of it."""
    now = now or datetime.now(UTC)
    passed: set[int] = set()
    woken: list[int] = []
    while True:
        with new_uow() as uow:
            instance_id = engine.take_due_instance(uow.session, now, passed)
            if instance_id is None:
                return woken
            passed.add(instance_id)
            user = system_user(uow.session)
            actor = engine.Actor(user.id, user.full_name, frozenset(), "/")
            try:
                RUNTIME.fire_timers(uow.session, actor, instance_id)
            except engine.Conflict:
                continue  # someone advanced it meanwhile; it is looked at again next run
            except engine.ProcessStopped:
                uow.commit()  # its next step failed: the incident waits for an administrator
                continue
            uow.commit()
            woken.append(instance_id)
