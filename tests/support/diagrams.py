"""Small diagrams for engine tests: one user task, then a script, a condition or a decision.

Each is built around one expression, so a test can deploy a diagram whose script,
gateway condition or decision cell does whatever the test needs, good or bad.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

import engine

OPERATOR = engine.Actor(1, "Operator Uji", frozenset({"Operator"}), "/")

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
    id="Defs_{pid}" targetNamespace="uji">
  <bpmn:process id="{pid}" name="{name}" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="Lane_Op" name="Operator">{refs}</bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Isi" name="Isi data"><bpmn:incoming>f0</bpmn:incoming>
      <bpmn:outgoing>f1</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f0" sourceRef="Mulai" targetRef="Isi"/>
"""
_TAIL = """    <bpmn:userTask id="Periksa" name="Periksa hasil"><bpmn:incoming>f2</bpmn:incoming>
      <bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>f3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f3" sourceRef="Periksa" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>"""
_NODES = ("Mulai", "Isi", "Langkah", "Periksa", "Selesai")


def _diagram(pid: str, middle: str, *extra_nodes: str) -> bytes:
    refs = "".join(f"<bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>" for n in (*_NODES, *extra_nodes))
    return (_HEAD.format(pid=pid, name=pid, refs=refs) + middle + _TAIL).encode()


def with_script(pid: str, script: str) -> bytes:
    """Isi data → script task "Hitung nilai" running `script` → Periksa hasil."""
    return _diagram(pid, f"""
    <bpmn:scriptTask id="Langkah" name="Hitung nilai"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing><bpmn:script>{escape(script)}</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="f1" sourceRef="Isi" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Langkah" targetRef="Periksa"/>
""")


def with_condition(pid: str, condition: str) -> bytes:
    """Isi data → gateway "Lanjut?" whose path to Periksa hasil is taken when `condition`."""
    return _diagram(pid, f"""
    <bpmn:exclusiveGateway id="Langkah" name="Lanjut?" default="f9"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing><bpmn:outgoing>f9</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="f1" sourceRef="Isi" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Langkah" targetRef="Periksa">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{escape(condition)}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f9" sourceRef="Langkah" targetRef="Batal"/>
    <bpmn:endEvent id="Batal"><bpmn:incoming>f9</bpmn:incoming></bpmn:endEvent>
""", "Batal")


def with_decision(pid: str, cell: str) -> tuple[bytes, dict[str, bytes]]:
    """Isi data → business rule task "Tentukan hasil" whose one input cell is `cell`."""
    bpmn = _diagram(pid, f"""
    <bpmn:businessRuleTask id="Langkah" name="Tentukan hasil"><bpmn:extensionElements>
      <spiffworkflow:calledDecisionId>keputusan_{pid}</spiffworkflow:calledDecisionId>
      </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing></bpmn:businessRuleTask>
    <bpmn:sequenceFlow id="f1" sourceRef="Isi" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Langkah" targetRef="Periksa"/>
""")
    return bpmn, {f"keputusan_{pid}.dmn": decision_table(f"keputusan_{pid}", cell)}


def decision_table(decision_id: str, cell: str) -> bytes:
    """A one-rule table: input `nilai`, the rule's input cell `cell`, output hasil = "YA"."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D_{decision_id}"
    name="Uji" namespace="uji">
  <decision id="{decision_id}" name="Keputusan uji">
    <decisionTable id="T_{decision_id}" hitPolicy="FIRST">
      <input id="In" label="Nilai"><inputExpression id="InE" typeRef="string">
        <text>nilai</text></inputExpression></input>
      <output id="Out" label="Hasil" name="hasil" typeRef="string"/>
      <rule id="R1"><inputEntry id="R1_In"><text>{escape(cell)}</text></inputEntry>
        <outputEntry id="R1_Out"><text>"YA"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>""".encode()


def deploy(session, bpmn: bytes, dmn: dict[str, bytes] | None = None) -> None:
    engine.deploy_bpmn(session, bpmn, "uji.bpmn", dmn or {}, {})
    session.commit()


def with_service_then_script(pid: str, service: str, script: str) -> bytes:
    """Isi data → service task "Catat data" calling `service` → script "Hitung nilai"."""
    return _diagram(pid, f"""
    <bpmn:serviceTask id="Layanan" name="Catat data"><bpmn:extensionElements>
      <spiffworkflow:serviceTaskOperator id="{service}" resultVariable="hasil_layanan"/>
      </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f1b</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:scriptTask id="Langkah" name="Hitung nilai"><bpmn:incoming>f1b</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing><bpmn:script>{escape(script)}</bpmn:script></bpmn:scriptTask>
    <bpmn:sequenceFlow id="f1" sourceRef="Isi" targetRef="Layanan"/>
    <bpmn:sequenceFlow id="f1b" sourceRef="Layanan" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Langkah" targetRef="Periksa"/>
""", "Layanan")


def with_service(pid: str, service: str) -> bytes:
    """Isi data → service task "Periksa golongan" calling `service` → Periksa hasil."""
    return _diagram(pid, f"""
    <bpmn:serviceTask id="Langkah" name="Periksa golongan"><bpmn:extensionElements>
      <spiffworkflow:serviceTaskOperator id="{service}" resultVariable="hasil_layanan"/>
      </bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:sequenceFlow id="f1" sourceRef="Isi" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Langkah" targetRef="Periksa"/>
""")


def service_first(pid: str, service: str) -> bytes:
    """Start → service task "Siapkan data" calling `service` → Isi data → end."""
    refs = "".join(f"<bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>"
                   for n in ("Mulai", "Langkah", "Isi", "Selesai"))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core"
    id="Defs_{pid}" targetNamespace="uji">
  <bpmn:process id="{pid}" name="{pid}" isExecutable="true">
    <bpmn:laneSet><bpmn:lane id="Lane_Op" name="Operator">{refs}</bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Langkah" name="Siapkan data"><bpmn:extensionElements>
      <spiffworkflow:serviceTaskOperator id="{service}" resultVariable="hasil_layanan"/>
      </bpmn:extensionElements><bpmn:incoming>f0</bpmn:incoming>
      <bpmn:outgoing>f1</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:userTask id="Isi" name="Isi data"><bpmn:incoming>f1</bpmn:incoming>
      <bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f0" sourceRef="Mulai" targetRef="Langkah"/>
    <bpmn:sequenceFlow id="f1" sourceRef="Langkah" targetRef="Isi"/>
    <bpmn:sequenceFlow id="f2" sourceRef="Isi" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>""".encode()
