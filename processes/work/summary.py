"""A read-only summary of a submission, for the approver's task page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

import engine
import forms
from processes.access.grounds import person_ground
from processes.access.requests import on_file_differences
from processes.accounts.models import User
from processes.records.persons import IdentityDifference, pending_differences
from processes.reference import lists as reference
from processes.reference.dates import long_date


@dataclass(frozen=True)
class SummaryLine:
    name: str
    title: str
    value: str
    widget: str


def submission_summary(session: Session, page: Any) -> list[SummaryLine]:
    """The start form's fields with the values the instance holds now, choices as labels.

    For the task that is itself the start form (the form shows everything), only what a
    service task set out for it under `ringkasan` ([[title, value], ...]): a process that
    the system started (tinjau SKHP) has no submission to show.
    """
    version = engine.instance_version(session, page.task.instance_id)
    # A gateway may have chosen the start form (the Mabes form of a putusan): the
    # instance's own, not the version's first.
    start_form = engine.instance_start_form(session, page.task.instance_id)
    if not start_form or start_form == page.task.form:
        return [SummaryLine(f"ringkasan-{n}", str(title), str(value), "text")
                for n, (title, value) in enumerate(page.context.get("ringkasan") or [])]
    start = engine.form_of(session, version, start_form)
    lines = []
    views = forms.layout(start, page.context, {}, reference.options_source(session), page.context)
    for section in views:
        for field in section.fields:
            value = field.value
            if field.choices:
                value = dict(field.choices).get(value, value)
            elif field.widget == "date":
                value = long_date(value) if value else value
            lines.append(SummaryLine(field.name, field.title, str(value or "–"), field.widget))
    return lines


def identity_differences(session: Session, user: User, page: Any) -> list[IdentityDifference]:
    """What the submission says differently from the stored person, for an approver who may
    read the person: a task alone (the submitter's own form included) never tells what is
    stored about the person, nor that other records exist."""
    if not page.task.business_key or not person_ground(session, user, page.task.business_key):
        return []
    if engine.instance_start_form(session, page.task.instance_id) == page.task.form:
        return []
    return (pending_differences(session, page.task.instance_id, page.context)
            or on_file_differences(session, page.task.instance_id, page.context))
