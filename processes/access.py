"""Who may read what: one place for the record and instance read rules."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from engine import Actor
from engine.models import OpenTask, TaskHistory

from .accounts import actor_for
from .models import Record, User
from .roles import VIEW_ALL_ROLES


def involved_in_instance(session: Session, actor: Actor, instance_id: int) -> bool:
    """The actor worked a task of the instance, or may take one of its open tasks."""
    worked = session.scalar(
        select(exists().where(TaskHistory.instance_id == instance_id, TaskHistory.user_id == actor.id))
    )
    if worked:
        return True
    return bool(
        session.scalar(
            select(
                exists().where(
                    OpenTask.instance_id == instance_id,
                    OpenTask.lane.in_(sorted(actor.lanes)),
                    OpenTask.unit_path.startswith(actor.unit_path, autoescape=True),
                )
            )
        )
    )


def can_view_instance(session: Session, user: User, instance_id: int, started_by: int) -> bool:
    if user.role in VIEW_ALL_ROLES or user.id == started_by:
        return True
    return involved_in_instance(session, actor_for(user), instance_id)


def can_view_record(session: Session, user: User, record: Record) -> bool:
    return can_view_instance(session, user, record.instance_id, record.submitted_by)
