"""Timers: an instance waiting on a timer is found by its due time and woken to run on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

import engine
from engine.models import Instance
from processes.work.runtime import RUNTIME

WAIT_THEN_WORK = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_Timer" targetNamespace="uji">
  <bpmn:process id="uji_timer" name="Uji timer" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="Lane_Op" name="Operator">
      <bpmn:flowNodeRef>StartEvent_1</bpmn:flowNodeRef><bpmn:flowNodeRef>Isi</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Tunggu</bpmn:flowNodeRef><bpmn:flowNodeRef>Ingat</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>EndEvent_1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Isi" name="Isi">
      <bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:intermediateCatchEvent id="Tunggu" name="Tunggu 72 jam">
      <bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing>
      <bpmn:timerEventDefinition>
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"PT72H"</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Ingat" name="Tindak lanjut setelah 72 jam">
      <bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="StartEvent_1" targetRef="Isi"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Isi" targetRef="Tunggu"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Tunggu" targetRef="Ingat"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Ingat" targetRef="EndEvent_1"/>
  </bpmn:process>
</bpmn:definitions>"""

SYSTEM = engine.Actor(0, "Sistem", frozenset(), "/")


class _Later(datetime):
    """datetime whose now() is 73 hours ahead, as SpiffWorkflow's timers see it."""

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + timedelta(hours=73)


@pytest.fixture
def timer_process(session):
    engine.deploy_bpmn(session, WAIT_THEN_WORK, "uji_timer.bpmn", {}, {})
    session.commit()


def test_a_waiting_timer_is_found_when_due_and_the_flow_runs_on(session, timer_process, monkeypatch):
    operator = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
    first = RUNTIME.start(session, operator, "uji_timer", "/")
    RUNTIME.complete_task(session, operator, first.id, {})
    session.commit()
    instance = session.get(Instance, first.instance_id)
    due = instance.next_timer_at.replace(tzinfo=instance.next_timer_at.tzinfo or UTC)
    assert timedelta(hours=71) < due - datetime.now(UTC) <= timedelta(hours=72)
    assert engine.instance_tasks(session, first.instance_id) == []
    assert engine.due_instances(session, datetime.now(UTC)) == []

    later = datetime.now(UTC) + timedelta(hours=73)
    assert engine.due_instances(session, later) == [first.instance_id]
    monkeypatch.setattr(spiff_timer, "datetime", _Later)
    RUNTIME.fire_timers(session, SYSTEM, first.instance_id)
    session.commit()
    assert [t.task_name for t in engine.instance_tasks(session, first.instance_id)] == ["Ingat"]
    assert session.get(Instance, first.instance_id).next_timer_at is None
    assert engine.due_instances(session, later) == []


def test_a_timer_not_yet_due_does_not_fire(session, timer_process):
    operator = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
    first = RUNTIME.start(session, operator, "uji_timer", "/")
    RUNTIME.complete_task(session, operator, first.id, {})
    RUNTIME.fire_timers(session, SYSTEM, first.instance_id)
    assert engine.instance_tasks(session, first.instance_id) == []


def test_the_timer_job_wakes_due_instances_as_the_system_user(session, session_factory, timer_process, monkeypatch):
    from processes.db.uow import UnitOfWork
    from processes.work.timers import fire_due_timers

    operator = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
    first = RUNTIME.start(session, operator, "uji_timer", "/")
    RUNTIME.complete_task(session, operator, first.id, {})
    session.commit()
    assert fire_due_timers(lambda: UnitOfWork(session_factory)) == 0
    monkeypatch.setattr(spiff_timer, "datetime", _Later)
    later = datetime.now(UTC) + timedelta(hours=73)
    assert fire_due_timers(lambda: UnitOfWork(session_factory), later) == 1
    session.expire_all()
    assert [t.task_name for t in engine.instance_tasks(session, first.instance_id)] == ["Ingat"]


#: The same wait, then a script that fails: a woken instance can stop with an incident too.
WAIT_THEN_FAIL = (
    WAIT_THEN_WORK.replace(b'id="uji_timer" name="Uji timer"', b'id="uji_timer_gagal" name="Uji timer gagal"')
    .replace(b'<bpmn:userTask id="Ingat" name="Tindak lanjut setelah 72 jam">',
             b'<bpmn:scriptTask id="Ingat" name="Tindak lanjut setelah 72 jam">')
    .replace(b'<bpmn:outgoing>f4</bpmn:outgoing></bpmn:userTask>',
             b'<bpmn:outgoing>f4</bpmn:outgoing><bpmn:script>x = 1/0</bpmn:script></bpmn:scriptTask>')
)


def test_a_woken_instance_whose_next_step_fails_stops_with_an_incident(
    session, session_factory, monkeypatch
):
    from processes.db.uow import UnitOfWork
    from processes.work.timers import fire_due_timers

    engine.deploy_bpmn(session, WAIT_THEN_FAIL, "uji_timer_gagal.bpmn", {}, {})
    operator = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
    first = RUNTIME.start(session, operator, "uji_timer_gagal", "/")
    RUNTIME.complete_task(session, operator, first.id, {})
    session.commit()
    monkeypatch.setattr(spiff_timer, "datetime", _Later)
    later = datetime.now(UTC) + timedelta(hours=73)
    assert fire_due_timers(lambda: UnitOfWork(session_factory), later) == 0
    [incident] = engine.incident_list(session)
    assert (incident.instance_id, incident.element_id) == (first.instance_id, "Ingat")
    assert "pembagian dengan nol" in incident.error
    assert engine.due_instances(session, later) == []  # stopped: not woken again and again
