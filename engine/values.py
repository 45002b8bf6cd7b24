"""Plain values the runtime hands out, so callers never touch SpiffWorkflow objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Actor:
    """Who acts: the lanes they may work in and the unit subtree they cover.

    `unit_path` is an opaque "/a/b/" path; a task is visible when its own unit path
    starts with the actor's (the actor's unit or a unit below it).
    """

    id: int
    name: str
    lanes: frozenset[str]
    unit_path: str

    def covers(self, unit_path: str) -> bool:
        return unit_path.startswith(self.unit_path)


@dataclass(frozen=True)
class TaskInfo:
    id: str
    instance_id: int
    process_id: str
    task_name: str
    title: str
    lane: str
    unit_path: str
    form: str | None
    assignee_id: int | None
    business_key: str | None
    created_at: datetime
    label: str | None = None
    details: dict[str, Any] | None = None
    due_at: datetime | None = None
    returned: bool = False


@dataclass(frozen=True)
class InboxQuery:
    """What an inbox read narrows to, how it is sorted, and where its page starts.

    `after` is the (created_at, id) of the last row of the previous page (keyset paging);
    `search` matches the business key exactly or the label by its start, case-insensitively.
    """

    process_id: str | None = None
    task_name: str | None = None
    unit_path: str | None = None
    overdue: bool = False
    search: str | None = None
    oldest_first: bool = False
    after: tuple[datetime, str] | None = None
    limit: int = 50


@dataclass(frozen=True)
class VersionInfo:
    """A deployed version of a diagram; its forms are read through `form_of`."""

    id: int
    process_id: str
    name: str
    #: The lane and form of the first user task: who may start it, and with what.
    start_lane: str | None
    start_form: str | None


@dataclass(frozen=True)
class HistoryEntry:
    task_id: str
    task_name: str
    title: str
    lane: str | None
    user_id: int
    user_name: str
    completed_at: datetime
    outcome: str | None
    data: dict[str, Any]


@dataclass(frozen=True)
class InstanceInfo:
    id: int
    process_id: str
    process_name: str
    version_id: int
    status: str
    business_key: str | None
    started_by: int
    unit_path: str
    created_at: datetime
    updated_at: datetime
    data: dict[str, Any] = field(default_factory=dict)
