"""Timer events: when an instance next needs waking, and waking the ones that are due.

After each step the earliest pending timer is stored on the instance row, so finding due
instances is one indexed query; no workflow is unpacked to look.
"""

from __future__ import annotations

from datetime import UTC, datetime

from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Instance

#: SpiffWorkflow's timer event kinds: a date (timeDate), a duration, a cycle.
TIMER_EVENTS = frozenset({
    "TimeDateEventDefinition", "DurationTimerEventDefinition", "CycleTimerEventDefinition",
})


def _as_datetime(value: object) -> datetime | None:
    if isinstance(value, dict):  # a cycle: {"cycles": n, "next": iso, ...}
        value = value.get("next")
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    # Stored as UTC: SQLite keeps no offset, so a date given in another zone would drift.
    return when.astimezone(UTC) if when.tzinfo is not None else when


def next_timer_at(workflow: BpmnWorkflow) -> datetime | None:
    """The earliest time a waiting timer of `workflow` fires, if any."""
    due = [
        when for event in workflow.waiting_events()
        if event.event_type in TIMER_EVENTS and (when := _as_datetime(event.value)) is not None
    ]
    return min(due) if due else None


def take_due_instance(session: Session, now: datetime, passed: set[int]) -> int | None:
    """One due instance (not in `passed`), locked for this transaction, or None.

    PostgreSQL: SELECT ... FOR UPDATE SKIP LOCKED, so timer workers side by side each take
    a different instance and never fire one twice. SQLite has no row locks and ignores the
    clause: run one timer worker there (its writes queue on the database's one lock anyway).
    """
    return session.scalar(
        select(Instance.id)
        .where(Instance.status == "running", Instance.next_timer_at <= now,
               Instance.id.not_in(passed))
        .order_by(Instance.next_timer_at, Instance.id)
        .limit(1)
        .with_for_update(skip_locked=True)
    )


def due_instances(session: Session, now: datetime, limit: int = 100) -> list[int]:
    return list(
        session.scalars(
            select(Instance.id)
            .where(Instance.status == "running", Instance.next_timer_at <= now)
            .order_by(Instance.next_timer_at)
            .limit(limit)
        )
    )
