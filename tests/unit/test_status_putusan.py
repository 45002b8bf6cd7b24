"""The putusan → status decision table, row by row, run through SpiffWorkflow.

`bpmn-models/status_putusan.dmn` is parsed with a tiny diagram holding one business rule
task that calls it, in the restricted script environment the application uses. Every
amar of the reference list is tried with every jenis pelanggaran it is offered for.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.spiff.parser import VALIDATOR, SpiffBpmnParser

from engine.sandbox import RestrictedEnvironment
from processes.records import statuses
from processes.reference.seed_putusan import AMAR_PUTUSAN

DMN_PATH = Path(__file__).resolve().parents[2] / "bpmn-models" / "status_putusan.dmn"

_BPMN = b"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
    id="Definitions_UjiStatusPutusan" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="uji_status_putusan" isExecutable="true">
    <bpmn:startEvent id="StartEvent"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:businessRuleTask id="Task_Status" name="Tentukan status">
      <bpmn:extensionElements>
        <spiffworkflow:calledDecisionId>status_putusan</spiffworkflow:calledDecisionId>
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:businessRuleTask>
    <bpmn:endEvent id="EndEvent"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent" targetRef="Task_Status" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Status" targetRef="EndEvent" />
  </bpmn:process>
</bpmn:definitions>
"""


@pytest.fixture(scope="module")
def spec():
    parser = SpiffBpmnParser(validator=VALIDATOR)
    parser.add_dmn_file(str(DMN_PATH))
    parser.add_bpmn_xml(etree.fromstring(_BPMN), filename="uji_status_putusan.bpmn")
    return parser.get_spec("uji_status_putusan")


def status_for(spec, jenis: str, amar: str) -> str:
    workflow = BpmnWorkflow(
        spec, script_engine=PythonScriptEngine(environment=RestrictedEnvironment())
    )
    workflow.get_tasks(spec_name="StartEvent")[0].data.update(
        {"fakta_catatan": {"jenis_pelanggaran": jenis}, "amar_putusan": amar})
    workflow.do_engine_steps()
    assert workflow.is_completed()
    return workflow.data["status_putusan"]


# (jenis pelanggaran, amar putusan, status the record takes once approved)
ROWS = [
    ("DISIPLIN", "DIHUKUM", statuses.PENGAWASAN),
    ("KEPP", "DIHUKUM", statuses.PENGAWASAN),
    ("PIDANA", "DIHUKUM", statuses.PENGAWASAN),
    ("DISIPLIN", "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
    ("KEPP", "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
    ("PIDANA", "BEBAS", statuses.TIDAK_TERBUKTI),
    ("PIDANA", "LEPAS", statuses.TIDAK_BERSALAH),
]


@pytest.mark.parametrize(("jenis", "amar", "status"), ROWS, ids=[f"{j}-{a}" for j, a, _ in ROWS])
def test_each_row_gives_its_status(spec, jenis, amar, status):
    assert status_for(spec, jenis, amar) == status


@pytest.mark.parametrize(("jenis", "amar"), [
    ("PIDANA", "TIDAK_TERBUKTI"),  # a court acquits as bebas or lepas, not "tidak terbukti"
    ("DISIPLIN", "BEBAS"), ("KEPP", "LEPAS"), ("DISIPLIN", "DIPUTUS_LAIN"),
])
def test_a_pair_the_table_does_not_know_gives_no_status(spec, jenis, amar):
    assert status_for(spec, jenis, amar) == ""


def test_every_amar_offered_for_a_jenis_has_a_row_and_a_sanction_means_pengawasan(spec):
    for amar in AMAR_PUTUSAN:
        for jenis in amar["jenis"]:
            status = status_for(spec, jenis, amar["code"])
            assert status in statuses.STATUSES, (jenis, amar["code"])
            assert (status == statuses.PENGAWASAN) == amar["hukuman"], (jenis, amar["code"])
