"""How workflows and their specs become JSON, configured in this one place.

Instances are stored without their spec: the spec lives once per deployed version
and is put back when an instance is loaded. The spiff config is required (the
default one cannot serialize spiff task specs); `date` is registered because
forms produce dates.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any
from uuid import UUID

from SpiffWorkflow.bpmn.serializer.default.workflow import WorkflowConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG

#: Stored on every instance row; a mismatch on load means a migration is due.
SERIALIZER_VERSION = "spiff-3.2.0/1"

#: Keys the serializer gives meaning to; form data must never contain them.
RESERVED_KEYS = frozenset({"typename"})


def _build_serializer() -> BpmnWorkflowSerializer:
    registry = BpmnWorkflowSerializer.configure(SPIFF_CONFIG)
    registry.register(
        date,
        lambda v: {"value": v.isoformat()},
        lambda v: date.fromisoformat(v["value"]),
        typename="date",
    )
    return BpmnWorkflowSerializer(registry)


SERIALIZER = _build_serializer()


def spec_to_json(spec: Any, subprocess_specs: dict[str, Any]) -> str:
    return json.dumps(
        {
            "spec": SERIALIZER.to_dict(spec),
            "subprocess_specs": {k: SERIALIZER.to_dict(v) for k, v in subprocess_specs.items()},
        }
    )


def _workflow_converter() -> Any:
    # The registry wraps each converter's bound to_dict in a partial; the converter is its self.
    return SERIALIZER.registry.convert_to_dict["BpmnWorkflow"].args[1].__self__


_CONVERTER = _workflow_converter()


def state_to_json(workflow: BpmnWorkflow) -> str:
    """The instance's state without its spec (the base converter skips the spec)."""
    dct = WorkflowConverter.to_dict(_CONVERTER, workflow)
    dct["subprocesses"] = _CONVERTER.mapping_to_dict(workflow.subprocesses)
    dct["bpmn_events"] = SERIALIZER.registry.convert(workflow.bpmn_events)
    return json.dumps(dct)


@lru_cache(maxsize=32)
def _specs(spec_json: str) -> tuple[Any, dict[str, Any]]:
    # Deployed specs never change, so restored spec objects are shared, as SpiffWorkflow
    # shares a parser's spec between all workflows made from it. Keyed by the text itself.
    specs = json.loads(spec_json)
    spec = SERIALIZER.from_dict(specs["spec"])
    return spec, {k: SERIALIZER.from_dict(v) for k, v in specs["subprocess_specs"].items()}


def workflow_from_json(state_json: str, spec_json: str) -> BpmnWorkflow:
    """Mirror of BpmnWorkflowConverter.from_dict, with the spec taken from the cache."""
    dct = json.loads(state_json)
    spec, subs = _specs(spec_json)
    workflow = BpmnWorkflow(spec, subs, deserializing=True)
    workflow.tasks = _CONVERTER.mapping_from_dict(dct["tasks"], UUID, workflow=workflow)
    workflow.task_tree = workflow.tasks.get(UUID(dct["root"]))
    _CONVERTER.set_default_attributes(workflow, dct)
    _CONVERTER.subprocesses_from_dict(dct["subprocesses"], workflow)
    workflow.bpmn_events = SERIALIZER.registry.restore(dct.pop("bpmn_events", []))
    return workflow


def new_workflow(spec_json: str) -> BpmnWorkflow:
    spec, subs = _specs(spec_json)
    return BpmnWorkflow(spec, subs)
