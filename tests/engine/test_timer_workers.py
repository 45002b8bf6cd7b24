"""Two timer workers side by side on one PostgreSQL: each due instance is fired exactly once.

Each worker is its own process, as in production (`flask --app web run-timers` twice). A
worker takes one due instance at a time with SELECT ... FOR UPDATE SKIP LOCKED, so the
other never takes an instance it holds. SQLite has no row locks: one timer worker there.
"""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest
from sqlalchemy import func, select

import engine
from engine.models import Instance
from processes.db.database import make_engine, make_session_factory
from processes.db.uow import UnitOfWork
from processes.work import timers
from processes.work.runtime import RUNTIME
from tests.conftest import AUDIT_KEY
from tests.engine.test_timers import WAIT_THEN_WORK

pytestmark = pytest.mark.skipif(
    os.environ.get("ECATPERS_TEST_DB", "sqlite") != "postgresql",
    reason="SQLite has no row locks: one timer worker runs there",
)

DUE = 100
#: The diagram of test_timers, waiting one second instead of 72 hours.
WAIT_A_SECOND = WAIT_THEN_WORK.replace(b'"PT72H"', b'"PT1S"').replace(b"uji_timer", b"uji_detik")


def timer_worker(url: str) -> list[int]:
    """One timer worker process: wakes what it can take, returns the instances it woke."""
    db = make_engine(url)
    try:
        factory = make_session_factory(db, AUDIT_KEY)
        return timers.wake_due(lambda: UnitOfWork(factory))
    finally:
        db.dispose()


def test_two_timer_workers_fire_each_due_instance_exactly_once(db_url, session):
    engine.deploy_bpmn(session, WAIT_A_SECOND, "uji_detik.bpmn", {}, {})
    timers.system_user(session)  # made once, not by two workers at the same moment
    session.commit()
    operator = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
    for _ in range(DUE):
        first = RUNTIME.start(session, operator, "uji_detik", "/")
        RUNTIME.complete_task(session, operator, first.id, {})
    session.commit()
    time.sleep(1.5)  # every timer is due now

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        woken = pool.map(timer_worker, [db_url, db_url])

    first_worker, second_worker = (set(w) for w in woken)
    assert len(woken[0]) + len(woken[1]) == DUE
    assert not first_worker & second_worker
    assert first_worker and second_worker, "both workers took part"
    session.expire_all()
    waiting = select(func.count()).select_from(Instance).where(Instance.next_timer_at.is_not(None))
    assert session.scalar(waiting) == 0
    opened = [t.task_name for i in first_worker | second_worker
              for t in engine.instance_tasks(session, i)]
    assert opened == ["Ingat"] * DUE
