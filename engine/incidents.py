"""Incidents: a step of an instance that failed at run time (diagram code, a decision
table, a service task), recorded so an administrator can see it and retry it.

The runtime rolls the failed step back to a savepoint, stores the instance as it stood
before the step with status "stopped", and records the incident beside it; the caller
commits both. Nothing here knows what the diagrams are about.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from SpiffWorkflow.util.task import TaskState
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .errors import EngineError, NotFound, ScriptError, ServiceError
from .models import Incident, Instance, as_utc, utcnow
from .values import Actor

OPEN, RESOLVED, RETRIED = "open", "resolved", "retried"
STOPPED = "stopped"


@dataclass(frozen=True)
class IncidentInfo:
    id: int
    instance_id: int
    process_id: str
    element_id: str
    element_name: str
    error: str
    occurred_at: datetime
    actor_id: int
    actor_name: str
    status: str
    resolved_at: datetime | None
    resolved_by_name: str | None


class ProcessStopped(EngineError):
    """A step failed: the instance stopped there and an incident was recorded.

    The caller should commit (the user's own step and the incident are kept).
    """

    def __init__(self, incident: IncidentInfo) -> None:
        super().__init__(
            "Proses berhenti karena kesalahan pada diagram "
            f"(langkah \u201c{incident.element_name}\u201d); pemilik proses telah diberi tahu."
        )
        self.incident = incident


@dataclass(frozen=True)
class Failure:
    element_id: str
    element_name: str
    error: str


def failure_of(err: BaseException, workflow: BpmnWorkflow) -> Failure:
    """Where a step failed (SpiffWorkflow leaves that task in ERROR) and why, in words."""
    failed = workflow.get_tasks(state=TaskState.ERROR)
    spec = failed[0].task_spec if failed else None
    element_id = getattr(spec, "bpmn_id", None) or "?"
    element_name = getattr(spec, "bpmn_name", None) or element_id
    if isinstance(err, (ScriptError, ServiceError)):
        error = str(err)
    else:
        error = f"Kesalahan tak terduga ({type(err).__name__}: {err})."
    return Failure(element_id, element_name, error)


def record(
    session: Session, instance: Instance, actor: Actor, failure: Failure
) -> IncidentInfo:
    row = Incident(
        instance_id=instance.id, process_id=instance.process_id,
        element_id=failure.element_id[:100], element_name=failure.element_name[:200],
        error=failure.error, occurred_at=utcnow(), actor_id=actor.id,
        actor_name=actor.name, actor_lanes=sorted(actor.lanes),
        actor_unit_path=actor.unit_path, status=OPEN,
    )
    session.add(row)
    session.flush()
    return to_info(row)


def open_row(session: Session, incident_id: int) -> Incident:
    row = session.get(Incident, incident_id)
    if row is None:
        raise NotFound("Insiden tidak ditemukan.")
    return row


def actor_of(row: Incident) -> Actor:
    """The user whose step failed, as they were then: a retry runs the step as them."""
    return Actor(row.actor_id, row.actor_name, frozenset(row.actor_lanes), row.actor_unit_path)


def close(row: Incident, by: Actor, status: str) -> IncidentInfo:
    row.status, row.resolved_at = status, utcnow()
    row.resolved_by, row.resolved_by_name = by.id, by.name
    return to_info(row)


def incident_list(session: Session, open_only: bool = True, limit: int = 200) -> list[IncidentInfo]:
    """Incidents, newest first (only the open ones unless asked)."""
    query = select(Incident).order_by(Incident.occurred_at.desc(), Incident.id.desc())
    if open_only:
        query = query.where(Incident.status == OPEN)
    return [to_info(row) for row in session.scalars(query.limit(limit))]


def incident_count(session: Session) -> int:
    """How many incidents wait for an administrator."""
    return session.scalar(select(func.count()).select_from(Incident).where(Incident.status == OPEN))


def incident_info(session: Session, incident_id: int) -> IncidentInfo:
    return to_info(open_row(session, incident_id))


def to_info(row: Incident) -> IncidentInfo:
    return IncidentInfo(
        id=row.id, instance_id=row.instance_id, process_id=row.process_id,
        element_id=row.element_id, element_name=row.element_name, error=row.error,
        occurred_at=as_utc(row.occurred_at), actor_id=row.actor_id, actor_name=row.actor_name,
        status=row.status, resolved_at=as_utc(row.resolved_at),
        resolved_by_name=row.resolved_by_name,
    )


