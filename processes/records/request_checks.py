"""Checks of the request forms (permohonan SKHP / rekam jejak, akses khusus): the same
identity rules as pencatatan, so an ASN with 8 digits, an invalid NIP or a Polri rank
for an ASN is refused before any authority is chosen. Registered with the workflow's
form-check registry; the person on file then decides the routing (`on_file`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from processes.records.form_checks import document_date_errors, identity_errors, pangkat_errors
from processes.workflow.form_checks import FORM_CHECKS


@FORM_CHECKS.check("permohonan-catpers.json")
def _permohonan(session: Session, data: dict[str, Any]) -> dict[str, str]:
    errors = identity_errors(data)
    errors.update(pangkat_errors(session, data))
    errors.update(document_date_errors(data))
    return errors


@FORM_CHECKS.check("akses-khusus.json")
def _akses_khusus(session: Session, data: dict[str, Any]) -> dict[str, str]:
    errors = identity_errors(data, with_gender=False)
    errors.update(document_date_errors(data))
    return errors
