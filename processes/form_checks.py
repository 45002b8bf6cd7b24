"""Checks a JSON Schema cannot express, per form: identity numbers, rank vs personel, dates.

`validate_form` is the validator the runtime calls for every task completion.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

import forms

from . import reference
from .identity import check_identity

Check = Callable[[Session, dict[str, Any]], dict[str, str]]

_CHECKS: dict[str, list[Check]] = {}


def check(form_name: str) -> Callable[[Check], Check]:
    def decorator(fn: Check) -> Check:
        _CHECKS.setdefault(form_name, []).append(fn)
        return fn

    return decorator


def validate_form(
    session: Session, form_name: str, form: dict, data: dict[str, Any], context: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    clean, errors = forms.validate(form, data, reference.options_source(session), context)
    for fn in _CHECKS.get(form_name, []):
        for field, message in fn(session, clean).items():
            errors.setdefault(field, message)
    return clean, errors


def identity_errors(data: dict[str, Any], number_field: str = "nomor_identitas") -> dict[str, str]:
    personel, number = data.get("personel"), data.get(number_field)
    if not personel or not number:
        return {}
    if personel == "ASN" and not data.get("jenis_kelamin"):
        return {"jenis_kelamin": "Jenis kelamin wajib diisi untuk ASN (dicocokkan dengan NIP)."}
    result = check_identity(personel, number, data.get("jenis_kelamin"))
    return {number_field: " ".join(result.errors)} if result.errors else {}


def pangkat_errors(session: Session, data: dict[str, Any]) -> dict[str, str]:
    personel, pangkat = data.get("personel"), data.get("pangkat")
    if not personel or not pangkat:
        return {}
    found = reference.item(session, "pangkat", pangkat)
    if found is not None and found.attrs.get("personel") != personel:
        kind = "golongan ASN" if personel == "ASN" else "pangkat POLRI"
        return {"pangkat": f"Untuk {personel} pilih {kind}."}
    return {}


def document_date_errors(data: dict[str, Any], field: str = "dokumen_tanggal") -> dict[str, str]:
    value = data.get(field)
    if value and isinstance(value, str) and value > date.today().isoformat():
        return {field: "Tanggal dokumen tidak boleh di masa depan."}
    return {}


@check("pencatatan-data.json")
def _pencatatan(session: Session, data: dict[str, Any]) -> dict[str, str]:
    errors = identity_errors(data)
    errors.update(pangkat_errors(session, data))
    errors.update(document_date_errors(data))
    return errors
