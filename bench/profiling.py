"""Exclusive-time accounting for the benchmarks: where a completion's time goes.

Time is split by wrapping the runtime's collaborators (exclusive time, so the parts add up
to the total); the wrappers cost a few microseconds per call. `StatementCounter` counts the
SQL statements sent through an engine.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.task import Task
from sqlalchemy import event

from engine import runtime as engine_runtime
from engine.sandbox import RestrictedEnvironment
from engine.services import ScriptEngine
from processes.work.runtime import RUNTIME


# -- exclusive-time accounting ------------------------------------------------
class Profile:
    """Exclusive time per category: entering a category pauses the enclosing one."""

    def __init__(self) -> None:
        self.totals: dict[str, float] = defaultdict(float)
        self._stack: list[str] = []
        self._mark = 0.0

    def enter(self, name: str) -> None:
        now = time.perf_counter()
        if self._stack:
            self.totals[self._stack[-1]] += now - self._mark
        self._stack.append(name)
        self._mark = now

    def exit(self) -> None:
        now = time.perf_counter()
        self.totals[self._stack.pop()] += now - self._mark
        self._mark = now

    @contextlib.contextmanager
    def part(self, name: str) -> Iterator[None]:
        self.enter(name)
        try:
            yield
        finally:
            self.exit()

    def timed(self, name: str, fn: Callable) -> Callable:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.enter(name)
            try:
                return fn(*args, **kwargs)
            finally:
                self.exit()

        return wrapper


# Categories of A, in the order they are printed.
OTHER = "ORM queries/flush + rest"
VALIDATE = "form validation"
DESERIALIZE = "deserialize (state+spec JSON)"
RUN = "spiff run (task + engine steps)"
CONDITIONS = "gateway conditions (restricted)"
SERVICES = "service tasks (domain SQL)"
SERIALIZE = "serialize state"
OPEN_TASKS = "sync open-task rows"
COMMIT = "commit"
A_PARTS = [DESERIALIZE, RUN, CONDITIONS, SERVICES, SERIALIZE, VALIDATE, OPEN_TASKS, COMMIT, OTHER]


@contextlib.contextmanager
def instrumented(profile: Profile) -> Iterator[None]:
    """Wrap the runtime's collaborators for the duration of part A."""
    patches = [
        (engine_runtime, "workflow_from_json", DESERIALIZE),
        (engine_runtime, "new_workflow", DESERIALIZE),
        (engine_runtime, "state_to_json", SERIALIZE),
        (engine_runtime, "sync_open_tasks", OPEN_TASKS),
        (BpmnWorkflow, "do_engine_steps", RUN),
        (Task, "run", RUN),
        (RestrictedEnvironment, "evaluate", CONDITIONS),
        (ScriptEngine, "call_service", SERVICES),
        (RUNTIME, "validate", VALIDATE),
    ]
    saved = []
    for owner, attr, name in patches:
        original = owner.__dict__[attr] if isinstance(owner, type) else getattr(owner, attr)
        saved.append((owner, attr, original))
        setattr(owner, attr, profile.timed(name, original))
    try:
        yield
    finally:
        for owner, attr, original in reversed(saved):
            setattr(owner, attr, original)


class StatementCounter:
    """Counts SQL statements sent through `db` (BEGIN/COMMIT and pool pings not included)."""

    def __init__(self, db) -> None:
        self.db = db
        self.count = 0
        event.listen(db, "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self.db, "before_cursor_execute", self._seen)
