"""Which form an instance started with.

A version names one start form (its first user task), but a gateway before the first
user task may choose between forms on the starting data; an instance's own start form is
then the form of the first user task it completed.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import Session

from .deploy import FORM_PROPERTY
from .models import Instance, ProcessVersion, TaskHistory


@lru_cache(maxsize=64)
def _task_forms(bpmn_xml: str) -> dict[str, str]:
    """user task id -> the form it names, in a diagram."""
    found = {}
    for task in etree.fromstring(bpmn_xml.encode("utf-8")).iter("{*}userTask"):
        for prop in task.iter("{*}property"):
            if prop.get("name") == FORM_PROPERTY:
                found[task.get("id")] = prop.get("value")
    return found


def instance_start_form(session: Session, instance_id: int) -> str | None:
    """The form the instance's first completed user task used, else its version's start form."""
    version = session.execute(
        select(ProcessVersion.bpmn_xml, ProcessVersion.start_form)
        .join(Instance, Instance.version_id == ProcessVersion.id)
        .where(Instance.id == instance_id)
    ).first()
    if version is None:
        return None
    first = session.scalar(
        select(TaskHistory.task_name).where(TaskHistory.instance_id == instance_id)
        .order_by(TaskHistory.id).limit(1)
    )
    return _task_forms(version.bpmn_xml).get(first) if first else version.start_form
