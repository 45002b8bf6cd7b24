"""Moving a running instance to a new version of its diagram: safe when nothing it has done
or is doing changed, refused with the reason otherwise; a stopped instance is moved to the
fixed diagram and its retry then goes through."""

from __future__ import annotations

from sqlalchemy import select

import engine
from engine.instance_migration import move_instance
from engine.models import Instance, OpenTask, ProcessVersion
from tests.support import diagrams
from tests.support.diagrams import OPERATOR

ADMIN = engine.Actor(99, "Admin Uji", frozenset(), "/")
RUNTIME = engine.Runtime(engine.ServiceRegistry(), lambda _s, _n, _f, data, _c: (data, {}))


def current_id(session, pid: str) -> int:
    return session.scalar(select(ProcessVersion.id).where(
        ProcessVersion.process_id == pid, ProcessVersion.is_current.is_(True)))


def started(session, pid: str, script: str) -> engine.TaskInfo:
    diagrams.deploy(session, diagrams.with_script(pid, script))
    first = RUNTIME.start(session, OPERATOR, pid, "/", {"nilai": 1})
    session.commit()
    return first


def test_a_stopped_instance_moved_to_the_fixed_diagram_goes_on_when_retried(session):
    first = started(session, "uji_m_perbaiki", "hasil = 1/0")
    try:
        RUNTIME.complete_task(session, OPERATOR, first.id, {})
    except engine.ProcessStopped as stop:
        incident = stop.incident
    session.commit()
    diagrams.deploy(session, diagrams.with_script("uji_m_perbaiki", "hasil = nilai + 1"))
    fixed = current_id(session, "uji_m_perbaiki")
    assert move_instance(session, first.instance_id, fixed).moved
    session.commit()
    assert session.get(Instance, first.instance_id).version_id == fixed
    RUNTIME.retry_incident(session, ADMIN, incident.id)
    session.commit()
    assert [t.title for t in engine.instance_tasks(session, first.instance_id)] == ["Periksa hasil"]
    assert engine.instance_data(session, first.instance_id)["hasil"] == 2
    assert list(engine.check_instances(session)) == []


def test_an_instance_whose_completed_step_changed_is_refused_and_left_as_it_was(session):
    first = started(session, "uji_m_tolak", "hasil = 1")
    RUNTIME.complete_task(session, OPERATOR, first.id, {})
    session.commit()
    before = session.get(Instance, first.instance_id)
    old_version, old_state = before.version_id, before.state_json
    diagrams.deploy(session, diagrams.with_script("uji_m_tolak", "hasil = 2"))
    outcome = move_instance(session, first.instance_id, current_id(session, "uji_m_tolak"))
    session.commit()
    assert not outcome.moved
    assert outcome.reason == ("Tidak aman dipindahkan: langkah \u201cHitung nilai\u201d yang sudah "
                              "selesai diubah.")
    session.expire_all()
    after = session.get(Instance, first.instance_id)
    assert (after.version_id, after.state_json) == (old_version, old_state)


def test_an_open_task_that_stays_keeps_its_row_and_its_waiting_time(session):
    first = started(session, "uji_m_tetap", "hasil = 1")
    row = session.get(OpenTask, first.id)
    created = row.created_at
    diagrams.deploy(session, diagrams.with_script("uji_m_tetap", "hasil = 3"))
    assert move_instance(session, first.instance_id, current_id(session, "uji_m_tetap")).moved
    session.commit()
    session.expire_all()
    [kept] = session.scalars(select(OpenTask).where(OpenTask.instance_id == first.instance_id))
    assert (kept.id, kept.created_at) == (first.id, created)
    RUNTIME.complete_task(session, OPERATOR, first.id, {})
    session.commit()
    assert engine.instance_data(session, first.instance_id)["hasil"] == 3
    assert list(engine.check_instances(session)) == []


def test_a_version_of_another_process_or_the_same_version_is_refused(session):
    first = started(session, "uji_m_lain", "hasil = 1")
    diagrams.deploy(session, diagrams.with_script("uji_m_lain2", "hasil = 1"))
    other = move_instance(session, first.instance_id, current_id(session, "uji_m_lain2"))
    same = move_instance(session, first.instance_id, current_id(session, "uji_m_lain"))
    assert (other.reason, same.reason) == ("Versi tujuan bukan versi proses ini.",
                                           "Proses ini sudah memakai versi tersebut.")
