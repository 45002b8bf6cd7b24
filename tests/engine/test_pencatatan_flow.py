"""Pencatatan through the runtime and the database, state saved and restored at every step."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select

import engine
from processes.accounts.users import actor_for
from processes.records import statuses
from processes.records.models import Record, StatusChange
from processes.work.runtime import RUNTIME
from tests.support.actors import user
from tests.support.flows import decide, submitted_record


def only_task(session, username):
    tasks = engine.inbox(session, actor_for(user(session, username)))
    assert len(tasks) == 1, tasks
    return tasks[0]


def decide_only_task(session, username, keputusan, catatan=""):
    """`username` decides the one task in their inbox; returns that task."""
    return decide(session, username, only_task(session, username).instance_id, keputusan, catatan)


def record(session, instance_id):
    return session.scalar(select(Record).where(Record.instance_id == instance_id))


def test_operator_submits_and_the_record_is_diajukan_dicatat(session):
    instance_id = submitted_record(session).instance_id
    assert record(session, instance_id).status == statuses.DIAJUKAN_DICATAT
    task = only_task(session, "kaurlitpers")
    assert task.lane == "Kaurlitpers" and task.form == "persetujuan-pengajuan.json"
    assert engine.inbox(session, actor_for(user(session, "kasubbid"))) == []


def test_returned_twice_then_approved_by_both_reaches_proses(session):
    instance_id = submitted_record(session).instance_id
    decide_only_task(session, "kaurlitpers", "KEMBALIKAN", "Nomor LP salah ketik")
    fix = only_task(session, "operator")
    assert fix.task_name == "Task_Perbaiki"
    assert fix.assignee_id == user(session, "operator").id
    data = RUNTIME.task_data(session, actor_for(user(session, "operator")), fix.id)
    assert data["dokumen_nomor"] == "LP/A/12/X/2026/Yanduan"
    data = {k: v for k, v in data.items() if k not in ("keputusan", "catatan", "hasil_ajukan")}
    data["dokumen_nomor"] = "LP/A/13/X/2026/Yanduan"
    RUNTIME.complete_task(session, actor_for(user(session, "operator")), fix.id, data)
    session.commit()
    decide_only_task(session, "kaurlitpers", "SETUJU")
    decide_only_task(session, "kasubbid", "KOREKSI", "Pasal belum tepat")
    only_task(session, "operator")  # back for correction
    fix = only_task(session, "operator")
    data = RUNTIME.task_data(session, actor_for(user(session, "operator")), fix.id)
    data = {k: v for k, v in data.items() if k not in ("keputusan", "catatan", "hasil_ajukan")}
    RUNTIME.complete_task(session, actor_for(user(session, "operator")), fix.id, data)
    session.commit()
    decide_only_task(session, "kaurlitpers", "SETUJU")
    decide_only_task(session, "kasubbid", "SETUJU")

    rec = record(session, instance_id)
    assert rec.status == statuses.PROSES
    history = [c.status for c in session.scalars(
        select(StatusChange).where(StatusChange.record_id == rec.id).order_by(StatusChange.id))]
    assert history == [statuses.DIAJUKAN_DICATAT] * 3 + [statuses.PROSES]
    assert engine.instance_info(session, instance_id).status == "complete"
    outcomes = [h.outcome for h in engine.timeline(session, instance_id)]
    assert outcomes == [None, "KEMBALIKAN", None, "SETUJU", "KOREKSI", None, "SETUJU", "SETUJU"]
    assert engine.instance_tasks(session, instance_id) == []


def test_operator_cannot_approve_and_other_polres_cannot_see(session):
    submitted_record(session, username="op.kapuas")
    task = only_task(session, "kaurlitpers")
    with pytest.raises(engine.NotAllowed):
        RUNTIME.complete_task(
            session, actor_for(user(session, "operator")), task.id, {"keputusan": "SETUJU"}
        )
    session.rollback()
    decide_only_task(session, "kaurlitpers", "KEMBALIKAN", "Lengkapi uraian")
    assert engine.inbox(session, actor_for(user(session, "op.barsel"))) == []
    assert engine.inbox(session, actor_for(user(session, "operator"))) == []  # assigned to starter
    assert len(engine.inbox(session, actor_for(user(session, "op.kapuas")))) == 1


def test_submitter_holding_an_approver_role_cannot_approve_own_submission(session):
    instance_id = submitted_record(session).instance_id
    operator = user(session, "operator")
    both = engine.Actor(operator.id, "Operator ganda", frozenset({"Operator", "Kaurlitpers"}), "/")
    assert engine.inbox(session, both) == []
    task = engine.instance_tasks(session, instance_id)[0]
    with pytest.raises(engine.NotAllowed, match="Pemisahan tugas"):
        RUNTIME.complete_task(session, both, task.id, {"keputusan": "SETUJU"})


def test_extra_keys_are_ignored_and_bad_form_data_writes_nothing(session):
    instance_id = submitted_record(session).instance_id
    task = only_task(session, "kaurlitpers")
    kaur = actor_for(user(session, "kaurlitpers"))
    with pytest.raises(engine.FormInvalid) as err:
        RUNTIME.complete_task(session, kaur, task.id, {"keputusan": "KEMBALIKAN"})
    assert "catatan" in err.value.errors
    session.rollback()
    with pytest.raises(engine.FormInvalid):
        RUNTIME.complete_task(session, kaur, task.id, {"keputusan": "SETUJU", "typename": "x"})
    session.rollback()
    RUNTIME.complete_task(
        session, kaur, task.id, {"keputusan": "SETUJU", "status": "SELESAI", "lane": "X"}
    )
    session.commit()
    assert record(session, instance_id).status == statuses.DIAJUKAN_DICATAT
    assert "status" not in engine.timeline(session, instance_id)[-1].data


def test_replaying_a_completed_task_is_refused_with_who_did_it(session):
    submitted_record(session)
    task = decide_only_task(session, "kaurlitpers", "SETUJU")
    with pytest.raises(engine.TaskNotOpen, match="sudah diselesaikan oleh Iptu Rina"):
        RUNTIME.complete_task(
            session, actor_for(user(session, "kaurlitpers")), task.id, {"keputusan": "SETUJU"}
        )


def test_two_approvers_completing_the_same_task_exactly_one_wins(session_factory, db_engine):
    """The first committed just before the second took the instance's lock: the second
    is told who completed it, and writes nothing."""
    with session_factory() as s:
        submitted_record(s)
        task_id = only_task(s, "kaurlitpers").id
    finished = []

    def let_the_other_approver_finish_first(_conn, _cursor, statement, *_args):
        takes_the_lock = statement.startswith("UPDATE wf_instance") or "FOR UPDATE" in statement
        if finished or not takes_the_lock:
            return
        finished.append(True)
        with session_factory() as other:
            kaur = actor_for(user(other, "kaurlitpers"))
            RUNTIME.complete_task(other, kaur, task_id, {"keputusan": "SETUJU"})
            other.commit()

    event.listen(db_engine, "before_cursor_execute", let_the_other_approver_finish_first)
    try:
        with session_factory() as second:
            kaur = actor_for(user(second, "kaurlitpers"))
            with pytest.raises(engine.TaskNotOpen, match="sudah diselesaikan oleh Iptu Rina"):
                RUNTIME.complete_task(second, kaur, task_id, {"keputusan": "KEMBALIKAN", "catatan": "xxxxx"})
    finally:
        event.remove(db_engine, "before_cursor_execute", let_the_other_approver_finish_first)
    assert finished
    with session_factory() as s:
        history = s.scalars(select(engine.models.TaskHistory).where(
            engine.models.TaskHistory.task_id == task_id)).all()
        assert [h.outcome for h in history] == ["SETUJU"]
        assert only_task(s, "kasubbid").task_name == "Task_PersetujuanKasubbid"
