"""How workflows and their specs become JSON, configured in this one place.

Instances are stored without their spec: the spec lives once per deployed version (its
"bundle") and is put back when an instance is loaded. The spiff config is required (the
default one cannot serialize spiff task specs); `date` is registered because forms
produce dates.

Both the bundle and the state record SpiffWorkflow's format version (the bundle inside
its JSON, the state in its row). A state in an older format is migrated on load together
with its bundle's spec (`engine.migration`); from then on it carries its migrated spec in
its own JSON, as SpiffWorkflow itself stores workflows, because the bundle is shared with
instances that may not have been migrated yet. An unknown or newer format is refused.
"""

from __future__ import annotations

import json
import weakref
from datetime import date
from functools import lru_cache
from typing import Any
from uuid import UUID

from SpiffWorkflow.bpmn.serializer.default.workflow import WorkflowConverter
from SpiffWorkflow.bpmn.serializer.workflow import BpmnWorkflowSerializer
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.spiff.serializer.config import SPIFF_CONFIG

from .errors import SerializerVersionError
from .migration import CURRENT, UNLABELLED, known, migrate

#: Stored on every instance row: the SpiffWorkflow format its state is written in.
SERIALIZER_VERSION = CURRENT

#: Where a spec bundle records its format: the key SpiffWorkflow uses for a workflow.
VERSION_KEY = BpmnWorkflowSerializer.VERSION_KEY

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
            VERSION_KEY: SERIALIZER_VERSION,
            "spec": SERIALIZER.to_dict(spec),
            "subprocess_specs": {k: SERIALIZER.to_dict(v) for k, v in subprocess_specs.items()},
        }
    )


def _workflow_converter() -> Any:
    # The registry wraps each converter's bound to_dict in a partial; the converter is its self.
    return SERIALIZER.registry.convert_to_dict["BpmnWorkflow"].args[1].__self__


_CONVERTER = _workflow_converter()

#: Workflows restored with a spec of their own (migrated): they are saved with it.
_OWN_SPEC: weakref.WeakSet[BpmnWorkflow] = weakref.WeakSet()


def state_to_json(workflow: BpmnWorkflow) -> str:
    """The instance's state, without its spec unless it carries its own (the base converter
    skips the spec)."""
    dct = WorkflowConverter.to_dict(_CONVERTER, workflow)
    dct["subprocesses"] = _CONVERTER.mapping_to_dict(workflow.subprocesses)
    dct["bpmn_events"] = SERIALIZER.registry.convert(workflow.bpmn_events)
    if workflow in _OWN_SPEC:
        dct["spec"] = SERIALIZER.to_dict(workflow.spec)
        dct["subprocess_specs"] = _CONVERTER.mapping_to_dict(workflow.subprocess_specs)
    return json.dumps(dct)


@lru_cache(maxsize=32)
def bundle_version(spec_json: str) -> str:
    """The format a spec bundle is written in (bundles from before it was recorded: 1.5)."""
    return known(json.loads(spec_json).get(VERSION_KEY, UNLABELLED))


@lru_cache(maxsize=32)
def _specs(spec_json: str) -> tuple[Any, dict[str, Any]]:
    # Deployed specs never change, so restored spec objects are shared, as SpiffWorkflow
    # shares a parser's spec between all workflows made from it. Keyed by the text itself.
    version = bundle_version(spec_json)
    if version != CURRENT:
        raise SerializerVersionError(
            f"Diagram proses tersimpan dalam format SpiffWorkflow {version}; pasang ulang "
            f"diagramnya agar ditulis dalam format {CURRENT}."
        )
    specs = json.loads(spec_json)
    spec = SERIALIZER.from_dict(specs["spec"])
    return spec, {k: SERIALIZER.from_dict(v) for k, v in specs["subprocess_specs"].items()}


def workflow_from_json(state_json: str, state_version: str, spec_json: str) -> BpmnWorkflow:
    """Restore a stored instance: its state (in format `state_version`) with its spec."""
    version = known(state_version)
    dct = json.loads(state_json)
    if "spec" in dct:
        return _restored_with_own_spec(dct, version)
    if version == CURRENT and bundle_version(spec_json) == CURRENT:
        return _restored(dct, *_specs(spec_json))
    _put_spec(dct, version, spec_json)
    return _restored_with_own_spec(dct, version)


def _put_spec(dct: dict, version: str, spec_json: str) -> None:
    # A state without its own spec was written against its bundle, in the bundle's format.
    if bundle_version(spec_json) != version:
        raise SerializerVersionError(
            f"Data proses (format {version}) tidak cocok dengan diagramnya (format "
            f"{bundle_version(spec_json)}); data tidak diubah."
        )
    bundle = json.loads(spec_json)
    dct["spec"], dct["subprocess_specs"] = bundle["spec"], bundle["subprocess_specs"]


def _restored(dct: dict, spec: Any, subs: dict[str, Any]) -> BpmnWorkflow:
    """Mirror of BpmnWorkflowConverter.from_dict, with the spec taken from the cache."""
    workflow = BpmnWorkflow(spec, subs, deserializing=True)
    workflow.tasks = _CONVERTER.mapping_from_dict(dct["tasks"], UUID, workflow=workflow)
    workflow.task_tree = workflow.tasks.get(UUID(dct["root"]))
    _CONVERTER.set_default_attributes(workflow, dct)
    _CONVERTER.subprocesses_from_dict(dct["subprocesses"], workflow)
    workflow.bpmn_events = SERIALIZER.registry.restore(dct.pop("bpmn_events", []))
    return workflow


def _restored_with_own_spec(dct: dict, version: str) -> BpmnWorkflow:
    migrate(dct, version)
    workflow = _CONVERTER.from_dict(dct)
    _OWN_SPEC.add(workflow)
    return workflow


def with_spec(state_json: str, state_version: str, spec_json: str) -> str:
    """A state with its bundle's spec put in (if it has none yet), so the bundle can be
    replaced."""
    dct = json.loads(state_json)
    if "spec" in dct:
        return state_json
    _put_spec(dct, known(state_version), spec_json)
    return json.dumps(dct)


def specs_of(spec_json: str) -> tuple[Any, dict[str, Any]]:
    """A bundle's spec and the specs of the processes it calls (shared: read, never change)."""
    return _specs(spec_json)


def forget_own_spec(workflow: BpmnWorkflow) -> None:
    """The workflow now runs its bundle's spec (moved to a version): saved without its own."""
    _OWN_SPEC.discard(workflow)


def new_workflow(spec_json: str) -> BpmnWorkflow:
    spec, subs = _specs(spec_json)
    return BpmnWorkflow(spec, subs)
