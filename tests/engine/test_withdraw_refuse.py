"""A submission that ends without approval (issue 14, point 4): an approver of the shared
chain refuses it outright with a reason, or the submitting unit withdraws it. Either way
the record returns to the status it had before, the reason is kept, and no task is left."""

from __future__ import annotations

import pytest
from sqlalchemy import select

import engine
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused
from processes.records import statuses
from processes.records.consistency import check_records
from processes.records.endings import REASON
from processes.records.models import StatusChange, Submission
from processes.work import withdrawal
from processes.work.runtime import RUNTIME
from tests.support.actors import extra_user, user
from tests.support.data import UPDATE_I
from tests.support.flows import (
    actor,
    decide,
    record_in_proses,
    refreshed,
    submit_update,
    submitted_record,
    task_of,
)


def _open_tasks(session, instance_id: int) -> list[str]:
    session.expire_all()
    return [t.title for t in engine.inbox(session, actor(session, "kaurlitpers"))
            if t.instance_id == instance_id] + [
        t.title for t in engine.inbox(session, actor(session, "kasubbid"))
        if t.instance_id == instance_id] + [
        t.title for t in engine.inbox(session, actor(session, "operator"))
        if t.instance_id == instance_id]


def _submission(session, instance_id: int) -> Submission:
    session.expire_all()
    return session.scalar(select(Submission).where(Submission.instance_id == instance_id))


def test_kaurlitpers_refuses_a_first_pencatatan_and_the_record_is_dibatalkan(session):
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "TOLAK", "Bukan pelanggaran anggota ini")
    record = refreshed(session, record)
    assert record.status == statuses.DIBATALKAN
    assert statuses.STATUSES[record.status].phase == statuses.BATAL
    submission = _submission(session, record.instance_id)
    assert submission.status == "DITOLAK"
    assert submission.data[REASON] == "Bukan pelanggaran anggota ini"
    assert _open_tasks(session, record.instance_id) == []
    assert engine.instance_info(session, record.instance_id).status == "complete"
    note = session.scalar(select(StatusChange.note).where(StatusChange.record_id == record.id)
                          .order_by(StatusChange.id.desc()))
    assert note == "Ditolak: Bukan pelanggaran anggota ini"


def test_kasubbid_refuses_an_update_i_and_the_record_is_back_in_proses(session):
    record = record_in_proses(session)
    instance = submit_update(session, "update_i", record, UPDATE_I)
    assert refreshed(session, record).status == statuses.DIAJUKAN_UPDATE
    decide(session, "kaurlitpers", instance, "SETUJU")
    decide(session, "kasubbid", instance, "TOLAK", "Nomor DP3D tidak sesuai berkas")
    record = refreshed(session, record)
    assert (record.status, record.tahap) == (statuses.PROSES, "PENCATATAN")
    assert _submission(session, instance).status == "DITOLAK"
    assert _open_tasks(session, instance) == []
    # Nothing waits any more: a new Update I may be submitted.
    again = submit_update(session, "update_i", record, UPDATE_I)
    assert _submission(session, again).status == "MENUNGGU"


def test_a_refusal_without_a_reason_is_not_accepted(session):
    record = submitted_record(session)
    task = task_of(session, "kaurlitpers", record.instance_id)
    with pytest.raises(engine.FormInvalid) as err:
        RUNTIME.complete_task(session, actor(session, "kaurlitpers"), task.id,
                              {"keputusan": "TOLAK"})
    assert "catatan" in err.value.errors
    session.rollback()
    assert refreshed(session, record).status == statuses.DIAJUKAN_DICATAT


def test_the_operator_withdraws_a_returned_update_and_the_record_steps_back(
    session, session_factory
):
    record = record_in_proses(session)
    instance = submit_update(session, "update_i", record, UPDATE_I)
    decide(session, "kaurlitpers", instance, "KEMBALIKAN", "Lengkapi nomor berkas")
    assert _open_tasks(session, instance) == ["Perbaiki data Update I"]
    withdrawal.withdraw(UnitOfWork(session_factory), user(session, "operator"), instance,
                        "Salah memilih catatan")
    record = refreshed(session, record)
    assert record.status == statuses.PROSES
    assert _submission(session, instance).status == "DITARIK"
    assert _open_tasks(session, instance) == []
    assert [h.outcome for h in engine.timeline(session, instance)][-1] == "DITARIK"


def test_a_withdrawn_first_pencatatan_is_dibatalkan(session, session_factory):
    record = submitted_record(session)
    withdrawal.withdraw(UnitOfWork(session_factory), user(session, "operator"),
                        record.instance_id, "Pencatatan ganda")
    assert refreshed(session, record).status == statuses.DIBATALKAN
    assert _open_tasks(session, record.instance_id) == []


def test_only_the_submitting_unit_withdraws_and_only_what_waits(session, session_factory):
    record = submitted_record(session, username="op.kapuas")
    with pytest.raises(Forbidden):
        withdrawal.withdraw(UnitOfWork(session_factory), user(session, "op.barsel"),
                            record.instance_id, "Bukan satuan saya")
    with pytest.raises(Forbidden):  # an approver refuses, they do not withdraw
        withdrawal.withdraw(UnitOfWork(session_factory), user(session, "kaurlitpers"),
                            record.instance_id, "Ditarik oleh penyetuju")
    with pytest.raises(Refused):
        withdrawal.withdraw(UnitOfWork(session_factory), user(session, "op.kapuas"),
                            record.instance_id, "")
    extra_user(session, "tmp-op2.kapuas", "OPERATOR", "POLRES-KAPUAS")
    withdrawal.withdraw(UnitOfWork(session_factory), user(session, "tmp-op2.kapuas"),
                        record.instance_id, "Ditarik oleh rekan satuan")
    with pytest.raises(Forbidden):  # nothing waits any more
        withdrawal.withdraw(UnitOfWork(session_factory), user(session, "op.kapuas"),
                            record.instance_id, "Sekali lagi")


def test_refused_and_withdrawn_submissions_leave_nothing_for_periksa(session, session_factory):
    refused = submitted_record(session)
    decide(session, "kaurlitpers", refused.instance_id, "TOLAK", "Data tidak lengkap")
    record = record_in_proses(session)
    instance = submit_update(session, "update_i", record, UPDATE_I)
    decide(session, "kaurlitpers", instance, "SETUJU")
    withdrawal.withdraw(UnitOfWork(session_factory), user(session, "operator"), instance,
                        "Berkas salah unggah")
    session.expire_all()
    assert list(engine.check_instances(session)) == []
    assert list(check_records(session)) == []
