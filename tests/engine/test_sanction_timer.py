"""Berakhirnya hukuman: the day after a sanction's last day, a timer puts the reminder in
the operator's inbox, and Kaurlitpers is reminded when it waits 7 days; the operator
closes it once the pemutakhiran is submitted. The clock is moved as SpiffWorkflow sees it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

import engine
from engine.models import Instance
from processes.db.uow import UnitOfWork
from processes.records import statuses
from processes.records.sanction_dates import OFFICE_TZ, office_today
from processes.work.runtime import RUNTIME
from processes.work.timers import fire_due_timers
from tests.support.data import pemutakhiran, putusan, sanction_row
from tests.support.flows import actor, approve, record_in_proses, refreshed, submit_update


class Clock:
    """What `datetime.now()` says inside SpiffWorkflow's timers: `ahead` from the real now."""

    ahead = timedelta(0)


class _Shifted(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + Clock.ahead


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(spiff_timer, "datetime", _Shifted)
    Clock.ahead = timedelta(0)
    yield Clock
    Clock.ahead = timedelta(0)


def wake(session_factory, clock, days: float) -> int:
    clock.ahead = timedelta(days=days)
    return fire_due_timers(lambda: UnitOfWork(session_factory), datetime.now(UTC) + clock.ahead)


def titles(session, username, instance_id) -> list[str]:
    session.expire_all()
    return sorted(t.title for t in engine.inbox(session, actor(session, username))
                  if t.instance_id == instance_id)


def test_a_served_sanction_puts_berakhirnya_hukuman_in_the_operators_inbox(
    session, session_factory, clock
):
    record = record_in_proses(session)
    mulai = office_today()
    instance_id = submit_update(session, "update_ii", record, putusan(
        sanction_row("DISIPLIN_PATSUS", 21, mulai.isoformat()), tanggal=mulai.isoformat()))
    approve(session, instance_id)
    assert refreshed(session, record).status == statuses.PENGAWASAN

    # The timer waits for the day after the last day (mulai + 20): midnight WIB.
    instance = session.get(Instance, instance_id)
    due = instance.next_timer_at.replace(tzinfo=instance.next_timer_at.tzinfo or UTC)
    clean_from = datetime.combine(mulai + timedelta(days=21), datetime.min.time(), OFFICE_TZ)
    assert due == clean_from
    assert titles(session, "operator", instance_id) == []
    assert wake(session_factory, clock, 19) == 0  # still being served

    assert wake(session_factory, clock, 22) == 1
    assert titles(session, "operator", instance_id) == ["Berakhirnya hukuman"]
    assert titles(session, "kaurlitpers", instance_id) == []

    # Closing it before a pemutakhiran is submitted is refused; the task stays.
    [task] = [t for t in engine.inbox(session, actor(session, "operator"))
              if t.instance_id == instance_id]
    with pytest.raises(engine.EngineError, match="ajukan Pemutakhiran"):
        RUNTIME.complete_task(session, actor(session, "operator"), task.id, {})
    session.rollback()
    assert titles(session, "operator", instance_id) == ["Berakhirnya hukuman"]

    # Seven days on, Kaurlitpers is reminded (the operator's task stays open too).
    assert wake(session_factory, clock, 30) == 1
    assert titles(session, "kaurlitpers", instance_id) == [
        "Pengingat: berakhirnya hukuman belum ditindaklanjuti"]
    assert titles(session, "operator", instance_id) == ["Berakhirnya hukuman"]

    closing = submit_update(session, "pemutakhiran", record, pemutakhiran("BERAKHIRNYA_HUKUMAN"))
    RUNTIME.complete_task(session, actor(session, "operator"), task.id,
                          {"tindak_lanjut": "Pemutakhiran diajukan"})
    session.commit()
    assert titles(session, "operator", instance_id) == []
    approve(session, closing)
    assert refreshed(session, record).status == statuses.SELESAI


def test_no_reminder_when_the_case_was_closed_or_a_banding_replaced_the_putusan(
    session, session_factory, clock
):
    from tests.support.data import KEPP

    mulai = office_today().isoformat()
    closed = record_in_proses(session)
    first = submit_update(session, "update_ii", closed,
                          putusan(sanction_row("DISIPLIN_PATSUS", 5, mulai), tanggal=mulai))
    approve(session, first)
    approve(session, submit_update(session, "pemutakhiran", closed, pemutakhiran("BERAKHIRNYA_HUKUMAN")))

    kepp = record_in_proses(session, **KEPP)
    second = submit_update(session, "update_ii", kepp,
                           putusan(sanction_row("KEPP_PATSUS", 5, mulai), tanggal=mulai))
    approve(session, second)
    banding = submit_update(session, "update_iii", kepp,
                            putusan(sanction_row("KEPP_DEMOSI", 1, mulai), tanggal=mulai))
    approve(session, banding)

    assert wake(session_factory, clock, 10) == 2
    assert titles(session, "operator", first) == titles(session, "operator", second) == []
    session.expire_all()
    assert session.get(Instance, first).status == session.get(Instance, second).status == "complete"
    assert session.get(Instance, banding).status == "running"  # it waits for the demosi's end


def test_a_sanction_that_never_ends_sets_no_timer(session):
    from tests.support.data import KEPP

    record = record_in_proses(session, **KEPP)
    instance_id = submit_update(session, "update_ii", record, putusan("KEPP_PTDH"))
    approve(session, instance_id)
    instance = session.get(Instance, instance_id)
    assert (instance.status, instance.next_timer_at) == ("complete", None)
