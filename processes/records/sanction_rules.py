"""Checks of a putusan's sanctions that a JSON Schema cannot express: an amar that imposes
sanctions lists at least one and an acquittal none, and each length within the limits its
regulation sets (reference data on the sanksi item: `lama_satuan`, `lama_min`, `lama_max`,
`lama_tetap`, `dasar`). Registered with the workflow's form-check registry."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from processes.reference import lists as reference
from processes.reference.seed_putusan import SATUAN_LABELS
from processes.workflow.form_checks import FORM_CHECKS

FIELD = "daftar_hukuman"


def _amar_errors(session: Session, data: dict[str, Any], rows: list) -> dict[str, str]:
    amar = data.get("amar_putusan")
    found = reference.item(session, "amar_putusan", amar) if amar else None
    if found is None:
        return {}
    if found.attrs.get("hukuman") and not rows:
        return {FIELD: "Putusan yang menjatuhkan hukuman wajib memuat sedikitnya satu hukuman."}
    if not found.attrs.get("hukuman") and rows:
        return {FIELD: f"Putusan \"{found.label}\" tidak memuat hukuman; kosongkan daftar hukuman."}
    return {}


def _length_error(attrs: dict[str, Any], lama: Any) -> str | None:
    """Indonesian message when `lama` breaks the sanction's limits, else None."""
    satuan = attrs.get("lama_satuan")
    if not satuan:
        return None if lama in (None, "") else "hukuman ini tidak memiliki lama; kosongkan lama."
    unit, basis = SATUAN_LABELS.get(satuan, satuan.lower()), attrs.get("dasar", "")
    basis = f" ({basis})" if basis else ""
    if lama in (None, ""):
        if attrs.get("lama_tetap"):
            return None  # the regulation fixes it
        return f"lama hukuman ini wajib diisi (dalam {unit})."
    if not isinstance(lama, int):
        return None  # the schema already says it is no whole number
    low, high = attrs.get("lama_min"), attrs.get("lama_max")
    if low is not None and low == high and lama != low:
        return f"lama hukuman ini {low} {unit}{basis}."
    if high is not None and lama > high:
        return f"lama hukuman ini paling lama {high} {unit}{basis}."
    if low is not None and lama < low:
        return f"lama hukuman ini paling singkat {low} {unit}{basis}."
    return None


def _row_errors(session: Session, rows: list) -> str | None:
    seen = set()
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not isinstance(row.get("kode"), str):
            continue
        item = reference.item(session, "sanksi", row["kode"])
        if item is None:
            continue
        if row["kode"] in seen:
            return f"Hukuman baris {number}: {item.label} sudah tercantum di baris lain."
        seen.add(row["kode"])
        message = _length_error(item.attrs or {}, row.get("lama"))
        if message:
            return f"Hukuman baris {number}: {message}"
    return None


@FORM_CHECKS.check("update-putusan.json")
def _putusan(session: Session, data: dict[str, Any]) -> dict[str, str]:
    rows = data.get(FIELD) or []
    if not isinstance(rows, list):
        return {}
    errors = _amar_errors(session, data, rows)
    if not errors and (message := _row_errors(session, rows)):
        errors[FIELD] = message
    return errors
