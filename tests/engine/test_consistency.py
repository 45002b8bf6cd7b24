"""The consistency check: nothing to report after real flows; each planted disagreement found."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import delete, select, text, update

import engine
from engine.models import Instance, OpenTask, TaskHistory
from processes.records import statuses
from processes.records.consistency import check_records
from processes.records.models import Record, Submission
from processes.work.consistency import periksa
from tests.engine.test_permohonan_flow import issue
from tests.support.flows import (
    decide,
    record_in_proses,
    request_akses_khusus,
    submit_permohonan,
    submit_update,
    submitted_record,
)


@dataclass(frozen=True)
class World:
    """What the flows left: a record waiting for pencatatan approval, one in PROSES with an
    Update I waiting (after a return for correction), and finished letter and akses flows."""

    waiting: Record
    updating: Record
    update_instance: int
    letter_instance: int


@pytest.fixture
def world(session, session_factory) -> World:
    waiting = submitted_record(session, nomor_identitas="85050001", nama="Andi Waiting")
    updating = record_in_proses(session)
    update_instance = submit_update(
        session, "update_i", updating, {"nomor_berkas": "DP3D/1/XI/2026", "limpah": "POLDA"})
    decide(session, "kaurlitpers", update_instance, "KEMBALIKAN", "Nomor berkas kurang")
    letter_instance = submit_permohonan(session)
    issue(session, session_factory, letter_instance, "Kasubbid Paminal")
    request_akses_khusus(session, "op.kapuas", "85051234")
    session.expire_all()
    return World(waiting, updating, update_instance, letter_instance)


def lines(uow) -> list[str]:
    return periksa(uow).lines


def only_line(uow) -> str:
    found = lines(uow)
    assert len(found) == 1, found
    return found[0]


def open_rows(session, instance_id: int) -> list[OpenTask]:
    return list(session.scalars(select(OpenTask).where(OpenTask.instance_id == instance_id)))


def test_real_flows_leave_nothing_to_report(session, uow, world):
    assert engine.count_instances(session) == 5
    assert list(engine.check_instances(session, batch_size=2)) == []
    assert list(check_records(session, batch_size=1)) == []
    report = periksa(uow, batch_size=2)
    assert report.consistent and (report.instances, report.records) == (5, 2)


def test_a_deleted_open_task_row_is_reported(session, uow, world):
    row = open_rows(session, world.waiting.instance_id)[0]
    session.delete(row)
    session.commit()
    assert only_line(uow) == (
        f"Proses #{world.waiting.instance_id} (pencatatan, catatan #{world.waiting.id}): tugas "
        f"'{row.title}' siap dikerjakan menurut data proses, tetapi tidak ada di tabel tugas "
        "terbuka (tidak muncul di kotak masuk siapa pun).")


def test_a_stray_open_task_row_is_reported(session, uow, world):
    session.add(OpenTask(
        id="00000000-0000-0000-0000-000000000001", instance_id=world.update_instance,
        process_id="update_i", task_name="Task_Palsu", title="Tugas palsu", lane="Operator",
        unit_path="/", business_key="85051234"))
    session.commit()
    assert only_line(uow) == (
        f"Proses #{world.update_instance} (update_i, catatan #{world.updating.id}): baris tugas "
        "terbuka 'Tugas palsu' (00000000-0000-0000-0000-000000000001) tidak sesuai tugas mana "
        "pun yang siap dikerjakan menurut data proses.")


def test_an_open_task_row_that_differs_from_the_state_is_reported(session, uow, world):
    session.execute(update(OpenTask).where(OpenTask.instance_id == world.update_instance)
                    .values(business_key="99999999"))
    session.commit()
    assert "kunci bisnis tercatat '99999999', seharusnya '85051234'" in only_line(uow)


def test_a_finished_instance_with_open_tasks_is_reported(session, uow, world):
    session.add(OpenTask(
        id="00000000-0000-0000-0000-000000000002", instance_id=world.letter_instance,
        process_id="permohonan_catpers", task_name="Task_X", title="Sisa", lane="Operator",
        unit_path="/"))
    session.commit()
    assert only_line(uow) == (
        f"Proses #{world.letter_instance} (permohonan_catpers): proses sudah selesai tetapi "
        "masih punya 1 baris tugas terbuka.")


def test_a_status_the_state_does_not_bear_out_is_reported(session, uow, world):
    session.execute(update(Instance).where(Instance.id == world.update_instance)
                    .values(status="complete"))
    session.commit()
    found = lines(uow)
    assert found[0].startswith(f"Proses #{world.update_instance} (update_i, catatan #")
    assert "status proses tercatat 'complete', tetapi data prosesnya belum selesai." in found[0]
    assert "proses sudah selesai tetapi masih punya 1 baris tugas terbuka." in found[1]
    # and its waiting submission can no longer be approved by anyone:
    assert found[2] == (
        f"Catatan #{world.updating.id} (proses #{world.updating.instance_id}): pengajuan "
        f"UPDATE_I (proses #{world.update_instance}) masih menunggu, tetapi prosesnya sudah "
        "selesai.")


def test_an_open_task_already_in_the_history_is_reported(session, uow, world):
    row = open_rows(session, world.waiting.instance_id)[0]
    session.add(TaskHistory(instance_id=row.instance_id, task_id=row.id, task_name=row.task_name,
                            title=row.title, lane=row.lane, user_id=1, user_name="x", data={}))
    session.commit()
    assert only_line(uow).endswith(
        f"tugas '{row.title}' masih terbuka padahal sudah tercatat selesai di riwayat.")


def test_an_unreadable_state_is_reported_and_the_check_goes_on(session, uow, world):
    session.execute(update(Instance).where(Instance.id == world.letter_instance)
                    .values(state_json="{rusak"))
    session.execute(delete(OpenTask).where(OpenTask.instance_id == world.waiting.instance_id))
    session.commit()
    found = lines(uow)
    assert len(found) == 2
    assert found[0].startswith(f"Proses #{world.waiting.instance_id} (pencatatan")
    assert found[1].startswith(
        f"Proses #{world.letter_instance} (permohonan_catpers): data proses tidak dapat dibaca")


def test_history_of_an_instance_that_does_not_exist_is_reported(session, uow, world, db_engine):
    with db_engine.connect() as conn:  # only with the foreign keys off can it happen at all
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        else:
            conn.execute(text("SET session_replication_role = replica"))
        conn.execute(TaskHistory.__table__.insert().values(
            instance_id=999999, task_id="t", task_name="t", title="t", user_id=1, user_name="x",
            data={}))
        conn.commit()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        else:
            conn.execute(text("SET session_replication_role = DEFAULT"))
    assert only_line(uow) == "Proses #999999: 1 entri riwayat tugas merujuk proses yang tidak ada."


def test_a_changed_record_status_is_reported(session, uow, world):
    session.execute(update(Record).where(Record.id == world.waiting.id)
                    .values(status=statuses.PROSES))
    session.commit()
    prefix = f"Catatan #{world.waiting.id} (proses #{world.waiting.instance_id}): "
    assert lines(uow) == [
        (f"{prefix}berstatus PROSES (FINAL), tetapi ada pengajuan yang menunggu persetujuan: "
        f"PENCATATAN (proses #{world.waiting.instance_id})."),
        f"{prefix}berstatus PROSES, tetapi perubahan status terakhirnya DIAJUKAN (DICATAT).",
    ]


def test_a_deleted_waiting_submission_is_reported(session, uow, world):
    session.execute(delete(Submission).where(Submission.instance_id == world.update_instance))
    session.commit()
    assert lines(uow) == [
        (f"Catatan #{world.updating.id} (proses #{world.updating.instance_id}): berstatus "
        "DIAJUKAN (UPDATE) (SEMI FINAL), tetapi tidak ada pengajuan yang menunggu persetujuan."),
    ]


def test_the_database_allows_no_second_waiting_submission(session, world):
    from sqlalchemy.exc import IntegrityError

    first = session.scalar(select(Submission).where(Submission.instance_id == world.update_instance))
    session.add(Submission(record_id=first.record_id, instance_id=987654, tahap="UPDATE_II",
                           submitted_by=first.submitted_by))
    with pytest.raises(IntegrityError):  # so the rule's "more than one" is tested without it
        session.commit()
    session.rollback()
