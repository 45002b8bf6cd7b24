"""Running diagram code: compile it under the policy, run it under the budget, name failures.

Whatever goes wrong, a caller gets one exception: `ScriptError`, with the cause in words.
"""

from __future__ import annotations

import ast
import operator
from functools import lru_cache
from types import CodeType
from typing import Any

from RestrictedPython import compile_restricted
from RestrictedPython.Guards import (
    guarded_iter_unpack_sequence,
    guarded_unpack_sequence,
)
from SpiffWorkflow.bpmn.script_engine import TaskDataEnvironment

from ..errors import ScriptError
from . import guards
from .budget import SOURCE_NAME, Budget
from .builtins import BUILTINS, VALUES
from .methods import guarded_getattr
from .policy import GuardedPolicy

#: The hooks RestrictedPython's compiled code calls; no task data may shadow them.
HOOKS: dict[str, Any] = {
    "__builtins__": BUILTINS,
    "_getattr_": guarded_getattr,
    "_getitem_": operator.getitem,
    "_getiter_": iter,
    "_iter_unpack_sequence_": guarded_iter_unpack_sequence,
    "_unpack_sequence_": guarded_unpack_sequence,
    # Writes go to plain containers built by the script itself or task data.
    "_write_": lambda obj: obj,
    "_inplacevar_": guards.inplacevar,
    "_binop_": guards.binop,
    "_compare_": guards.compare,
    "_format_": guards.format_value,
}

_CAUSES: list[tuple[type[BaseException], str]] = [
    (ZeroDivisionError, "pembagian dengan nol"),
    (NameError, "nama yang dipakai tidak dikenal"),
    (KeyError, "kunci tidak ada dalam data"),
    (IndexError, "indeks di luar jangkauan"),
    (AttributeError, "atribut tidak tersedia atau tidak diizinkan"),
    (ImportError, "impor tidak diizinkan"),
    (NotImplementedError, "tidak diizinkan dalam kode diagram"),
    (RecursionError, "pemanggilan fungsi terlalu dalam"),
    (OverflowError, "bilangan terlalu besar"),
    (MemoryError, "memori tidak cukup"),
    (TypeError, "jenis nilai tidak cocok"),
    (ValueError, "nilai tidak valid"),
]


@lru_cache(maxsize=1024)
def _compile(source: str, mode: str) -> CodeType:
    return compile_restricted(source, SOURCE_NAME, mode, policy=GuardedPolicy)


#: Names diagram code may never mention, even where a builtin of that name is absent.
FORBIDDEN_NAMES = frozenset({
    "__import__", "open", "eval", "exec", "compile", "globals", "locals", "vars",
    "getattr", "setattr", "delattr", "breakpoint", "input", "help", "exit", "quit",
})


def _forbidden(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            found.append(f"nama terlarang '{node.id}'")
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_"):
            found.append(f"atribut terlarang '{node.attr}'")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append("impor tidak diizinkan")
    return found


def check_source(source: str, mode: str) -> str | None:
    """Why `source` would be refused before it runs ("eval" or "exec"), or None when it compiles."""
    try:
        tree = ast.parse(source, SOURCE_NAME, mode)
    except SyntaxError as err:
        return f"kode tidak dapat dibaca ({err.msg}, baris {err.lineno})"
    found = _forbidden(tree)
    if found:
        return "kode ditolak: " + "; ".join(dict.fromkeys(found))
    try:
        _compile(source, mode)
    except SyntaxError as err:
        return describe(err)
    return None


def describe(err: BaseException) -> str:
    """What went wrong, in words, for an exception raised by diagram code."""
    if isinstance(err, guards.LimitExceeded):
        return f"dihentikan karena {err}"
    if isinstance(err, SyntaxError):
        found = err.args[0] if err.args else err
        lines = found if isinstance(found, (list, tuple)) else [str(found)]
        return "kode ditolak: " + "; ".join(str(line) for line in lines)
    cause = next((text for kind, text in _CAUSES if isinstance(err, kind)), "kesalahan")
    return f"{cause} ({type(err).__name__}: {err})"


def run(source: str, mode: str, scope: dict[str, Any]) -> Any:
    """Compile and run `source` (an expression for "eval", statements for "exec") in `scope`."""
    try:
        code = _compile(source, mode)
        with Budget():
            return eval(code, scope)
    except ScriptError:
        raise
    except (Exception, guards.LimitExceeded) as err:
        raise ScriptError(describe(err), source) from err


def _scope(context: dict, external_context: dict | None) -> dict[str, Any]:
    return {**VALUES, **(external_context or {}), **context, **HOOKS}


class RestrictedEnvironment(TaskDataEnvironment):
    """Evaluates and executes against task data with RestrictedPython, within limits."""

    def evaluate(self, expression, context, external_context=None):
        return run(expression, "eval", _scope(context, external_context))

    def execute(self, script, context, external_context=None):
        try:
            self.check_for_overwrite(context, external_context or {})
        except ValueError as err:
            raise ScriptError(describe(err), script) from err
        scope = _scope(context, external_context)
        run(script, "exec", scope)
        for key, value in scope.items():
            if key in HOOKS or key.startswith("_") or callable(value):
                continue
            if external_context and key in external_context:
                continue
            context[key] = value
        for key in [k for k in context if k not in scope]:
            del context[key]
        return True

    def call_service(self, context, **kwargs):
        raise NotImplementedError("service calls are handled by the script engine")
