"""Service tasks: a registry of named Python functions, and the script engine that calls them.

The application fills a `ServiceRegistry` (this package never imports it); a diagram
names a function by its operator id. Each call gets a `ServiceContext` with the
database session and the instance, so service functions join the caller's
transaction and never commit.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .decisions import decide
from .errors import EngineError, ServiceError
from .sandbox import RestrictedEnvironment
from .values import Actor

ServiceFn = Callable[..., Any]


@dataclass
class ServiceContext:
    session: Session
    instance_id: int
    process_id: str
    unit_path: str
    started_by: int
    actor: Actor
    data: dict[str, Any] = field(default_factory=dict)
    business_key: str | None = None
    #: Set by a service to name the instance's subject (searchable) and add words to show.
    label: str | None = None
    details: dict[str, Any] | None = None
    decisions: Mapping[str, bytes] = field(default_factory=dict)
    #: starts another process in this transaction: (process_id, unit_path, data) -> its id
    launcher: Callable[[str, str, dict[str, Any]], int] | None = None

    def decide(self, decision_id: str, data: dict[str, Any]) -> dict[str, Any]:
        """Evaluate a decision table the diagram bundles (see engine.decisions)."""
        return decide(self.decisions, decision_id, data)

    def launch(self, process_id: str, unit_path: str, data: dict[str, Any]) -> int:
        """Start another process whose first task is someone else's (a follow-up this step
        calls for), in this step's transaction, on behalf of this step's actor."""
        if self.launcher is None:
            raise ServiceError("Proses lanjutan tidak dapat dimulai dari langkah ini.")
        return self.launcher(process_id, unit_path, data)


class ServiceRegistry:
    def __init__(self) -> None:
        self._functions: dict[str, ServiceFn] = {}

    def register(self, name: str) -> Callable[[ServiceFn], ServiceFn]:
        def decorator(fn: ServiceFn) -> ServiceFn:
            if name in self._functions:
                raise ValueError(f"service {name!r} registered twice")
            self._functions[name] = fn
            return fn

        return decorator

    def get(self, name: str) -> ServiceFn:
        try:
            return self._functions[name]
        except KeyError:
            raise ServiceError(f"Layanan '{name}' tidak dikenal.") from None

    def names(self) -> list[str]:
        return sorted(self._functions)

    def parameters(self, name: str) -> list[str]:
        """The parameters a diagram gives the function (after the context), in order."""
        params = list(inspect.signature(self.get(name)).parameters.values())[1:]
        return [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]


class ScriptEngine(PythonScriptEngine):
    """Restricted scripts plus registry-backed service calls.

    SpiffWorkflow 3.2's own `call_service` error path references an undefined
    name and hides the real exception, so it is replaced entirely: a refusal (any
    EngineError) and a database error pass as they are; anything else the function
    raises becomes a ServiceError that names the service and the cause.
    """

    def __init__(self, registry: ServiceRegistry, context: ServiceContext) -> None:
        super().__init__(environment=RestrictedEnvironment())
        self.registry = registry
        self.context = context

    def call_service(self, task, operation_name=None, operation_params=None, **kwargs):
        fn = self.registry.get(operation_name)
        params = {k: v["value"] for k, v in (operation_params or {}).items()}
        self.context.data = task.data
        try:
            result = fn(self.context, **params)
        except (EngineError, SQLAlchemyError):
            raise
        except Exception as err:
            raise ServiceError(
                f"Layanan '{operation_name}' gagal ({type(err).__name__}: {err})."
            ) from err
        return json.dumps(result if result is not None else {}, default=str)
