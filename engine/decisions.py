"""Decision tables evaluated by service code (outside a business-rule task), in the sandbox.

A diagram declares the tables its service tasks consult with a `calledDecisionId`
extension on the task; deploy bundles them with the version, so a version's decisions
never change under its instances.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.dmn.engine.DMNEngine import DMNEngine
from SpiffWorkflow.dmn.parser.BpmnDmnParser import BpmnDmnParser

from .errors import ScriptError, ServiceError
from .sandbox import RestrictedEnvironment
from .sandbox.environment import describe


@dataclass
class _Workflow:
    script_engine: PythonScriptEngine


@dataclass
class _Context:
    """What DMNEngine reads of a task: its data and its workflow's script engine."""

    data: dict[str, Any]
    workflow: _Workflow = field(
        default_factory=lambda: _Workflow(PythonScriptEngine(environment=RestrictedEnvironment()))
    )


@lru_cache(maxsize=64)
def _engine(dmn_xml: bytes, decision_id: str) -> DMNEngine:
    parser = BpmnDmnParser()
    parser.add_dmn_xml(etree.fromstring(dmn_xml))
    return parser.get_engine(decision_id, None)


def decide(tables: Mapping[str, bytes], decision_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The outputs of the first matching row of `decision_id` for `data`."""
    for xml in tables.values():
        if decision_id in decision_ids(xml):
            try:
                return _engine(xml, decision_id).result(_Context(dict(data)))
            except ScriptError as err:
                err.element = f"tabel keputusan '{decision_id}'{_row(err)}"
                raise
            except Exception as err:  # SpiffWorkflow's DMN engine failing on its own
                raise ScriptError(describe(err), element=f"tabel keputusan '{decision_id}'") from err
    raise ServiceError(f"Tabel keputusan '{decision_id}' tidak disertakan pada diagram ini.")


def _row(err: ScriptError) -> str:
    """The rule's row, from the note SpiffWorkflow's DMN engine adds ("... on row 3")."""
    rows = [note.rsplit(" ", 1)[-1] for note in err.notes if "row" in note]
    return f" baris {rows[0]}" if rows and rows[0].isdigit() else ""


@lru_cache(maxsize=64)
def decision_ids(dmn_xml: bytes) -> frozenset[str]:
    return frozenset(node.get("id") for node in etree.fromstring(dmn_xml).iter("{*}decision"))
