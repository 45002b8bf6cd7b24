"""Stored state in an older SpiffWorkflow format is migrated on load; unknown formats are refused.

The diagram waits on an event-based gateway between two timers. SpiffWorkflow's format
1.5 moved the gateway's events off its children; a state and bundle written in 1.4 (or
1.3) still have them there, and must be migrated to run on.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from SpiffWorkflow.bpmn.serializer.migration.version_migration import MIGRATIONS
from SpiffWorkflow.bpmn.specs.event_definitions import timer as spiff_timer

import engine
from engine.migration import CURRENT, STEPS
from engine.models import Instance, ProcessVersion
from engine.serialization import bundle_version, new_workflow
from processes.work.runtime import RUNTIME

GATEWAY = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_Gerbang" targetNamespace="uji">
  <bpmn:process id="uji_gerbang" name="Uji gerbang" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="Lane_Op" name="Operator">
      <bpmn:flowNodeRef>Mulai</bpmn:flowNodeRef><bpmn:flowNodeRef>Isi</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Gerbang</bpmn:flowNodeRef><bpmn:flowNodeRef>Sejam</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Tigahari</bpmn:flowNodeRef><bpmn:flowNodeRef>Cepat</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Lambat</bpmn:flowNodeRef><bpmn:flowNodeRef>Selesai</bpmn:flowNodeRef>
      </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Isi" name="Isi"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:eventBasedGateway id="Gerbang"><bpmn:incoming>f2</bpmn:incoming>
      <bpmn:outgoing>f3</bpmn:outgoing><bpmn:outgoing>f4</bpmn:outgoing></bpmn:eventBasedGateway>
    <bpmn:intermediateCatchEvent id="Sejam"><bpmn:incoming>f3</bpmn:incoming>
      <bpmn:outgoing>f5</bpmn:outgoing><bpmn:timerEventDefinition>
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"PT1H"</bpmn:timeDuration>
      </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:intermediateCatchEvent id="Tigahari"><bpmn:incoming>f4</bpmn:incoming>
      <bpmn:outgoing>f6</bpmn:outgoing><bpmn:timerEventDefinition>
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">"PT72H"</bpmn:timeDuration>
      </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="Cepat" name="Cepat"><bpmn:incoming>f5</bpmn:incoming>
      <bpmn:outgoing>f7</bpmn:outgoing></bpmn:userTask>
    <bpmn:userTask id="Lambat" name="Lambat"><bpmn:incoming>f6</bpmn:incoming>
      <bpmn:outgoing>f8</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>f7</bpmn:incoming><bpmn:incoming>f8</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Mulai" targetRef="Isi"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Isi" targetRef="Gerbang"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Gerbang" targetRef="Sejam"/>
    <bpmn:sequenceFlow id="f4" sourceRef="Gerbang" targetRef="Tigahari"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Sejam" targetRef="Cepat"/>
    <bpmn:sequenceFlow id="f6" sourceRef="Tigahari" targetRef="Lambat"/>
    <bpmn:sequenceFlow id="f7" sourceRef="Cepat" targetRef="Selesai"/>
    <bpmn:sequenceFlow id="f8" sourceRef="Lambat" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>"""

OPERATOR = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
SYSTEM = engine.Actor(0, "Sistem", frozenset(), "/")


class _TwoHoursLater(datetime):
    """datetime whose now() is 2 hours ahead: the one-hour timer is due, the other is not."""

    @classmethod
    def now(cls, tz=None):
        return datetime.now(tz) + timedelta(hours=2)


@pytest.fixture
def waiting(session) -> int:
    """An instance waiting at the gateway, on the diagram deployed in the current format."""
    engine.deploy_bpmn(session, GATEWAY, "uji_gerbang.bpmn", {}, {})
    first = RUNTIME.start(session, OPERATOR, "uji_gerbang", "/")
    RUNTIME.complete_task(session, OPERATOR, first.id, {})
    session.commit()
    return first.instance_id


def written_by_older_spiff(session, instance_id: int, label: str) -> None:
    """Label the instance and its bundle `label`, with the gateway's children holding their
    own timers again, as SpiffWorkflow wrote them before format 1.5."""
    instance = session.get(Instance, instance_id)
    version = session.get(ProcessVersion, instance.version_id)
    bundle = json.loads(version.spec_json)
    specs = bundle["spec"]["task_specs"]
    timers = {d["name"]: d for d in specs["Gerbang"]["event_definition"]["event_definitions"]}
    for child in specs["Gerbang"]["outputs"]:
        specs[child]["event_definition"] = timers[child]
    bundle["serializer_version"] = label
    version.spec_json = json.dumps(bundle)
    instance.serializer_version = label
    session.commit()


def open_task_names(session, instance_id: int) -> list[str]:
    return [t.task_name for t in engine.instance_tasks(session, instance_id)]


def fire(session, monkeypatch, instance_id: int) -> None:
    monkeypatch.setattr(spiff_timer, "datetime", _TwoHoursLater)
    RUNTIME.fire_timers(session, SYSTEM, instance_id)
    session.commit()


@pytest.mark.parametrize("label", ["1.3", "1.4"])
def test_a_state_from_an_older_spiffworkflow_is_migrated_and_runs_on(session, waiting, monkeypatch, label):
    written_by_older_spiff(session, waiting, label)
    fire(session, monkeypatch, waiting)
    assert open_task_names(session, waiting) == ["Cepat"]
    instance = session.get(Instance, waiting)
    assert instance.serializer_version == CURRENT
    # The migrated spec stays with the state; the shared bundle is left as it was.
    assert "spec" in json.loads(instance.state_json)
    assert json.loads(session.get(ProcessVersion, instance.version_id).spec_json)[
        "serializer_version"
    ] == label
    (task,) = engine.instance_tasks(session, waiting)
    RUNTIME.complete_task(session, OPERATOR, task.id, {})
    session.commit()
    assert engine.instance_info(session, waiting).status == "complete"


def test_redeploying_rewrites_an_old_bundle_and_its_instances_keep_their_spec(session, waiting, monkeypatch):
    written_by_older_spiff(session, waiting, "1.4")
    (deployed,) = engine.deploy_bpmn(session, GATEWAY, "uji_gerbang.bpmn", {}, {})
    session.commit()
    assert not deployed.created
    assert bundle_version(session.get(ProcessVersion, deployed.version_id).spec_json) == CURRENT
    old = session.get(Instance, waiting)
    assert old.serializer_version == "1.4" and "spec" in json.loads(old.state_json)
    fresh = RUNTIME.start(session, OPERATOR, "uji_gerbang", "/")
    assert "spec" not in json.loads(session.get(Instance, fresh.instance_id).state_json)
    fire(session, monkeypatch, waiting)
    assert open_task_names(session, waiting) == ["Cepat"]


def test_rows_labelled_before_formats_were_recorded_are_read_as_1_5(session, waiting, monkeypatch):
    instance = session.get(Instance, waiting)
    version = session.get(ProcessVersion, instance.version_id)
    bundle = json.loads(version.spec_json)
    del bundle["serializer_version"]
    version.spec_json, instance.serializer_version = json.dumps(bundle), "spiff-3.2.0/1"
    session.commit()
    fire(session, monkeypatch, waiting)
    assert open_task_names(session, waiting) == ["Cepat"]
    assert session.get(Instance, waiting).serializer_version == CURRENT == "1.5"
    assert "spec" not in json.loads(session.get(Instance, waiting).state_json)


@pytest.mark.parametrize("label", ["9.9", "1.6", "spiff-4.0.0/1"])
def test_an_unknown_or_newer_format_is_refused_and_nothing_is_changed(session, waiting, label):
    instance = session.get(Instance, waiting)
    instance.serializer_version = label
    session.commit()
    state = instance.state_json
    with pytest.raises(engine.SerializerVersionError, match="tidak dikenal"):
        RUNTIME.fire_timers(session, SYSTEM, waiting)
    with pytest.raises(engine.SerializerVersionError):
        engine.instance_data(session, waiting)
    session.rollback()
    assert session.get(Instance, waiting).state_json == state


def test_a_bundle_in_an_unknown_format_is_refused():
    bundle = json.dumps({"serializer_version": "9.9", "spec": {}, "subprocess_specs": {}})
    with pytest.raises(engine.SerializerVersionError, match="tidak dikenal"):
        new_workflow(bundle)


def test_every_migration_spiffworkflow_ships_leads_to_the_current_format():
    # A SpiffWorkflow upgrade that adds a format must be added to STEPS, not skipped.
    assert set(STEPS) == set(MIGRATIONS)
    for version in STEPS:
        seen = [version]
        while seen[-1] != CURRENT:
            seen.append(STEPS[seen[-1]])
            assert len(seen) <= len(STEPS) + 1, seen
