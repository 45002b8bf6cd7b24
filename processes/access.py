"""Who may read what: one place for the record and instance read rules."""

from __future__ import annotations

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from engine import Actor, visible_to
from engine.models import OpenTask, TaskHistory

from .accounts import actor_for
from .errors import Forbidden
from .models import Person, Record, Submission, User
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


def readable_records(user: User) -> Select:
    """The one rule for reading records, as a query: all for view-all roles; otherwise the
    records the user submitted, or whose flows they worked or may work now."""
    query = select(Record).join(Person, Person.id == Record.person_id)
    if user.role in VIEW_ALL_ROLES:
        return query
    worked = select(TaskHistory.instance_id).where(TaskHistory.user_id == user.id)
    waiting = select(OpenTask.instance_id).where(visible_to(actor_for(user)))
    involved = select(Submission.record_id).where(
        or_(Submission.instance_id.in_(worked), Submission.instance_id.in_(waiting))
    )
    return query.where(or_(Record.submitted_by == user.id, Record.id.in_(involved)))


def can_view_record(session: Session, user: User, record: Record) -> bool:
    found = session.scalar(readable_records(user).where(Record.id == record.id).limit(1))
    return found is not None


def readable_record(session: Session, user: User, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None or not can_view_record(session, user, record):
        raise Forbidden("Anda tidak berwenang membaca catatan personel ini.")
    return record
