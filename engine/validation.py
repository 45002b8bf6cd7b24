"""Checking a diagram before it is deployed: every problem found, in words, naming its element.

Deployment must never store a version that breaks at run time. `validate_diagram` parses
the diagram with SpiffWorkflow and then walks the XML: lanes and forms of user tasks,
exclusive gateways, every piece of code (conditions, scripts, service parameters) compiled
in the sandbox, service operators, decision tables and called processes. What is known
(roles, forms, services, other processes) is passed in by the caller in `Known`; this
module knows no domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree
from SpiffWorkflow.bpmn.parser.ValidationException import ValidationException
from SpiffWorkflow.spiff.parser.process import SpiffBpmnParser
from sqlalchemy.orm import Session

from .deploy import Deployed, deploy_bpmn
from .errors import DeployError
from .sandbox.environment import check_source
from .validation_dmn import check_decisions, decision_ids_of

FORM_PROPERTY = "formJsonSchemaFilename"
_EXTRA_SCRIPTS = ("preScript", "postScript")


@dataclass(frozen=True)
class Problem:
    element_id: str
    element_name: str
    message: str

    def __str__(self) -> str:
        name = f" ({self.element_name})" if self.element_name else ""
        return f"{self.element_id or 'diagram'}{name}: {self.message}"


@dataclass(frozen=True)
class Known:
    """What a diagram may name: lane names of roles, forms, service functions, other processes."""

    lanes: frozenset[str]
    forms: Mapping[str, dict]
    services: frozenset[str]
    processes: frozenset[str] = frozenset()
    form_problems: Callable[[dict], list[str]] = field(default=lambda form: [])


def _local(node: etree._Element) -> str:
    return etree.QName(node).localname


def _problem(node: etree._Element, message: str) -> Problem:
    return Problem(node.get("id", ""), node.get("name", ""), message)


def _parse_problems(bpmn_xml: bytes, dmn_files: Mapping[str, bytes]) -> list[Problem]:
    parser = SpiffBpmnParser()
    try:
        for name, content in dmn_files.items():
            parser.add_dmn_xml(etree.fromstring(content), filename=name)
        parser.add_bpmn_xml(etree.fromstring(bpmn_xml), filename="diagram.bpmn")
        for process_id in parser.get_process_ids():
            parser.get_spec(process_id)
    except etree.XMLSyntaxError as err:
        return [Problem("", "", f"berkas bukan XML yang sah ({err.msg})")]
    except ValidationException as err:
        text = str(err).split("\n")[0]
        return [Problem(err.id, err.name, f"SpiffWorkflow menolak diagram: {text}")]
    return []


def _lanes(root: etree._Element) -> dict[str, str]:
    """Element id → name of the lane it is drawn in."""
    return {
        (ref.text or "").strip(): lane.get("name", "")
        for lane in root.iter("{*}lane")
        for ref in lane.iter("{*}flowNodeRef")
    }


def _properties(node: etree._Element) -> dict[str, str]:
    return {p.get("name"): p.get("value", "") for p in node.iter("{*}property")}


def _user_tasks(root: etree._Element, known: Known) -> list[Problem]:
    lanes, problems = _lanes(root), []
    for task in root.iter("{*}userTask"):
        lane = lanes.get(task.get("id", ""))
        if lane is None:
            problems.append(_problem(task, "tugas pengguna tidak berada di lajur (lane) mana pun"))
        elif lane not in known.lanes:
            problems.append(_problem(task, f"lajur '{lane}' bukan nama peran yang dikenal"))
        form_name = _properties(task).get(FORM_PROPERTY)
        if not form_name:
            problems.append(_problem(task, "tugas pengguna tidak menyebut formulir"))
        elif form_name not in known.forms:
            problems.append(_problem(task, f"formulir '{form_name}' tidak ada"))
        else:
            problems += [
                _problem(task, f"formulir '{form_name}' tidak valid: {text}")
                for text in known.form_problems(known.forms[form_name])
            ]
    return problems


def _gateways(root: etree._Element) -> list[Problem]:
    outgoing: dict[str, list[etree._Element]] = {}
    for flow in root.iter("{*}sequenceFlow"):
        outgoing.setdefault(flow.get("sourceRef", ""), []).append(flow)
    problems = []
    for gateway in root.iter("{*}exclusiveGateway"):
        flows = outgoing.get(gateway.get("id", ""), [])
        if len(flows) < 2 or gateway.get("default"):
            continue
        bare = [f for f in flows if not (_text(f.find("{*}conditionExpression")))]
        if bare:
            names = ", ".join(f.get("name") or f.get("id", "") for f in bare)
            problems.append(_problem(
                gateway, f"gerbang tanpa alur bawaan (default) dan alur tanpa syarat: {names}"
            ))
    return problems


def _text(node: etree._Element | None) -> str:
    return (node.text or "").strip() if node is not None else ""


def _owner(node: etree._Element) -> etree._Element:
    """The flow element a piece of code belongs to (the flow or task, not its XML child)."""
    while node.getparent() is not None and not node.get("id"):
        node = node.getparent()
    return node


def _code(root: etree._Element) -> list[Problem]:
    pieces: list[tuple[etree._Element, str, str, str]] = []
    for node in root.iter("{*}conditionExpression"):
        pieces.append((_owner(node), _text(node), "eval", "syarat alur"))
    for task in root.iter("{*}scriptTask"):
        pieces.append((task, _text(task.find("{*}script")), "exec", "skrip"))
    for kind in _EXTRA_SCRIPTS:
        for node in root.iter(f"{{*}}{kind}"):
            pieces.append((_owner(node), _text(node), "exec", "skrip pendahulu/penutup"))
    for node in root.iter("{*}serviceTaskOperator"):
        for param in node.iter("{*}parameter"):
            label = f"parameter '{param.get('id', '')}'"
            pieces.append((_owner(node), param.get("value", ""), "eval", label))
    problems = []
    for element, source, mode, label in pieces:
        if not source:
            if label == "skrip":
                problems.append(_problem(element, "skrip kosong"))
            continue
        reason = check_source(source, mode)
        if reason:
            problems.append(_problem(element, f"{label} `{source}`: {reason}"))
    return problems


def _services(root: etree._Element, known: Known) -> list[Problem]:
    problems = []
    for task in root.iter("{*}serviceTask"):
        operator = task.find(".//{*}serviceTaskOperator")
        name = operator.get("id", "") if operator is not None else ""
        if not name:
            problems.append(_problem(task, "tugas layanan tidak menyebut fungsi"))
        elif name not in known.services:
            problems.append(_problem(task, f"fungsi layanan '{name}' tidak terdaftar"))
    return problems


def _decisions_called(root: etree._Element, dmn_files: Mapping[str, bytes]) -> list[Problem]:
    available = decision_ids_of(dmn_files)
    problems = []
    for node in root.iter("{*}calledDecisionId"):
        if _text(node) not in available:
            problems.append(_problem(_owner(node), f"tabel keputusan '{_text(node)}' tidak ada"))
    return problems


def _called_processes(root: etree._Element, known: Known) -> list[Problem]:
    here = {p.get("id", "") for p in root.iter("{*}process")}
    return [
        _problem(call, f"proses yang dipanggil '{call.get('calledElement', '')}' tidak ada")
        for call in root.iter("{*}callActivity")
        if call.get("calledElement", "") not in here | known.processes
    ]


def validate_diagram(
    bpmn_xml: bytes, dmn_files: Mapping[str, bytes], known: Known
) -> list[Problem]:
    """Every problem that would make the diagram fail to deploy or to run; empty when clean."""
    try:
        root = etree.fromstring(bpmn_xml)
    except etree.XMLSyntaxError as err:
        return [Problem("", "", f"berkas bukan XML yang sah ({err.msg})")]
    problems = check_decisions(dmn_files)
    if not problems:
        problems = _parse_problems(bpmn_xml, dmn_files)
    problems += _user_tasks(root, known) + _gateways(root) + _code(root)
    problems += _services(root, known) + _decisions_called(root, dmn_files)
    problems += _called_processes(root, known)
    return list(dict.fromkeys(problems))


def report(source_file: str, problems: list[Problem]) -> str:
    """The problems of one file, one per line, for setup and for the deploy page."""
    lines = [f"Berkas {source_file} tidak dapat dipasang ({len(problems)} masalah):"]
    return "\n".join([*lines, *(f"- {p}" for p in problems)])


class DiagramInvalid(DeployError):
    """A diagram refused before deployment; `problems` lists each, `str()` is the report."""

    def __init__(self, source_file: str, problems: list[Problem], message: str | None = None):
        super().__init__(message or report(source_file, problems))
        self.source_file = source_file
        self.problems = problems


def deploy_checked(
    session: Session,
    bpmn_xml: bytes,
    source_file: str,
    dmn_files: Mapping[str, bytes],
    known: Known,
) -> list[Deployed]:
    """Deploy a diagram only when it is clean; otherwise raise DiagramInvalid, storing nothing."""
    problems = validate_diagram(bpmn_xml, dmn_files, known)
    if problems:
        raise DiagramInvalid(source_file, problems)
    return deploy_bpmn(session, bpmn_xml, source_file, dmn_files, known.forms)
