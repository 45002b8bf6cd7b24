"""Moving a running (or stopped) instance to another version of its process.

SpiffWorkflow's own diff (`SpiffWorkflow.bpmn.util.diff`) aligns the old spec's task specs
with the new one's by BPMN id and lists what was removed or changed; it is run for the
instance's own process and for every called process it has entered. A move is safe only
when no task the instance has already completed or is working on (a READY user task, a
waiting event, a started task) was removed or changed: what the instance did stays what the
new version would have done. A READY step the engine has not run yet (the step an incident
stopped at) may have changed: fixing it is why the instance is moved. Predicted tasks are
thrown away and predicted again from the new spec (`migrate_workflow`).

The instance row is locked first (the one lock order of `locking.py`); the state, the
version id, the next timer and the open-task rows are written together in the caller's
transaction. An open task that stays keeps its row's id, creation time and due time, so an
inbox does not see it as new. The history is not touched: completed tasks were not changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.bpmn.util.diff import diff_workflow, migrate_workflow
from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import select
from sqlalchemy.orm import Session

from .incidents import STOPPED
from .locking import lock_instance
from .models import Instance, OpenTask, ProcessVersion, as_utc, utcnow
from .serialization import (
    SERIALIZER,
    SERIALIZER_VERSION,
    forget_own_spec,
    specs_of,
    state_to_json,
    workflow_from_json,
)
from .tasks import open_task_rows
from .timers import next_timer_at

#: Tasks whose spec must be unchanged: done, or being worked on.
_KEPT = TaskState.COMPLETED | TaskState.STARTED | TaskState.ERROR
#: Tasks that must still exist in the new version (they are reset and run again there).
_PRESENT = TaskState.READY | TaskState.WAITING


@dataclass(frozen=True)
class MoveOutcome:
    """What happened to one instance: moved, or refused with the reason in words."""

    instance_id: int
    moved: bool
    reason: str = ""
    from_version: int = 0


@dataclass(frozen=True)
class Movable:
    """A running or stopped instance of a version, as the catalogue lists it."""

    instance_id: int
    version_id: int
    label: str
    status: str
    created_at: datetime


def movable(session: Session) -> list[Movable]:
    """Every instance that could be moved (running or stopped), by version, oldest first."""
    rows = session.execute(
        select(Instance.id, Instance.version_id, Instance.label, Instance.business_key,
               Instance.status, Instance.created_at)
        .where(Instance.status.in_(("running", STOPPED))).order_by(Instance.version_id, Instance.id)
    )
    return [Movable(i, v, label or key or "", status, as_utc(created))
            for i, v, label, key, status, created in rows]


def move_instance(session: Session, instance_id: int, target_id: int) -> MoveOutcome:
    """Move one instance to version `target_id` when that is safe, else say why not."""
    instance = lock_instance(session, instance_id)
    target = session.get(ProcessVersion, target_id)
    refusal = _refusal(instance, target)
    if refusal:
        return MoveOutcome(instance_id, False, refusal)
    version = session.get(ProcessVersion, instance.version_id)
    workflow = workflow_from_json(instance.state_json, instance.serializer_version, version.spec_json)
    spec, subs = specs_of(target.spec_json)
    top, inner = diff_workflow(SERIALIZER.registry, workflow, spec, subs)
    problems = _unsafe(top, "") + [
        problem for sp_id, diff in inner.items()
        for problem in (_unsafe(diff, workflow.subprocesses[sp_id].spec.name) if diff else
                        [_gone(workflow.subprocesses[sp_id].spec.name)])
    ]
    if problems:
        return MoveOutcome(instance_id, False, "Tidak aman dipindahkan: " + "; ".join(problems) + ".")
    _migrate(workflow, top, inner, spec, subs)
    _store(session, instance, workflow, target)
    return MoveOutcome(instance_id, True, from_version=version.id)


def _gone(name: str) -> str:
    return f"proses yang dipanggil '{name}' tidak ada lagi"


def _refusal(instance: Instance, target: ProcessVersion | None) -> str:
    if target is None or target.process_id != instance.process_id:
        return "Versi tujuan bukan versi proses ini."
    if instance.version_id == target.id:
        return "Proses ini sudah memakai versi tersebut."
    if instance.status not in ("running", STOPPED):
        return "Proses ini sudah selesai."
    return ""


def _unsafe(diff, where: str) -> list[str]:
    """Why the instance's tasks do not fit the new spec (none: safe)."""
    place = f" (dalam proses '{where}')" if where else ""
    problems = []
    for task in diff.removed:
        if task.state & (_KEPT | _PRESENT):
            problems.append(f"langkah {_name(task)}{place} {_done(task)} dihapus")
    for task in diff.changed:
        if task.state & _KEPT or (task.state & _PRESENT and _waits_for_people(task)):
            problems.append(f"langkah {_name(task)}{place} {_done(task)} diubah")
    return problems


def _waits_for_people(task) -> bool:
    """A READY user task (in someone's inbox) or a waiting event: being worked on."""
    return getattr(task.task_spec, "manual", False) or isinstance(task.task_spec, CatchingEvent)


def _name(task) -> str:
    spec = task.task_spec
    return f"\u201c{getattr(spec, 'bpmn_name', None) or spec.bpmn_id or spec.name}\u201d"


def _done(task) -> str:
    return "yang sudah selesai" if task.state & TaskState.COMPLETED else "yang sedang berjalan"


def _migrate(workflow: BpmnWorkflow, top, inner, spec, subs) -> None:
    migrate_workflow(top, workflow, spec)
    workflow.subprocess_specs = subs
    for sp_id, diff in inner.items():
        sub = workflow.subprocesses[sp_id]
        migrate_workflow(diff, sub, subs[sub.spec.name])


def _store(session: Session, instance: Instance, workflow: BpmnWorkflow, target: ProcessVersion) -> None:
    forget_own_spec(workflow)  # from now on the target's bundle is its spec
    kept = {row.id: row for row in session.scalars(
        select(OpenTask).where(OpenTask.instance_id == instance.id))}
    instance.version_id = target.id
    instance.state_json = state_to_json(workflow)
    instance.serializer_version = SERIALIZER_VERSION
    instance.next_timer_at = next_timer_at(workflow)
    instance.updated_at = utcnow()
    session.flush()
    fresh = open_task_rows(instance, workflow)
    for row in fresh:
        old = kept.pop(row.id, None)
        if old is not None:
            row.created_at, row.due_at, row.returned = old.created_at, old.due_at, old.returned
            session.delete(old)
    for old in kept.values():
        session.delete(old)
    session.flush()
    session.add_all(fresh)
    session.flush()
