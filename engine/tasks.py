"""The open-task table: kept in step with each instance, and read by inboxes."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Protocol

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import and_, case, delete, exists, func, or_, select
from sqlalchemy.orm import Session

from .deploy import FORM_PROPERTY
from .errors import NotAllowed, TaskNotOpen
from .models import Instance, OpenTask, ProcessVersion, TaskHistory, utcnow
from .values import Actor, InboxQuery, TaskInfo

#: Extension property: "starter" sends the task to whoever started the instance.
OWNER_PROPERTY = "owner"
#: Extension property: the hours a user task may wait before it is overdue.
DUE_HOURS_PROPERTY = "due_hours"
#: The inbox count stops here: the menu shows "99+" rather than count every open task.
COUNT_CAP = 100


def task_properties(task_spec: Any) -> dict[str, str]:
    return getattr(task_spec, "extensions", {}).get("properties", {})


def task_title(workflow: BpmnWorkflow, task: Any) -> str:
    """A task's name; in a called diagram "{caller}" is the calling activity's name."""
    title = task.task_spec.bpmn_name or task.task_spec.bpmn_id
    parent_id = getattr(task.workflow, "parent_task_id", None)
    if "{caller}" in title and parent_id is not None:
        caller = workflow.get_task_from_id(parent_id).task_spec
        title = title.replace("{caller}", caller.bpmn_name or caller.bpmn_id)
    return title


def ready_user_tasks(workflow: BpmnWorkflow) -> list[Any]:
    return workflow.get_tasks(state=TaskState.READY, manual=True)


class InstanceKeys(Protocol):
    """What an open-task row copies from its instance (an `Instance`, or a row of its columns)."""

    id: int
    process_id: str
    unit_path: str
    started_by: int
    business_key: str | None
    label: str | None
    details: dict | None


def _due_at(props: dict[str, str], now):
    try:
        hours = float(props.get(DUE_HOURS_PROPERTY, ""))
    except ValueError:  # no target set (or an unreadable one): never overdue
        return None
    return now + timedelta(hours=hours)


def _done_lanes(workflow: BpmnWorkflow) -> set[str]:
    done = workflow.get_tasks(state=TaskState.COMPLETED, manual=True)
    return {t.task_spec.lane for t in done if t.task_spec.lane}


def open_task_rows(instance: InstanceKeys, workflow: BpmnWorkflow) -> list[OpenTask]:
    """The open-task rows the instance's READY user tasks call for (not added to any session)."""
    rows, now = [], utcnow()
    ready = ready_user_tasks(workflow)
    done_lanes = _done_lanes(workflow) if ready else set()
    for task in ready:
        spec = task.task_spec
        props = task_properties(spec)
        rows.append(
            OpenTask(
                id=str(task.id),
                instance_id=instance.id,
                process_id=instance.process_id,
                task_name=spec.bpmn_id,
                title=task_title(workflow, task),
                lane=spec.lane or "",
                unit_path=instance.unit_path,
                form=props.get(FORM_PROPERTY),
                assignee_id=instance.started_by if props.get(OWNER_PROPERTY) == "starter" else None,
                business_key=instance.business_key,
                label=instance.label,
                details=instance.details,
                created_at=now,
                due_at=_due_at(props, now),
                returned=bool(spec.lane) and spec.lane in done_lanes,
            )
        )
    return rows


def sync_open_tasks(session: Session, instance: Instance, workflow: BpmnWorkflow) -> None:
    """Replace the instance's open-task rows with its READY user tasks."""
    session.execute(delete(OpenTask).where(OpenTask.instance_id == instance.id))
    session.add_all(open_task_rows(instance, workflow))


def visible_to(actor: Actor):
    """The SQL condition for tasks an actor may see and take."""
    other_lane_done = exists().where(
        TaskHistory.instance_id == OpenTask.instance_id,
        TaskHistory.user_id == actor.id,
        TaskHistory.lane != OpenTask.lane,
    )
    return (
        OpenTask.lane.in_(sorted(actor.lanes))
        & OpenTask.unit_path.startswith(actor.unit_path, autoescape=True)
        & ((OpenTask.assignee_id.is_(None)) | (OpenTask.assignee_id == actor.id))
        & ~other_lane_done
    )


def can_take_any(session: Session, actor: Actor, instance_id: int) -> bool:
    """Whether `actor` may take one of the instance's open tasks now (having worked one
    before is no such thing)."""
    waiting = exists().where(OpenTask.instance_id == instance_id, visible_to(actor))
    return bool(session.scalar(select(waiting)))


_INFO_COLUMNS = [getattr(OpenTask, f) for f in TaskInfo.__dataclass_fields__]


def inbox(session: Session, actor: Actor, query: InboxQuery | None = None) -> list[TaskInfo]:
    """One page of the actor's open tasks, as `query` narrows and sorts them: one statement
    of plain columns (the inbox is the hottest read of the app, and never unpacks a workflow)."""
    query = query or InboxQuery()
    order = (OpenTask.created_at.asc(), OpenTask.id.asc()) if query.oldest_first else (
        OpenTask.created_at.desc(), OpenTask.id.desc())
    rows = session.execute(
        select(*_INFO_COLUMNS)
        .where(visible_to(actor), *_narrowed(query))
        .order_by(*order)
        .limit(query.limit)
    )
    return [TaskInfo(*row) for row in rows]


def _narrowed(query: InboxQuery) -> list[Any]:
    conditions = []
    if query.process_id:
        conditions.append(OpenTask.process_id == query.process_id)
    if query.task_name:
        conditions.append(OpenTask.task_name == query.task_name)
    if query.unit_path:
        conditions.append(OpenTask.unit_path.startswith(query.unit_path, autoescape=True))
    if query.overdue:
        conditions.append(OpenTask.due_at < utcnow())
    if query.search:
        term = query.search.strip()
        conditions.append(or_(
            OpenTask.business_key == term,
            func.lower(OpenTask.label).startswith(term.lower(), autoescape=True),
        ))
    if query.after:
        at, task_id = query.after
        if query.oldest_first:
            conditions.append(or_(OpenTask.created_at > at,
                                  and_(OpenTask.created_at == at, OpenTask.id > task_id)))
        else:
            conditions.append(or_(OpenTask.created_at < at,
                                  and_(OpenTask.created_at == at, OpenTask.id < task_id)))
    return conditions


def inbox_count(session: Session, actor: Actor, cap: int = COUNT_CAP) -> int:
    """How many tasks wait for the actor, counted up to `cap` only (the menu shows "99+"):
    each page shows it, so it must not grow with the open-task table."""
    capped = select(OpenTask.id).where(visible_to(actor)).limit(cap).subquery()
    return session.scalar(select(func.count()).select_from(capped))


def instance_tasks(session: Session, instance_id: int) -> list[TaskInfo]:
    rows = session.scalars(select(OpenTask).where(OpenTask.instance_id == instance_id))
    return [to_info(row) for row in rows]


def to_info(row: OpenTask) -> TaskInfo:
    return TaskInfo(
        id=row.id,
        instance_id=row.instance_id,
        process_id=row.process_id,
        task_name=row.task_name,
        title=row.title,
        lane=row.lane,
        unit_path=row.unit_path,
        form=row.form,
        assignee_id=row.assignee_id,
        business_key=row.business_key,
        created_at=row.created_at,
        label=row.label,
        details=row.details,
        due_at=row.due_at,
        returned=row.returned,
    )


def open_task_for(session: Session, actor: Actor, task_id: str) -> OpenTask:
    """The open task row if `actor` may take it; refuses with the reason otherwise.

    One statement reads the row and whether `actor` may take it: read apart, a task
    completed in between would look like a task `actor` may not take.
    """
    found = session.execute(
        select(OpenTask, case((visible_to(actor), True), else_=False)).where(OpenTask.id == task_id)
    ).first()
    if found is None:
        raise TaskNotOpen(completion_message(session, task_id))
    row, allowed = found
    if not allowed:
        raise NotAllowed(refusal_message(session, actor, row))
    return row


def task_for(session: Session, actor: Actor, task_id: str) -> TaskInfo:
    return to_info(open_task_for(session, actor, task_id))


def completion_message(session: Session, task_id: str) -> str:
    done = session.scalar(select(TaskHistory).where(TaskHistory.task_id == task_id))
    if done is None:
        return "Tugas tidak ditemukan atau sudah tidak aktif."
    return f"Tugas ini sudah diselesaikan oleh {done.user_name}."


def refusal_message(session: Session, actor: Actor, row: OpenTask) -> str:
    other_lane = session.scalar(
        select(TaskHistory.lane).where(
            TaskHistory.instance_id == row.instance_id,
            TaskHistory.user_id == actor.id,
            TaskHistory.lane != row.lane,
        )
    )
    if other_lane is not None and row.lane in actor.lanes:
        return (
            f"Pemisahan tugas: Anda sudah bertindak sebagai {other_lane} pada proses ini, "
            f"sehingga tidak dapat mengerjakan tugas {row.lane}."
        )
    return "Anda tidak berwenang mengerjakan tugas ini."


#: The user tasks of each deployed version, parsed once (a version's spec never changes).
_STEPS: dict[int, list[tuple[str, str]]] = {}


def _user_tasks(node: Any) -> list[tuple[str, str]]:
    if isinstance(node, dict):
        if node.get("typename") == "UserTask" and node.get("bpmn_id"):
            return [(node["bpmn_id"], node.get("bpmn_name") or node["bpmn_id"])]
        return [step for value in node.values() for step in _user_tasks(value)]
    if isinstance(node, list):
        return [step for value in node for step in _user_tasks(value)]
    return []


def user_steps(session: Session) -> dict[str, list[tuple[str, str]]]:
    """(task name, title) of every user task of each current process, by process id."""
    current = session.execute(
        select(ProcessVersion.id, ProcessVersion.process_id).where(ProcessVersion.is_current.is_(True))
    ).all()
    missing = [vid for vid, _ in current if vid not in _STEPS]
    if missing:
        for vid, spec_json in session.execute(
            select(ProcessVersion.id, ProcessVersion.spec_json).where(ProcessVersion.id.in_(missing))
        ):
            _STEPS[vid] = sorted(set(_user_tasks(json.loads(spec_json))), key=lambda s: s[1])
    return {process_id: _STEPS[vid] for vid, process_id in current}
