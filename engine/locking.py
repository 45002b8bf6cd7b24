"""One lock order for every writer of an instance: its row first, before anything else.

Concurrent completions of one instance then queue on that lock instead of deadlocking
on the rows their steps write (record, submission, open tasks); the later one finds the
task gone and is told who completed it.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session, SessionTransaction

from .errors import NotFound, TaskNotOpen
from .models import Instance, OpenTask
from .tasks import completion_message, open_task_for, to_info
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


#: session.info key: the open tasks this session's transaction has already locked.
_LOCKED = "engine.locked_tasks"


def lock_open_task(session: Session, actor: Actor, task_id: str) -> OpenTask:
    """The open task `actor` may take, with its instance locked; refused if it was
    completed by someone else while this one waited for the lock.

    `lock_task` keeps the row for the next ask in the same transaction (the use case stores
    uploads under the lock, then the runtime completes the task): that one is answered
    without a statement, as the lock holds until the transaction ends and nobody can have
    changed the row meanwhile. It is answered once: a later ask reads again.
    """
    held = _locked(session).pop((task_id, actor.id), None)
    if held is not None:
        return held
    row = open_task_for(session, actor, task_id)
    lock_instance(session, row.instance_id)
    if session.scalar(select(OpenTask.id).where(OpenTask.id == task_id)) is None:
        raise TaskNotOpen(completion_message(session, task_id))
    return row


def _locked(session: Session) -> dict[tuple[str, int], OpenTask]:
    """The tasks locked by the session's current (outermost) transaction."""
    transaction: SessionTransaction | None = session.get_transaction()
    held = session.info.get(_LOCKED)
    if held is None or held[0] is not transaction:
        held = session.info[_LOCKED] = (transaction, {})
    return held[1]


def lock_task(session: Session, actor: Actor, task_id: str) -> TaskInfo:
    """`lock_open_task` as a value: for a caller that writes (stores uploads) before
    completing the task, so that it too takes the instance lock first."""
    row = lock_open_task(session, actor, task_id)
    _locked(session)[task_id, actor.id] = row
    return to_info(row)
