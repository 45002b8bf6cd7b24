"""The task page: what it shows, and the reads it makes (each logged as a read of the person).

Holding a task shows its own submission (the page, its PDF) and nothing else of the person:
the page links to the person only for a user with a ground to read the whole person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

import engine
from engine import TaskInfo
from forms import file_fields
from processes.access.grounds import MENANGANI, person_ground
from processes.access.read_log import log_read
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.records import documents
from processes.records.models import Person, StoredFile
from processes.work.decision_view import DecisionView, decision_view, log_decision_view


@dataclass
class TaskPage:
    task: TaskInfo
    form: dict
    values: dict[str, Any]
    context: dict[str, Any]
    history: list[engine.HistoryEntry]
    #: The person page's token, when the user may read the whole person (not from the task).
    person_token: str | None = None
    #: What a deciding task's holder sees of the person's catpers (None: nothing to show).
    decision: DecisionView | None = None


def open_task_page(session: Session, user: User, task_id: str) -> TaskPage:
    """What the task page shows; refuses users who may not take the task."""
    task = engine.task_for(session, actor_for(user), task_id)
    form = engine.task_form(session, task)
    data = engine.instance_data(session, task.instance_id, task_id)
    prefill = form.get("ui", {}).get("prefill", True)
    values = {k: v for k, v in data.items() if prefill and not k.startswith("hasil_")}
    page = TaskPage(task, form, values, data, engine.timeline(session, task.instance_id))
    page.decision = decision_view(session, user, task, data)
    if task.business_key and person_ground(session, user, task.business_key):
        page.person_token = session.scalar(
            select(Person.token).where(Person.nomor_identitas == task.business_key)
        )
    return page


def task_file(session: Session, user: User, task_id: str, field: str) -> documents.StoredFile:
    """A PDF named by a file field of an open task, for whoever may take that task."""
    task = engine.task_for(session, actor_for(user), task_id)
    version = engine.instance_version(session, task.instance_id)
    start = engine.form_of(session, version, engine.instance_start_form(session, task.instance_id))
    if field not in file_fields(start):
        raise Forbidden("Berkas tidak ditemukan.")
    digest = engine.instance_data(session, task.instance_id, task_id).get(field)
    stored = documents.load(session, digest) if digest else None
    if stored is None:
        raise Forbidden("Berkas tidak ditemukan.")
    return stored


def log_task_view(uow: UnitOfWork, user: User, page: TaskPage, opened: bool = True) -> None:
    """A task page shows the submission about a person (`opened`: the page itself, not its
    form shown again with errors) and the catpers a decision is about: reads too."""
    task = page.task
    if not task.business_key or not (opened or page.decision):
        return
    with uow:
        if opened:
            log_read(uow.session, user, task.business_key, "TUGAS", task.instance_id, MENANGANI)
        if page.decision:
            log_decision_view(uow.session, user, task, page.decision)
        uow.commit()


def read_task_file(uow: UnitOfWork, user: User, task_id: str, field: str) -> StoredFile:
    """The PDF of a submission waiting for `user`; logged like any read of the person."""
    with uow:
        stored = task_file(uow.session, user, task_id, field)
        task = engine.task_for(uow.session, actor_for(user), task_id)
        if task.business_key:
            log_read(uow.session, user, task.business_key, "DOKUMEN_TUGAS", task.instance_id, MENANGANI)
        uow.commit()
        return stored
