"""The restricted environment for script tasks, gateway conditions and DMN cells.

SpiffWorkflow's default environment is plain eval/exec: a diagram could import os or
walk `().__class__.__subclasses__()`, or compute `9**9**9` and hold a worker forever.
Here every piece of diagram code is compiled with RestrictedPython under a policy that
guards the operators that can explode (`policy.py`, `guards.py`, `methods.py`), runs with
a small allow-list of builtins (`builtins.py`) and under a time and depth budget
(`budget.py`). Any failure reaches the caller as one `engine.ScriptError`.
"""

from .budget import MAX_DEPTH, MAX_SECONDS
from .environment import RestrictedEnvironment
from .guards import MAX_INT_BITS, MAX_ITEMS, MAX_WORK

__all__ = ["MAX_DEPTH", "MAX_INT_BITS", "MAX_ITEMS", "MAX_SECONDS", "MAX_WORK", "RestrictedEnvironment"]
