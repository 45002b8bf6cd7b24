"""Deployed versions as plain values: what may be started, and the version an instance runs."""

from __future__ import annotations

import dataclasses

import engine
from processes.work.runtime import RUNTIME

OPERATOR = engine.Actor(1, "Operator", frozenset({"Operator"}), "/")
OTHER = engine.Actor(2, "Lain", frozenset({"Operator"}), "/lain/")


def one_task(name: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="uji">
  <bpmn:process id="uji_versi" name="{name}" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="Lane_Op" name="Operator">
      <bpmn:flowNodeRef>Mulai</bpmn:flowNodeRef><bpmn:flowNodeRef>Isi</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>Selesai</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Isi" name="Isi"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Mulai" targetRef="Isi"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Isi" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>""".encode()


def test_versions_are_values_without_their_bundles(session):
    current = {v.process_id: v for v in engine.current_versions(session)}
    pencatatan = current["pencatatan"]
    assert pencatatan == engine.current_version(session, "pencatatan")
    assert (pencatatan.start_lane, pencatatan.start_form) == ("Operator", "pencatatan-data.json")
    assert [f.name for f in dataclasses.fields(pencatatan)] == [
        "id", "process_id", "name", "start_lane", "start_form",
    ]
    names = [v.name for v in current.values()]
    assert names == sorted(names)
    form = engine.form_of(session, pencatatan, pencatatan.start_form)
    assert "nomor_identitas" in form["schema"]["properties"]
    assert engine.form_of(session, pencatatan, None)["schema"]["properties"] == {}


def test_an_instance_keeps_the_version_it_started_on(session):
    engine.deploy_bpmn(session, one_task("Uji versi 1"), "uji_versi.bpmn", {}, {})
    first = RUNTIME.start(session, OPERATOR, "uji_versi", "/")
    engine.deploy_bpmn(session, one_task("Uji versi 2"), "uji_versi.bpmn", {}, {})
    assert engine.current_version(session, "uji_versi").name == "Uji versi 2"
    assert engine.instance_version(session, first.instance_id).name == "Uji versi 1"
    assert 'name="Uji versi 1"' in engine.diagram_xml(session, first.instance_id)
    assert engine.count_instances(session, "running") == 1
    RUNTIME.complete_task(session, OPERATOR, first.id, {})
    assert engine.count_instances(session, "running") == 0
    assert engine.count_instances(session, "complete") == engine.count_instances(session) == 1


def test_who_may_take_a_task_of_an_instance_now(session):
    engine.deploy_bpmn(session, one_task("Uji versi 1"), "uji_versi.bpmn", {}, {})
    first = RUNTIME.start(session, OPERATOR, "uji_versi", "/")
    assert engine.can_take_any(session, OPERATOR, first.instance_id)
    assert not engine.can_take_any(session, OTHER, first.instance_id)
    RUNTIME.complete_task(session, OPERATOR, first.id, {})
    assert not engine.can_take_any(session, OPERATOR, first.instance_id)  # done is done
