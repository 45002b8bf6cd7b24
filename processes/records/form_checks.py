"""Checks of the record forms a JSON Schema cannot express: identity numbers, rank vs
personel, document dates. Registered with the workflow's form-check registry."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from processes.records.identity import check_identity
from processes.reference import lists as reference
from processes.workflow.form_checks import FORM_CHECKS


def identity_errors(
    data: dict[str, Any], number_field: str = "nomor_identitas", *, with_gender: bool = True
) -> dict[str, str]:
    """The NRP/NIP checks; `with_gender=False` for a form that asks no jenis kelamin (the
    NIP is then checked without its gender digit being compared)."""
    personel, number = data.get("personel"), data.get(number_field)
    if not personel or not number:
        return {}
    if with_gender and personel == "ASN" and not data.get("jenis_kelamin"):
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


@FORM_CHECKS.check("pencatatan-data.json")
def _pencatatan(session: Session, data: dict[str, Any]) -> dict[str, str]:
    errors = identity_errors(data)
    errors.update(pangkat_errors(session, data))
    errors.update(document_date_errors(data))
    return errors
