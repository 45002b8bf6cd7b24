"""A decision table of `bpmn-models/` run through SpiffWorkflow as a diagram runs it: parsed
(schema-validated) with a tiny diagram holding one business rule task that calls it, in
the restricted script environment the application uses for DMN cells."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser

from engine.sandbox import RestrictedEnvironment

BPMN_MODELS = Path(__file__).resolve().parents[2] / "bpmn-models"

_BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
    id="Definitions_Uji" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="uji_tabel" isExecutable="true">
    <bpmn:startEvent id="StartEvent"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="Task_Tabel" name="Tabel keputusan">
      <bpmn:extensionElements>
        <spiffworkflow:calledDecisionId>{decision}</spiffworkflow:calledDecisionId>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:businessRuleTask>
    <bpmn:endEvent id="EndEvent"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Task_Tabel" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Tabel" targetRef="EndEvent" />
  </bpmn:process>
</bpmn:definitions>
"""


def table_runner(dmn_file: str, decision: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """run(data) → the workflow's data after the table `decision` of `dmn_file` decided."""
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_dmn_file(str(BPMN_MODELS / dmn_file))
    parser.add_bpmn_xml(etree.fromstring(_BPMN.format(decision=decision).encode()),
                        filename="uji_tabel.bpmn")
    spec = parser.get_spec("uji_tabel")

    def run(data: dict[str, Any]) -> dict[str, Any]:
        workflow = BpmnWorkflow(
            spec, script_engine=PythonScriptEngine(environment=RestrictedEnvironment()))
        workflow.get_tasks(spec_name="StartEvent")[0].data.update(data)
        workflow.do_engine_steps()
        assert workflow.is_completed()
        return workflow.data

    return run
