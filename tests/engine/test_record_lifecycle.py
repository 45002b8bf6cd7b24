"""A record's life after Pencatatan: Update I–IV and Pemutakhiran, as the diagrams allow."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

import engine
from processes.records import statuses
from processes.records.models import Record, StatusChange, Submission
from processes.records.stage_order import BROKEN, stage_refusal
from processes.work import record_flows
from processes.work.runtime import RUNTIME
from tests.support.actors import user
from tests.support.data import KEPP as KEPP_FIELDS
from tests.support.data import PIDANA as PIDANA_FIELDS
from tests.support.data import UPDATE_I, putusan
from tests.support.flows import (
    actor,
    approve,
    decide,
    record_in_proses,
    submit_update,
    task_of,
)


def offered(session, record, username="operator"):
    return [o.process_id for o in record_flows.offered(session, user(session, username), record)]


def test_update_i_then_update_ii_puts_a_disiplin_record_under_pengawasan(session):
    record = record_in_proses(session)
    assert offered(session, record) == ["update_i", "pemutakhiran"]  # Update II after Update I

    instance_id = submit_update(session, "update_i", record, UPDATE_I)
    session.refresh(record)
    assert record.status == statuses.DIAJUKAN_UPDATE
    assert offered(session, record) == []  # one waiting submission at a time
    decide(session, "kaurlitpers", instance_id, "KEMBALIKAN", "Nomor DP3D kurang")
    fix = task_of(session, "operator", instance_id)
    data = RUNTIME.task_data(session, actor(session, "operator"), fix.id)
    assert data["nomor_berkas"] == "DP3D/12/XI/2026"
    RUNTIME.complete_task(
        session, actor(session, "operator"), fix.id,
        {**{k: data[k] for k in UPDATE_I}, "nomor_berkas": "DP3D/13/XI/2026",
         **{k: v for k, v in data.items() if k.startswith("dokumen_")}},
    )
    session.commit()
    approve(session, instance_id)
    session.refresh(record)
    assert (record.status, record.tahap) == (statuses.PROSES, "UPDATE_I")
    assert offered(session, record) == ["update_ii", "pemutakhiran"]

    instance_id = submit_update(session, "update_ii", record, putusan("DISIPLIN_TEGURAN_TERTULIS"))
    approve(session, instance_id)
    session.refresh(record)
    assert (record.status, record.tahap) == (statuses.PENGAWASAN, "UPDATE_II")
    tahapan = session.scalars(
        select(Submission).where(Submission.record_id == record.id).order_by(Submission.id)
    ).all()
    assert [(s.tahap, s.status) for s in tahapan] == [
        ("PENCATATAN", "DISETUJUI"), ("UPDATE_I", "DISETUJUI"), ("UPDATE_II", "DISETUJUI"),
    ]
    assert tahapan[1].data["nomor_berkas"] == "DP3D/13/XI/2026"
    assert tahapan[2].data["daftar_hukuman"] == [
        {"kode": "DISIPLIN_TEGURAN_TERTULIS", "mulai": "2026-11-10"}]
    assert tahapan[2].data["hukuman"] == "Teguran tertulis (10 November 2026)"


def test_update_iii_and_iv_are_only_for_kepp(session):
    disiplin = record_in_proses(session)
    with pytest.raises(engine.EngineError, match="hanya untuk catatan KEPP"):
        submit_update(session, "update_iii", disiplin, putusan("KEPP_DEMOSI"))
    session.rollback()
    assert "update_iii" not in offered(session, disiplin)

    kepp = record_in_proses(
        session, nomor_identitas="90030456", jenis_pelanggaran="KEPP", pasal="PERPOL7-2022-P10"
    )
    approve(session, submit_update(session, "update_ii", kepp, putusan("KEPP_DEMOSI")))
    assert offered(session, kepp) == ["update_iii", "pemutakhiran"]
    approve(session, submit_update(session, "update_iii", kepp, putusan("KEPP_TUNDA_PANGKAT")))
    assert offered(session, kepp) == ["update_iv", "pemutakhiran"]
    approve(session, submit_update(session, "update_iv", kepp, putusan("KEPP_PATSUS")))
    session.refresh(kepp)
    assert (kepp.status, kepp.tahap) == (statuses.PENGAWASAN, "UPDATE_IV")
    assert offered(session, kepp) == ["pemutakhiran"]


def test_hukuman_must_fit_the_jenis_of_the_record(session):
    record = record_in_proses(session)
    with pytest.raises(engine.FormInvalid) as err:
        submit_update(session, "update_ii", record, putusan("KEPP_PTDH"))
    assert err.value.errors["daftar_hukuman"].startswith("Hukuman baris 1: jenis hukuman ini")
    session.rollback()
    assert session.scalar(select(Submission).where(Submission.tahap == "UPDATE_II")) is None


def test_a_second_submission_while_one_waits_is_refused(session):
    record = record_in_proses(session)
    submit_update(session, "update_i", record, UPDATE_I)
    with pytest.raises(engine.EngineError, match="masih memiliki pengajuan"):
        submit_update(session, "update_ii", record, putusan("DISIPLIN_DEMOSI"))
    session.rollback()
    assert len(session.scalars(select(Submission).where(Submission.status == "MENUNGGU")).all()) == 1


def test_the_database_itself_refuses_two_waiting_submissions(session):
    record = record_in_proses(session)
    submit_update(session, "update_i", record, UPDATE_I)
    waiting = session.scalar(select(Submission).where(Submission.status == "MENUNGGU"))
    session.add(Submission(record_id=record.id, instance_id=waiting.instance_id + 1000,
                           tahap="UPDATE_II", submitted_by=waiting.submitted_by))
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()


@pytest.mark.parametrize(
    ("jenis", "extra", "final"),
    [
        ("TIDAK_TERBUKTI", {}, statuses.TIDAK_TERBUKTI),
        ("TIDAK_BERSALAH", {}, statuses.TIDAK_BERSALAH),
        ("DIHENTIKAN", {"alasan_dihentikan": "PERDAMAIAN_RJ"}, statuses.DIHENTIKAN),
    ],
)
def test_pemutakhiran_closes_the_record_and_then_only_a_reopen_is_offered(session, jenis, extra, final):
    record = record_in_proses(session)
    instance_id = submit_update(session, "pemutakhiran", record, {"jenis_pemutakhiran": jenis, **extra})
    session.refresh(record)
    assert record.status == statuses.DIAJUKAN_PEMUTAKHIRAN
    approve(session, instance_id)
    session.refresh(record)
    assert record.status == final
    assert offered(session, record) == ["buka_kembali"]  # Kabid Propam's authorised correction
    with pytest.raises(engine.EngineError, match="sudah ditutup"):
        submit_update(session, "update_i", record, UPDATE_I)
    session.rollback()
    changes = session.scalars(
        select(StatusChange).where(StatusChange.record_id == record.id).order_by(StatusChange.id)
    ).all()
    assert [c.status for c in changes][-2:] == [statuses.DIAJUKAN_PEMUTAKHIRAN, final]
    assert changes[-1].instance_id == instance_id


def test_berakhirnya_hukuman_needs_a_sanction_being_served(session):
    record = record_in_proses(session)
    with pytest.raises(engine.EngineError, match="PENGAWASAN"):
        submit_update(session, "pemutakhiran", record, {"jenis_pemutakhiran": "BERAKHIRNYA_HUKUMAN"})
    session.rollback()
    approve(session, submit_update(session, "update_ii", record, putusan("DISIPLIN_PATSUS")))
    approve(session, submit_update(
        session, "pemutakhiran", record, {"jenis_pemutakhiran": "BERAKHIRNYA_HUKUMAN"}))
    session.refresh(record)
    assert record.status == statuses.SELESAI


def test_dihentikan_needs_its_reason(session):
    record = record_in_proses(session)
    with pytest.raises(engine.FormInvalid) as err:
        submit_update(session, "pemutakhiran", record, {"jenis_pemutakhiran": "DIHENTIKAN"})
    assert "alasan_dihentikan" in err.value.errors


def test_operator_of_another_polres_cannot_start_an_update(session):
    record = record_in_proses(session, username="op.kapuas")
    assert offered(session, record, "op.barsel") == []
    with pytest.raises(engine.NotAllowed):
        submit_update(session, "update_i", record, UPDATE_I, username="op.barsel")


# -- the order of tahap (bpmn-models/urutan_tahap.dmn) --------------------------------


@pytest.mark.parametrize("jenis", [{}, KEPP_FIELDS])
def test_update_ii_of_a_disiplin_or_kepp_record_waits_for_update_i(session, jenis):
    record = record_in_proses(session, **jenis)
    problem = record_flows.refusal(session, user(session, "operator"), record, "update_ii")
    assert problem == ("Update II (putusan sidang) baru dapat diajukan setelah Update I "
                       "(nomor DP3D/BP3KEPP) disetujui.")
    approve(session, submit_update(session, "update_i", record, UPDATE_I))
    session.refresh(record)
    assert record_flows.refusal(session, user(session, "operator"), record, "update_ii") is None


def test_a_pidana_record_goes_to_update_ii_without_a_dp3d(session):
    record = record_in_proses(session, **PIDANA_FIELDS)
    assert offered(session, record) == ["update_i", "update_ii", "pemutakhiran"]


@pytest.mark.parametrize(("proses", "jenis", "tahap", "status", "boleh"), [
    ("update_i", "DISIPLIN", "PENCATATAN", "DIBATALKAN", False),
    ("pemutakhiran", "PIDANA", "PENCATATAN", "DIBATALKAN", False),
    ("update_ii", "DISIPLIN", "PENCATATAN", "PROSES", False),
    ("update_ii", "KEPP", "PENCATATAN", "PROSES", False),
    ("update_ii", "PIDANA", "PENCATATAN", "PROSES", True),
    ("update_ii", "DISIPLIN", "UPDATE_I", "PROSES", True),
    ("update_i", "DISIPLIN", "PENCATATAN", "PROSES", True),
    ("pemutakhiran", "KEPP", "PENCATATAN", "PROSES", True),
    ("update_iii", "KEPP", "UPDATE_II", "PENGAWASAN", True),
])
def test_the_stage_order_table_row_by_row(proses, jenis, tahap, status, boleh):
    record = Record(jenis_pelanggaran=jenis, tahap=tahap, status=status)
    assert (stage_refusal(record, proses) is None) == boleh


def test_a_broken_stage_order_table_refuses_every_start():
    record = Record(jenis_pelanggaran="DISIPLIN", tahap="UPDATE_I", status="PROSES")
    assert stage_refusal(record, "update_ii", table=b"<definitions/>") == BROKEN
