"""Need-to-know: who reads a person's catpers, on which ground, and the log of every read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select, update

import engine
from engine.models import utcnow
from processes.access import policy
from processes.access.grounds import instance_ground, person_ground, record_ground, viewer_of
from processes.access.models import AccessGrant
from processes.accounts.roles import SUPERVISOR
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.reading import reads as reading
from processes.reading.search import RecordFilter, search
from tests.support.actors import extra_user, user
from tests.support.audit import reads
from tests.support.flows import (
    decide,
    record_in_proses,
    request_akses_khusus,
    submit_update,
    submitted_record,
)

POLDA_OFFICES = ("kabid", "kapolda", "kasubbid", "kaurlitpers")


def ground(session, username, record):
    return record_ground(session, user(session, username), record)


def test_each_role_reads_on_its_own_ground_or_not_at_all(session):
    record = record_in_proses(session, username="op.kapuas")
    for username in POLDA_OFFICES:
        assert ground(session, username, record) == "SEMUA_CATPERS", username
    assert ground(session, "op.kapuas", record) == "PENGAJU"
    for username in ("operator", "op.barsel", "admin"):
        assert ground(session, username, record) is None, username


def test_only_the_table_s_offices_and_akses_khusus_read_the_whole_person(session):
    record_in_proses(session, username="op.kapuas")
    for username in POLDA_OFFICES:
        assert person_ground(session, user(session, username), "85051234") == "SEMUA_CATPERS"
    for username in ("op.kapuas", "operator", "admin"):  # the submitter reads their record only
        assert person_ground(session, user(session, username), "85051234") is None, username


def test_a_task_is_a_ground_for_its_own_process_only(session):
    polres = extra_user(session, "tmp-kaurlit.kapuas", SUPERVISOR, "POLRES-KAPUAS")
    record = record_in_proses(session, username="op.kapuas")
    instance_id = submit_update(session, "update_i", record,
                                {"nomor_berkas": "DP3D/1/XI/2026", "limpah": "POLDA"},
                                username="op.kapuas")
    info = engine.instance_info(session, instance_id)
    assert instance_ground(session, polres, info) == "MENANGANI_TUGAS"
    assert record_ground(session, polres, record) is None  # not the record, not its documents
    assert person_ground(session, polres, "85051234") is None
    decide(session, "tmp-kaurlit.kapuas", instance_id, "SETUJU")
    assert instance_ground(session, polres, info) is None  # done is done
    assert instance_ground(session, user(session, "op.kapuas"), info) == "PENGAJU"
    assert instance_ground(session, user(session, "kaurlitpers"), info) == "SEMUA_CATPERS"


def test_akses_khusus_grants_one_person_for_a_limited_time(session, session_factory):
    record = record_in_proses(session, username="op.kapuas")
    other = record_in_proses(session, username="op.kapuas", nomor_identitas="90030456")
    assert ground(session, "op.barsel", record) is None
    request_akses_khusus(session, "op.barsel", "85051234")
    assert ground(session, "op.barsel", record) == "AKSES_KHUSUS"
    assert ground(session, "op.barsel", other) is None  # that one person only
    token = record.person.token
    view = reading.read_person(UnitOfWork(session_factory), user(session, "op.barsel"), token)
    assert view.ground == "AKSES_KHUSUS" and len(view.records) == 1
    session.execute(update(AccessGrant).values(expires_at=utcnow() - timedelta(minutes=1)))
    session.commit()
    assert ground(session, "op.barsel", record) is None
    with pytest.raises(Forbidden):
        reading.read_person(UnitOfWork(session_factory), user(session, "op.barsel"), token)


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
    with pytest.raises(Forbidden):
        reading.read_person(UnitOfWork(session_factory), user(session, "op.kapuas"), record.person.token)
    assert reads(session) == [
        ("CATATAN", "SEMUA_CATPERS", "85051234"),
        ("CATATAN", "PENGAJU", "85051234"),
        ("DOKUMEN", "SEMUA_CATPERS", "85051234"),
    ]


def test_the_list_asks_the_table_once_and_the_database_three_times(session, session_factory, monkeypatch):
    for i in range(5):
        submitted_record(session, username="op.kapuas", nomor_identitas=f"8505120{i}")
    kaurlitpers = user(session, "kaurlitpers")
    asked = []
    monkeypatch.setattr(policy, "lingkup_of", lambda *a: asked.append(a) or policy.SEMUA_POLDA)
    statements = []

    def count(*_args):
        statements.append(1)

    bind = session_factory.kw["bind"]
    event.listen(bind, "before_cursor_execute", count)
    try:
        page = search(session, viewer_of(kaurlitpers), RecordFilter())
    finally:
        event.remove(bind, "before_cursor_execute", count)
    assert page.total == 5 and set(page.grounds) == {"SEMUA_CATPERS"}
    assert len(asked) == 1  # the table, once for the request
    # The viewer's akses khusus (read once), the capped count and the page: the grounds are
    # one SQL condition with no subquery.
    assert len(statements) == 3
