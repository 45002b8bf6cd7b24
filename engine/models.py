"""Tables the workflow runtime owns: deployed versions, instances, open tasks, history.

Nothing here knows what the diagrams are about; users are plain integer ids and
organisation units are opaque path strings ("/a/b/") given by the caller.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime | None) -> datetime | None:
    """A stored time as an aware UTC time: SQLite hands back naive datetimes, and every time
    stored here is UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class EngineBase(DeclarativeBase):
    pass


class ProcessVersion(EngineBase):
    """One deployed diagram (plus the forms it uses), stored once per content hash."""

    __tablename__ = "wf_process_version"
    __table_args__ = (UniqueConstraint("process_id", "content_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[str] = mapped_column(String(100), index=True)
    name: Mapped[str] = mapped_column(String(200))
    content_hash: Mapped[str] = mapped_column(String(64))
    source_file: Mapped[str] = mapped_column(String(200))
    # Only the diagram viewer needs it: not loaded with the row.
    bpmn_xml: Mapped[str] = mapped_column(Text, deferred=True)
    spec_json: Mapped[str] = mapped_column(Text)
    forms_json: Mapped[str] = mapped_column(Text)
    # The decision tables (DMN XML by file name) the diagram calls, bundled with it.
    decisions_json: Mapped[str] = mapped_column(Text, default="{}")
    # The first user task, so "who may start this" needs no workflow to be built.
    start_lane: Mapped[str | None] = mapped_column(String(100))
    start_form: Mapped[str | None] = mapped_column(String(200))
    deployed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    is_current: Mapped[bool] = mapped_column(default=True)


class Instance(EngineBase):
    __tablename__ = "wf_instance"

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[str] = mapped_column(String(100), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("wf_process_version.id"))
    status: Mapped[str] = mapped_column(String(20), default="running", index=True)
    business_key: Mapped[str | None] = mapped_column(String(100), index=True)
    # What the caller names the instance's subject by (searchable), and more words to show
    # with its tasks; the engine only copies both onto the open-task rows.
    label: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict | None] = mapped_column(JSON)
    started_by: Mapped[int] = mapped_column(Integer)
    unit_path: Mapped[str] = mapped_column(String(400))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Earliest waiting timer (UTC), so due instances are found without unpacking any.
    next_timer_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    serializer_version: Mapped[str] = mapped_column(String(20))
    state_json: Mapped[str] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": lock_version}  # noqa: RUF012  # noqa: RUF012 - SQLAlchemy reads it


class OpenTask(EngineBase):
    """A READY user task: the only table an inbox reads."""

    __tablename__ = "wf_open_task"
    __table_args__ = (
        Index("ix_wf_open_task_lane_unit", "lane", "unit_path"),
        # The inbox reads a lane newest (or oldest) first, and searches by business key.
        Index("ix_wf_open_task_lane_created", "lane", "created_at"),
        Index("ix_wf_open_task_business_key", "business_key"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    instance_id: Mapped[int] = mapped_column(
        ForeignKey("wf_instance.id", ondelete="CASCADE"), index=True
    )
    process_id: Mapped[str] = mapped_column(String(100))
    task_name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    lane: Mapped[str] = mapped_column(String(100))
    unit_path: Mapped[str] = mapped_column(String(400))
    form: Mapped[str | None] = mapped_column(String(200))
    assignee_id: Mapped[int | None] = mapped_column(Integer, index=True)
    business_key: Mapped[str | None] = mapped_column(String(100))
    label: Mapped[str | None] = mapped_column(String(200))
    details: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # created_at plus the user task's `due_hours` property; none when the diagram sets none.
    due_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The work came back to a lane that had already done its part in this instance.
    returned: Mapped[bool] = mapped_column(default=False)


class TaskHistory(EngineBase):
    """Every completed user task, for the instance timeline and segregation of duties."""

    __tablename__ = "wf_task_history"
    # Segregation of duties asks "has this user acted on this instance" on every inbox and
    # completion; a race loser is told who completed the task by its id.
    __table_args__ = (
        Index("ix_wf_task_history_instance_user", "instance_id", "user_id"),
        Index("ix_wf_task_history_task_id", "task_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(
        ForeignKey("wf_instance.id", ondelete="CASCADE"), index=True
    )
    task_id: Mapped[str] = mapped_column(String(36))
    task_name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    lane: Mapped[str | None] = mapped_column(String(100))
    user_id: Mapped[int] = mapped_column(Integer, index=True)
    user_name: Mapped[str] = mapped_column(String(200))
    completed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    outcome: Mapped[str | None] = mapped_column(String(50))
    data: Mapped[dict] = mapped_column(JSON)


class Incident(EngineBase):
    """A step of an instance that failed at run time: what, where, when, and for whom.

    The actor is kept whole (lanes, unit) because a retry runs the step again as them.
    """

    __tablename__ = "wf_incident"

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(
        ForeignKey("wf_instance.id", ondelete="CASCADE"), index=True
    )
    process_id: Mapped[str] = mapped_column(String(100))
    element_id: Mapped[str] = mapped_column(String(100))
    element_name: Mapped[str] = mapped_column(String(200))
    error: Mapped[str] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor_id: Mapped[int] = mapped_column(Integer)
    actor_name: Mapped[str] = mapped_column(String(200))
    actor_lanes: Mapped[list] = mapped_column(JSON)
    actor_unit_path: Mapped[str] = mapped_column(String(400))
    #: "open", then "resolved" (a retry went through) or "retried" (it failed again).
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by: Mapped[int | None] = mapped_column(Integer)
    resolved_by_name: Mapped[str | None] = mapped_column(String(200))
