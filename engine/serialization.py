"""How workflows and their specs become JSON, configured in this one place.

Instances are stored without their spec: the spec lives once per deployed version
and is put back when an instance is loaded. The spiff config is required (the
default one cannot serialize spiff task specs); `date` is registered because
forms produce dates.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

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


def state_to_json(workflow: BpmnWorkflow) -> str:
    dct = SERIALIZER.to_dict(workflow)
    dct.pop("spec")
    dct.pop("subprocess_specs")
    return json.dumps(dct)


def workflow_from_json(state_json: str, spec_json: str) -> BpmnWorkflow:
    dct = json.loads(state_json)
    specs = json.loads(spec_json)
    dct["spec"] = specs["spec"]
    dct["subprocess_specs"] = specs["subprocess_specs"]
    return SERIALIZER.from_dict(dct)


def new_workflow(spec_json: str) -> BpmnWorkflow:
    specs = json.loads(spec_json)
    spec = SERIALIZER.from_dict(specs["spec"])
    subs = {k: SERIALIZER.from_dict(v) for k, v in specs["subprocess_specs"].items()}
    return BpmnWorkflow(spec, subs)
