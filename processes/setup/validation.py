"""What a diagram of this office may name, and the check setup runs before deploying anything.

The engine's validation (`engine.validation`) knows no roles, forms or services: this
module tells it — the lanes of the SOP's roles, the forms of `forms/`, the functions in
the service registry and the processes other diagrams of the same set define.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from lxml import etree

from engine.deploy import decisions_used
from engine.validation import DiagramInvalid, Known, Problem, report, validate_diagram
from engine.validation_dmn import check_decisions
from processes.accounts.roles import ROLES
from processes.setup.form_rules import structure_problems
from processes.work import runtime  # noqa: F401 - importing it registers every service function
from processes.workflow.services import SERVICES


def form_problems(form: dict) -> list[str]:
    """Why a form file cannot be shown or checked, in words; empty when it is usable."""
    schema = form.get("schema") if isinstance(form, dict) else None
    if not isinstance(schema, dict) or schema.get("type") != "object":
        return ["bagian 'schema' harus berupa objek JSON Schema bertipe object"]
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as err:
        return [f"JSON Schema tidak sah ({err.message})"]
    return structure_problems(form)


def role_lanes() -> frozenset[str]:
    return frozenset(lane for role in ROLES.values() for lane in role.lanes)


def known(forms: Mapping[str, dict], processes: frozenset[str] = frozenset()) -> Known:
    return Known(role_lanes(), forms, frozenset(SERVICES.names()), processes, form_problems)


def process_ids(diagrams: Mapping[str, bytes]) -> frozenset[str]:
    """The executable processes a set of diagrams defines (for call activities across files)."""
    found: set[str] = set()
    for content in diagrams.values():
        try:
            found |= {p.get("id") for p in etree.fromstring(content).iter("{*}process")}
        except etree.XMLSyntaxError:
            continue
    return frozenset(found)


def _called(bpmn_xml: bytes, dmn_files: Mapping[str, bytes]) -> dict[str, bytes]:
    try:
        return decisions_used(bpmn_xml, dmn_files)
    except etree.XMLSyntaxError:  # validate_diagram names the unreadable diagram itself
        return {}


def check_directory(bpmn_dir: Path, forms_dir: Path) -> None:
    """Refuse the whole set when any diagram has a problem: DiagramInvalid lists them all."""
    diagrams = {p.name: p.read_bytes() for p in sorted(bpmn_dir.glob("*.bpmn"))}
    dmn_files = {p.name: p.read_bytes() for p in sorted(bpmn_dir.glob("*.dmn"))}
    forms, problems = {}, []
    for path in sorted(forms_dir.glob("*.json")):
        try:
            forms[path.name] = json.loads(path.read_text("utf-8"))
        except ValueError as err:
            problems.append(Problem(path.name, "", f"formulir bukan JSON yang sah ({err})"))
    rules = known(forms, process_ids(diagrams))
    reports, all_problems = [], list(problems)
    if problems:
        reports.append(report("formulir", problems))
    for name in list(dmn_files):  # a broken table is reported once, under its own name
        found = check_decisions({name: dmn_files[name]})
        if found:
            reports.append(report(name, found))
            all_problems += found
            del dmn_files[name]
    for name, content in diagrams.items():
        found = validate_diagram(content, _called(content, dmn_files), rules)
        if found:
            reports.append(report(name, found))
            all_problems += found
    if reports:
        raise DiagramInvalid(bpmn_dir.name, all_problems, "\n".join(reports))
