"""A second SKHP for the same purpose while one is in force: Kabid Propam revokes the first,
or the request states why a new one is needed (field `alasan_skhp_baru`), which the
approvers read on their task pages."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.access.models import AccessRequest
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.state import BERLAKU, state_of
from processes.reference.dates import long_date
from processes.workflow.form_checks import FORM_CHECKS

REASON_FIELD = "alasan_skhp_baru"
MIN_REASON = 5


def valid_for_purpose(session: Session, nomor: str, peruntukan: str) -> Letter | None:
    """The person's SKHP in force today for `peruntukan` (a purpose code), if any."""
    today = office_today()
    rows = session.execute(
        select(Letter, AccessRequest.data).join(AccessRequest, AccessRequest.id == Letter.request_id)
        .where(Letter.nomor_identitas == nomor, Letter.jenis == "SKHP")
        .order_by(Letter.valid_until.desc())
    )
    for letter, data in rows:
        if (data or {}).get("peruntukan") == peruntukan and state_of(letter, today) == BERLAKU:
            return letter
    return None


@FORM_CHECKS.check("permohonan-catpers.json")
def _second_skhp(session: Session, data: dict[str, Any]) -> dict[str, str]:
    if data.get("jenis_permohonan") != "SKHP":
        return {}
    letter = valid_for_purpose(session, data.get("nomor_identitas", ""), data.get("peruntukan", ""))
    if letter is None or len((data.get(REASON_FIELD) or "").strip()) >= MIN_REASON:
        return {}
    return {REASON_FIELD: (
        "Personel ini masih memiliki SKHP yang berlaku untuk peruntukan yang sama (berlaku "
        f"sampai {long_date(letter.valid_until)}). Mintalah Kabid Propam mencabutnya terlebih "
        f"dahulu, atau tuliskan alasan SKHP baru diperlukan (minimal {MIN_REASON} karakter).")}
