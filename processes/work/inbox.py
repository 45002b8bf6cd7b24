"""The inbox page: one page of the user's open tasks with what each row shows (person,
process and step by label, unit, who submitted it, waiting time, overdue and returned marks),
the filters' choices, and where the next page starts.

The rows come from one plain-column read of the open-task table (`engine.inbox`): no
workflow is unpacked. What a row says about its person was put on the task by the diagram's
services (`processes.records.writes.describe_subject`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

import engine
from engine import InboxQuery, TaskInfo, as_utc, utcnow
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.reference.admin import units

PAGE_SIZE = 50


@dataclass(frozen=True)
class InboxRow:
    task: TaskInfo
    process_name: str
    unit_name: str
    nama: str
    pangkat: str
    pengaju: str
    waiting: str
    overdue: bool


@dataclass(frozen=True)
class InboxPage:
    rows: list[InboxRow]
    processes: list[tuple[str, str]]
    steps: list[tuple[str, str]]
    units: list[tuple[str, str]]
    #: The cursor of the next page ("created_at|id"), or None on the last page.
    next_after: str | None


def parse_after(value: str | None) -> tuple[datetime, str] | None:
    """The keyset cursor a page link carries; anything unreadable starts at the first page."""
    if not value or "|" not in value:
        return None
    at, task_id = value.split("|", 1)
    try:
        return datetime.fromisoformat(at), task_id[:36]
    except ValueError:
        return None


def waiting_time(since: datetime, now: datetime) -> str:
    """How long a task has waited, as an office says it ("3 hari 2 jam", "45 menit")."""
    span = max(now - as_utc(since), timedelta(0))
    days, hours, minutes = span.days, span.seconds // 3600, span.seconds % 3600 // 60
    if days:
        return f"{days} hari {hours} jam" if hours else f"{days} hari"
    if hours:
        return f"{hours} jam {minutes} menit" if minutes else f"{hours} jam"
    return f"{minutes} menit"


def _overdue(due_at: datetime | None, now: datetime) -> bool:
    return due_at is not None and as_utc(due_at) < now


def inbox_page(session: Session, user: User, query: InboxQuery) -> InboxPage:
    """One page of `user`'s inbox as `query` narrows and sorts it."""
    actor = actor_for(user)
    tasks = engine.inbox(session, actor, InboxQuery(**{**query.__dict__, "limit": PAGE_SIZE + 1}))
    names = {v.process_id: v.name for v in engine.current_versions(session)}
    unit_list = [(u.path, u.name) for u in units(session) if u.path.startswith(actor.unit_path)]
    unit_names = dict(unit_list)
    now = utcnow()
    rows = [_row(t, names, unit_names, now) for t in tasks[:PAGE_SIZE]]
    last = tasks[PAGE_SIZE - 1] if len(tasks) > PAGE_SIZE else None
    by_process = engine.user_steps(session)
    if query.process_id:
        steps = by_process.get(query.process_id, [])
    else:
        steps = sorted({s for listed in by_process.values() for s in listed}, key=lambda s: s[1])
    return InboxPage(
        rows=rows,
        processes=sorted(names.items(), key=lambda item: item[1]),
        steps=steps,
        units=unit_list,
        next_after=f"{last.created_at.isoformat()}|{last.id}" if last else None,
    )


def _row(task: TaskInfo, names: dict[str, str], unit_names: dict[str, str], now) -> InboxRow:
    details = task.details or {}
    return InboxRow(
        task=task,
        process_name=names.get(task.process_id, task.process_id),
        unit_name=unit_names.get(task.unit_path, "–"),
        nama=task.label or "–",
        pangkat=details.get("pangkat", ""),
        pengaju=details.get("pengaju", "–"),
        waiting=waiting_time(task.created_at, now),
        overdue=_overdue(task.due_at, now),
    )
