"""A diagram step that fails at run time stops its instance with an incident, never a crash.

The failing step's writes are rolled back; the user's own step is kept; the incident says
what failed, where and when; an administrator retries it once the cause is fixed, and the
step then runs again as the user whose step it was.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

import engine
from engine.models import Instance
from processes.records.models import StoredFile
from tests.support import diagrams
from tests.support.diagrams import OPERATOR

ADMIN = engine.Actor(99, "Admin Uji", frozenset(), "/")

SERVICES = engine.ServiceRegistry()
BROKEN = {"golongan": True}
SEEN: list[engine.Actor] = []


@SERVICES.register("uji.tulis")
def tulis(ctx: engine.ServiceContext) -> dict:
    """Writes a row, so a test can see it rolled back."""
    ctx.session.add(StoredFile(sha256="a" * 64, size=1, original_name="uji.pdf",
                               uploaded_by=ctx.actor.id, content=b"%PDF-"))
    ctx.session.flush()
    return {}


@SERVICES.register("uji.golongan")
def golongan(ctx: engine.ServiceContext) -> dict:
    """Fails like a service reading a setting nobody filled in yet, until it is 'fixed'."""
    SEEN.append(ctx.actor)
    if BROKEN["golongan"]:
        return {"golongan": {}["golongan"]}
    return {"golongan": "II"}


def _accept(_session, _name, _form, data, _context):
    return data, {}


RUNTIME = engine.Runtime(SERVICES, _accept)


@pytest.fixture(autouse=True)
def broken_service():
    BROKEN["golongan"] = True
    SEEN.clear()


def started(session, bpmn: bytes, dmn: dict | None = None) -> engine.TaskInfo:
    diagrams.deploy(session, bpmn, dmn)
    pid = bpmn.split(b'process id="', 1)[1].split(b'"', 1)[0].decode()
    first = RUNTIME.start(session, OPERATOR, pid, "/", {"nilai": 1})
    session.commit()
    return first


def stopped_by(session, first: engine.TaskInfo) -> engine.ProcessStopped:
    with pytest.raises(engine.ProcessStopped) as stop:
        RUNTIME.complete_task(session, OPERATOR, first.id, {})
    session.commit()  # the caller keeps the user's step and the incident
    return stop.value


FAILURES = {
    "skrip": (diagrams.with_script("uji_i_skrip", "hasil = 1/0"), None,
              "Hitung nilai", "pembagian dengan nol"),
    "skrip ditolak": (diagrams.with_script("uji_i_tolak", "hasil = ().__class__"), None,
                      "Hitung nilai", "kode ditolak"),
    "kondisi": (diagrams.with_condition("uji_i_kondisi", "tidak_ada == 1"), None,
                "Lanjut?", "nama yang dipakai tidak dikenal"),
    "sel keputusan": (*diagrams.with_decision("uji_i_dmn", "? == 1/0"),
                      "Tentukan hasil", "pembagian dengan nol"),
    "layanan tak dikenal": (diagrams.with_service("uji_i_layanan", "uji.tidak_ada"), None,
                            "Periksa golongan", "Layanan 'uji.tidak_ada' tidak dikenal"),
    "layanan gagal": (diagrams.with_service("uji_i_gagal", "uji.golongan"), None,
                      "Periksa golongan", "Layanan 'uji.golongan' gagal (KeyError"),
}


@pytest.mark.parametrize("case", list(FAILURES))
def test_a_failing_step_stops_the_instance_with_an_incident(session, case):
    bpmn, dmn, element, words = FAILURES[case]
    first = started(session, bpmn, dmn)
    stop = stopped_by(session, first)
    assert str(stop) == (
        f"Proses berhenti karena kesalahan pada diagram (langkah \u201c{element}\u201d); "
        "pemilik proses telah diberi tahu."
    )
    [incident] = engine.incident_list(session)
    assert incident == stop.incident
    assert (incident.instance_id, incident.element_name, incident.status) == (
        first.instance_id, element, "open"
    )
    assert words in incident.error
    assert (incident.actor_id, incident.actor_name) == (OPERATOR.id, OPERATOR.name)
    assert engine.utcnow() - incident.occurred_at < timedelta(minutes=1)
    assert engine.instance_info(session, first.instance_id).status == "stopped"
    assert [e.title for e in engine.timeline(session, first.instance_id)] == ["Isi data"]
    assert engine.instance_tasks(session, first.instance_id) == []


def test_the_failing_steps_writes_are_rolled_back_and_the_users_step_is_kept(session):
    first = started(session, diagrams.with_service_then_script("uji_i_tulis", "uji.tulis", "x = 1/0"))
    stop = stopped_by(session, first)
    assert stop.incident.element_id == "Langkah"
    assert session.scalar(select(func.count()).select_from(StoredFile)) == 0
    assert [e.title for e in engine.timeline(session, first.instance_id)] == ["Isi data"]


def test_retry_after_a_fix_runs_the_failed_step_as_the_user_whose_step_it_was(session):
    first = started(session, diagrams.with_service("uji_i_ulang", "uji.golongan"))
    incident = stopped_by(session, first).incident
    BROKEN["golongan"] = False  # the cause is fixed
    resolved = RUNTIME.retry_incident(session, ADMIN, incident.id)
    session.commit()
    assert (resolved.status, resolved.resolved_by_name) == ("resolved", ADMIN.name)
    assert SEEN[-1] == OPERATOR
    assert engine.instance_info(session, first.instance_id).status == "running"
    assert [t.title for t in engine.instance_tasks(session, first.instance_id)] == ["Periksa hasil"]
    assert engine.incident_list(session) == []


def test_a_retry_that_fails_again_records_a_new_incident(session):
    first = started(session, diagrams.with_service("uji_i_lagi", "uji.golongan"))
    incident = stopped_by(session, first).incident
    with pytest.raises(engine.ProcessStopped) as again:
        RUNTIME.retry_incident(session, ADMIN, incident.id)
    session.commit()
    [still_open] = engine.incident_list(session)
    assert still_open == again.value.incident and still_open.id != incident.id
    old = engine.incident_info(session, incident.id)
    assert (old.status, old.resolved_by_name) == ("retried", ADMIN.name)
    assert engine.instance_info(session, first.instance_id).status == "stopped"


def test_an_incident_is_retried_once(session):
    first = started(session, diagrams.with_service("uji_i_sekali", "uji.golongan"))
    incident = stopped_by(session, first).incident
    BROKEN["golongan"] = False
    RUNTIME.retry_incident(session, ADMIN, incident.id)
    session.commit()
    with pytest.raises(engine.NotAllowed, match="sudah ditangani"):
        RUNTIME.retry_incident(session, ADMIN, incident.id)


def test_a_failure_before_the_first_task_stops_the_new_instance(session):
    diagrams.deploy(session, diagrams.service_first("uji_i_awal", "uji.golongan"))
    with pytest.raises(engine.ProcessStopped) as stop:
        RUNTIME.start(session, OPERATOR, "uji_i_awal", "/")
    session.commit()
    instance_id = stop.value.incident.instance_id
    assert session.get(Instance, instance_id).status == "stopped"
    BROKEN["golongan"] = False
    RUNTIME.retry_incident(session, ADMIN, stop.value.incident.id)
    session.commit()
    assert [t.title for t in engine.instance_tasks(session, instance_id)] == ["Isi data"]
