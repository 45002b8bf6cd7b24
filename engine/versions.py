"""Reading deployed versions as `VersionInfo` values, and the bundles stored with them.

Only the small columns are selected: a version's spec, forms and diagram are large, and a
page listing what may be started must not load them. A form is read when asked for.
"""

from __future__ import annotations

import json
from functools import lru_cache

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from .errors import NotFound
from .models import Instance, ProcessVersion
from .values import TaskInfo, VersionInfo

_INFO_COLUMNS = (
    ProcessVersion.id,
    ProcessVersion.process_id,
    ProcessVersion.name,
    ProcessVersion.start_lane,
    ProcessVersion.start_form,
)


def _infos() -> Select:
    return select(*_INFO_COLUMNS)


def _current(process_id: str) -> ColumnElement[bool]:
    return (ProcessVersion.process_id == process_id) & ProcessVersion.is_current.is_(True)


def _not_deployed(process_id: str) -> NotFound:
    return NotFound(f"Proses '{process_id}' belum dipasang.")


def current_version(session: Session, process_id: str) -> VersionInfo:
    row = session.execute(_infos().where(_current(process_id))).first()
    if row is None:
        raise _not_deployed(process_id)
    return VersionInfo(*row)


def current_row(session: Session, process_id: str) -> ProcessVersion:
    """The whole current row, spec included: for the runtime to start an instance."""
    version = session.scalar(select(ProcessVersion).where(_current(process_id)))
    if version is None:
        raise _not_deployed(process_id)
    return version


def current_versions(session: Session) -> list[VersionInfo]:
    """The current version of every deployed process, by name."""
    rows = session.execute(
        _infos().where(ProcessVersion.is_current.is_(True)).order_by(ProcessVersion.name)
    )
    return [VersionInfo(*row) for row in rows]


def instance_version(session: Session, instance_id: int) -> VersionInfo:
    """The version an instance runs (not necessarily the current one)."""
    row = session.execute(
        _infos()
        .join(Instance, Instance.version_id == ProcessVersion.id)
        .where(Instance.id == instance_id)
    ).first()
    if row is None:
        raise NotFound("Proses tidak ditemukan.")
    return VersionInfo(*row)


def bundled_form(forms_json: str, name: str | None) -> dict:
    """A form out of a version's bundle; a task that names none has no fields.

    The definition is shared by every caller (parsed once per bundle): read it, never change it.
    """
    if name is None:
        return {"schema": {"type": "object", "properties": {}}}
    return _bundle(forms_json)[name]


@lru_cache(maxsize=64)
def _bundle(forms_json: str) -> dict[str, dict]:
    # A deployed version never changes, so its parsed forms are kept per process, keyed by
    # the text itself: several processes each keep their own, and none can be stale.
    return json.loads(forms_json)


def form_of(session: Session, version: VersionInfo, name: str | None) -> dict:
    """The definition of a form bundled with `version`."""
    if name is None:
        return bundled_form("{}", None)
    forms = session.scalar(select(ProcessVersion.forms_json).where(ProcessVersion.id == version.id))
    return bundled_form(forms, name)


def task_form(session: Session, task: TaskInfo) -> dict:
    """The form definition of an open task, from the version its instance runs.

    Read through the session's identity map: after `lock_task` the instance is there, and
    the version row read here is the one the runtime completes the task with.
    """
    instance = session.get(Instance, task.instance_id)
    if instance is None:
        raise NotFound("Proses tidak ditemukan.")
    return bundled_form(session.get(ProcessVersion, instance.version_id).forms_json, task.form)


def diagram_xml(session: Session, instance_id: int) -> str:
    """The BPMN diagram an instance runs, as deployed."""
    xml = session.scalar(
        select(ProcessVersion.bpmn_xml)
        .join(Instance, Instance.version_id == ProcessVersion.id)
        .where(Instance.id == instance_id)
    )
    if xml is None:
        raise NotFound("Proses tidak ditemukan.")
    return xml
