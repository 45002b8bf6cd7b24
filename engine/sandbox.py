"""The restricted environment for script tasks, gateway conditions and DMN cells.

SpiffWorkflow's default environment is plain eval/exec: a diagram could import os
or walk `().__class__.__subclasses__()`. Here every expression is compiled with
RestrictedPython (no import, no open, no dunder attribute) and runs with a small
allow-list of builtins.
"""

from __future__ import annotations

import operator
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from RestrictedPython import compile_restricted
from RestrictedPython.Guards import (
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
    safe_builtins,
    safer_getattr,
)
from SpiffWorkflow.bpmn.script_engine import TaskDataEnvironment

_UNSAFE = {"setattr", "delattr", "__build_class__", "id", "_getattr_"}

_BUILTINS: dict[str, Any] = {k: v for k, v in safe_builtins.items() if k not in _UNSAFE}
_BUILTINS.update(
    {
        "list": list, "tuple": tuple, "dict": dict, "set": set, "frozenset": frozenset,
        "min": min, "max": max, "sum": sum, "any": any, "all": all, "sorted": sorted,
        "enumerate": enumerate, "zip": zip,
    }
)

_GUARDS: dict[str, Any] = {
    "__builtins__": _BUILTINS,
    "_getattr_": safer_getattr,
    "_getitem_": operator.getitem,
    "_getiter_": iter,
    "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence,
    # Writes go to plain containers built by the script itself or task data.
    "_write_": lambda obj: obj,
    "date": date,
    "datetime": datetime,
    "timedelta": timedelta,
}


@lru_cache(maxsize=1024)
def _compile(source: str, mode: str):
    # compile_restricted raises SyntaxError listing every refused construct.
    return compile_restricted(source, "<string>", mode)


class RestrictedEnvironment(TaskDataEnvironment):
    """Evaluates and executes against task data with RestrictedPython."""

    def evaluate(self, expression, context, external_context=None):
        scope = dict(_GUARDS)
        scope.update(external_context or {})
        scope.update(context)
        return eval(_compile(expression, "eval"), scope)

    def execute(self, script, context, external_context=None):
        self.check_for_overwrite(context, external_context or {})
        scope = dict(_GUARDS)
        scope.update(external_context or {})
        scope.update(context)
        exec(_compile(script, "exec"), scope)  # noqa: S102 - restricted code
        for key, value in scope.items():
            if key in _GUARDS or key.startswith("_") or callable(value):
                continue
            if external_context and key in external_context:
                continue
            context[key] = value
        for key in [k for k in context if k not in scope]:
            del context[key]
        return True

    def call_service(self, context, **kwargs):
        raise NotImplementedError("service calls are handled by the script engine")
