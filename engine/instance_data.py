"""An instance's data as one of its tasks sees it, read without running anything."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy.orm import Session

from .errors import NotFound, TaskNotOpen
from .models import Instance, ProcessVersion
from .serialization import workflow_from_json
from .tasks import ready_user_tasks


def instance_data(session: Session, instance_id: int, task_id: str | None = None) -> dict[str, Any]:
    """The data of an instance: as a given task sees it, or as its newest task left it."""
    instance = session.get(Instance, instance_id)
    if instance is None:
        raise NotFound("Proses tidak ditemukan.")
    version = session.get(ProcessVersion, instance.version_id)
    workflow = workflow_from_json(
        instance.state_json, instance.serializer_version, version.spec_json
    )
    if task_id is not None:
        task = workflow.get_task_from_id(task_uuid(task_id))
        return dict(task.data) if task else {}
    ready = ready_user_tasks(workflow)
    source = ready[0] if ready else workflow.last_task
    return dict(source.data) if source is not None else {}


def task_uuid(task_id: str) -> UUID:
    """A task id from an address or a form; anything else is a task that is not open."""
    try:
        return UUID(task_id)
    except ValueError:
        raise TaskNotOpen("Tugas tidak ditemukan.") from None
