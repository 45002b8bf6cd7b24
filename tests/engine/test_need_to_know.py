"""Need-to-know: who reads a person's catpers, on which ground, and the log of every read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from engine.models import utcnow
from processes.access.grounds import record_ground
from processes.access.models import AccessGrant
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.reading import reads as reading
from tests.support.actors import user
from tests.support.audit import reads
from tests.support.flows import decide, record_in_proses, request_akses_khusus, submit_update


def ground(session, username, record):
    return record_ground(session, user(session, username), record)


def test_each_role_reads_on_its_own_ground_or_not_at_all(session):
    record = record_in_proses(session, username="op.kapuas")
    assert ground(session, "kabid", record) == "SEMUA_CATPERS"
    assert ground(session, "kapolda", record) == "SEMUA_CATPERS"
    assert ground(session, "op.kapuas", record) == "PENGAJU"
    for username in ("operator", "op.barsel", "kaurlitpers", "kasubbid", "admin"):
        assert ground(session, username, record) is None, username


def test_approvers_read_only_while_a_task_about_the_person_waits_for_them(session):
    record = record_in_proses(session)
    instance_id = submit_update(session, "update_i", record,
                                {"nomor_berkas": "DP3D/1/XI/2026", "limpah": "POLDA"})
    assert ground(session, "kaurlitpers", record) == "MENANGANI_TUGAS"
    assert ground(session, "kasubbid", record) is None
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    assert ground(session, "kaurlitpers", record) is None
    assert ground(session, "kasubbid", record) == "MENANGANI_TUGAS"


def test_akses_khusus_grants_one_person_for_a_limited_time(session, session_factory):
    record = record_in_proses(session, username="op.kapuas")
    other = record_in_proses(session, username="op.kapuas", nomor_identitas="90030456")
    assert ground(session, "op.barsel", record) is None
    request_akses_khusus(session, "op.barsel", "85051234")
    assert ground(session, "op.barsel", record) == "AKSES_KHUSUS"
    assert ground(session, "op.barsel", other) is None  # that one person only
    view = reading.read_person(UnitOfWork(session_factory), user(session, "op.barsel"), "85051234")
    assert view.ground == "AKSES_KHUSUS" and len(view.records) == 1
    session.execute(update(AccessGrant).values(expires_at=utcnow() - timedelta(minutes=1)))
    session.commit()
    assert ground(session, "op.barsel", record) is None
    with pytest.raises(Forbidden):
        reading.read_person(UnitOfWork(session_factory), user(session, "op.barsel"), "85051234")


def test_a_refused_akses_khusus_grants_nothing(session):
    record = record_in_proses(session, username="op.kapuas")
    request_akses_khusus(session, "op.barsel", "85051234", keputusan="TOLAK")
    assert session.scalar(select(AccessGrant)) is None
    assert ground(session, "op.barsel", record) is None


def test_every_read_is_logged_with_its_ground_and_refusals_are_not_reads(session, session_factory):
    record = record_in_proses(session, username="op.kapuas")
    reading.read_record(UnitOfWork(session_factory), user(session, "kapolda"), record.id)
    reading.read_record(UnitOfWork(session_factory), user(session, "op.kapuas"), record.id)
    reading.read_record_document(UnitOfWork(session_factory), user(session, "kabid"), record.id,
                                 "PENCATATAN")
    with pytest.raises(Forbidden):
        reading.read_record(UnitOfWork(session_factory), user(session, "op.barsel"), record.id)
    assert reads(session) == [
        ("CATATAN", "SEMUA_CATPERS", "85051234"),
        ("CATATAN", "PENGAJU", "85051234"),
        ("DOKUMEN", "SEMUA_CATPERS", "85051234"),
    ]
