"""Reading instances and their timelines (completed tasks)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import NotFound
from .models import Instance, ProcessVersion, TaskHistory
from .values import HistoryEntry, InstanceInfo


def timeline(session: Session, instance_id: int) -> list[HistoryEntry]:
    rows = session.scalars(
        select(TaskHistory)
        .where(TaskHistory.instance_id == instance_id)
        .order_by(TaskHistory.completed_at, TaskHistory.id)
    )
    return [
        HistoryEntry(
            task_id=r.task_id,
            task_name=r.task_name,
            title=r.title,
            lane=r.lane,
            user_id=r.user_id,
            user_name=r.user_name,
            completed_at=r.completed_at,
            outcome=r.outcome,
            data=r.data,
        )
        for r in rows
    ]


def instance_info(session: Session, instance_id: int) -> InstanceInfo:
    row = session.execute(
        select(Instance, ProcessVersion.name)
        .join(ProcessVersion, ProcessVersion.id == Instance.version_id)
        .where(Instance.id == instance_id)
    ).first()
    if row is None:
        raise NotFound("Proses tidak ditemukan.")
    inst, name = row
    return InstanceInfo(
        id=inst.id,
        process_id=inst.process_id,
        process_name=name,
        version_id=inst.version_id,
        status=inst.status,
        business_key=inst.business_key,
        started_by=inst.started_by,
        unit_path=inst.unit_path,
        created_at=inst.created_at,
        updated_at=inst.updated_at,
    )


def count_instances(session: Session, status: str | None = None) -> int:
    """How many instances there are (with the given status: "running" or "complete")."""
    query = select(func.count()).select_from(Instance)
    if status is not None:
        query = query.where(Instance.status == status)
    return session.scalar(query)


def instance_statuses(session: Session, instance_ids: Iterable[int]) -> dict[int, str]:
    """The status of each instance that exists among `instance_ids` (one query)."""
    ids = sorted(set(instance_ids))
    if not ids:
        return {}
    rows = session.execute(select(Instance.id, Instance.status).where(Instance.id.in_(ids)))
    return dict(rows.all())
