"""The runtime wired for E-CATPERS: every area's service tasks and form checks.

Importing the areas below registers their service-task functions and form checks, so
whoever holds `RUNTIME` can run every diagram of `bpmn-models/`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

import forms
from engine import Runtime
from processes.access import grants  # noqa: F401 - registers the akses khusus service tasks
from processes.letters import permohonan, review, second_skhp  # noqa: F401 - they register
from processes.records import (  # noqa: F401 - they register
    awards,
    endings,
    form_checks,
    penanganan,
    pencatatan,
    reopening,
    request_checks,
    sanction_rules,
    sanction_services,
    updates,
)
from processes.reference import lists as reference
from processes.workflow.form_checks import FORM_CHECKS
from processes.workflow.services import SERVICES


def validate_form(
    session: Session, form_name: str, form: dict, data: dict[str, Any], context: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """The form's schema with its pick lists, then the checks registered for it."""
    clean, errors = forms.validate(form, data, reference.options_source(session), context)
    for field, message in FORM_CHECKS.errors(session, form_name, clean).items():
        errors.setdefault(field, message)
    return clean, errors


RUNTIME = Runtime(SERVICES, validate_form)
