"""One lock order for every writer of an instance: its row first, before anything else.

Concurrent completions of one instance then queue on that lock instead of deadlocking
on the rows their steps write (record, submission, open tasks); the later one finds the
task gone and is told who completed it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session, SessionTransaction

from .errors import NotAllowed, NotFound, TaskNotOpen
from .models import Instance, OpenTask, ProcessVersion
from .tasks import completion_message, refusal_message, to_info, visible_to
from .values import Actor, TaskInfo


def lock_instance(session: Session, instance_id: int) -> Instance:
    """The instance row, locked until this transaction ends.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks: a no-op UPDATE takes its
    one write lock now, before any other row is written.
    """
    if session.get_bind().dialect.name == "sqlite":
        table = Instance.__table__
        session.execute(
            update(table).where(table.c.id == instance_id).values(lock_version=table.c.lock_version)
        )
    instance = session.scalar(
        select(Instance).where(Instance.id == instance_id).with_for_update()
        .execution_options(populate_existing=True)
    )
    if instance is None:
        raise NotFound("Proses tidak ditemukan.")
    return instance


#: session.info key: what this session's transaction has locked and reads again.
_LOCKED = "engine.locked_tasks"


def lock_open_task(session: Session, actor: Actor, task_id: str) -> OpenTask:
    """The open task `actor` may take, with its instance locked; refused if it was
    completed by someone else while this one waited for the lock.

    One joined statement reads the task, whether `actor` may take it, its instance (locked)
    and its version, so a completion starts with everything it needs. SQLite has no row
    locks: its one write lock is taken first (a no-op UPDATE of the task's instance), after
    which nothing can change under the read. PostgreSQL locks the instance row with the
    read; a task completed while this one waited for the lock is seen by reading it again.

    `lock_task` keeps the row for the next ask in the same transaction (the use case stores
    uploads under the lock, then the runtime completes the task): that one is answered
    without a statement. It is answered once: a later ask reads again.
    """
    held = _locked(session)
    if (task_id, actor.id) in held["tasks"]:
        return held["tasks"].pop((task_id, actor.id))
    sqlite = session.get_bind().dialect.name == "sqlite"
    if sqlite:
        table = Instance.__table__
        owner = select(OpenTask.instance_id).where(OpenTask.id == task_id).scalar_subquery()
        session.execute(
            update(table).where(table.c.id == owner).values(lock_version=table.c.lock_version)
        )
    query = (
        select(Instance, OpenTask, case((visible_to(actor), True), else_=False), ProcessVersion)
        .join(Instance, Instance.id == OpenTask.instance_id)
        .join(ProcessVersion, ProcessVersion.id == Instance.version_id)
        .where(OpenTask.id == task_id)
        .execution_options(populate_existing=True)
    )
    if not sqlite:
        query = query.with_for_update(of=Instance.__table__)
    found = session.execute(query).first()
    if found is None:
        raise TaskNotOpen(completion_message(session, task_id))
    instance, row, allowed, version = found
    if not allowed:
        raise NotAllowed(refusal_message(session, actor, row))
    if not sqlite and session.scalar(select(OpenTask.id).where(OpenTask.id == task_id)) is None:
        raise TaskNotOpen(completion_message(session, task_id))
    # The identity map holds objects weakly: kept here, the runtime finds them without a read.
    held["objects"].extend((instance, version))
    return row


def _locked(session: Session) -> dict[str, Any]:
    """What the session's current (outermost) transaction has locked and keeps."""
    transaction: SessionTransaction | None = session.get_transaction()
    held = session.info.get(_LOCKED)
    if held is None or held[0] is not transaction:
        held = session.info[_LOCKED] = (transaction, {"tasks": {}, "objects": []})
    return held[1]


def lock_task(session: Session, actor: Actor, task_id: str) -> TaskInfo:
    """`lock_open_task` as a value: for a caller that writes (stores uploads) before
    completing the task, so that it too takes the instance lock first."""
    row = lock_open_task(session, actor, task_id)
    _locked(session)["tasks"][task_id, actor.id] = row
    return to_info(row)
