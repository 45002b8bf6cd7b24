"""Tinjau SKHP: a new catpers recorded for a person holding a valid SKHP goes to Kabid
Propam, who revokes the letter or keeps it with a note (`bpmn-models/tinjau_skhp.bpmn`).

The diagram is started from `processes.records.hooks` when a pencatatan is approved (the
approval diagrams stay as they are), one instance per valid SKHP, in that transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext
from processes.db import audit
from processes.db.audit_actions import PERTAHANKAN_SURAT
from processes.errors import Refused
from processes.letters.content import office_today
from processes.letters.issue import revoke_letter
from processes.letters.models import Letter
from processes.letters.state import BERLAKU, state_of
from processes.records.hooks import on_recorded
from processes.records.models import Record
from processes.records.writes import describe_subject
from processes.reference import lists as reference
from processes.reference.dates import long_date
from processes.workflow.services import SERVICES

TINJAU_SKHP = "tinjau_skhp"


def valid_skhp(session: Session, nomor: str) -> list[Letter]:
    """The person's SKHPs in force today (BERLAKU), oldest first."""
    today = office_today()
    letters = session.scalars(
        select(Letter).where(Letter.nomor_identitas == nomor, Letter.jenis == "SKHP")
        .order_by(Letter.issued_on, Letter.id)
    )
    return [letter for letter in letters if state_of(letter, today) == BERLAKU]


@on_recorded
def review_valid_skhp(ctx: ServiceContext, record: Record) -> None:
    """A new catpers is on file: each valid SKHP of the person goes to Kabid Propam."""
    for letter in valid_skhp(ctx.session, record.person.nomor_identitas):
        ctx.launch(TINJAU_SKHP, record.unit_path, {"letter_id": letter.id, "record_id": record.id})


def _letter(ctx: ServiceContext) -> Letter:
    letter = ctx.session.get(Letter, ctx.data.get("letter_id") or 0)
    if letter is None:
        raise Refused("SKHP yang ditinjau tidak ditemukan.")
    return letter


@SERVICES.register("catpers.muat_tinjau_skhp")
def muat_tinjau_skhp(ctx: ServiceContext) -> dict[str, Any]:
    """Name the person for the inbox, and what Kabid Propam reads on the task page."""
    letter = _letter(ctx)
    record = ctx.session.get(Record, ctx.data.get("record_id") or 0)
    if record is None:
        raise Refused("Catatan baru yang memicu tinjauan tidak ditemukan.")
    ctx.business_key = letter.nomor_identitas
    describe_subject(ctx, letter.nama, record.pangkat)
    session = ctx.session
    content = letter.content or {}
    ctx.data["ringkasan"] = [
        ["SKHP", f"{letter.nomor} ({long_date(letter.issued_on)})"],
        ["Peruntukan", content.get("peruntukan", "–")],
        ["Kesimpulan pada SKHP", content.get("kesimpulan") or "–"],
        ["Berlaku sampai", long_date(letter.valid_until) if letter.valid_until else "–"],
        ["Catatan baru", "{} — {}".format(
            reference.label_of(session, "jenis_pelanggaran", record.jenis_pelanggaran),
            reference.label_of(session, "wujud_perbuatan", record.wujud_perbuatan))],
        ["Satuan kerja", reference.label_of(session, "unit", record.unit_kerja)],
    ]
    return {"nomor_surat": letter.nomor}


@SERVICES.register("catpers.cabut_skhp_tinjauan")
def cabut_skhp_tinjauan(ctx: ServiceContext) -> dict[str, Any]:
    """Kabid Propam revokes the letter (the form asked for the password); one revoked
    meanwhile from the letters list stays as it was."""
    letter = _letter(ctx)
    if letter.revoked_at is None:
        revoke_letter(ctx.session, ctx.actor.id, letter, ctx.data.get("catatan", ""),
                      proses=ctx.instance_id)
    return {"dicabut": True}


@SERVICES.register("catpers.pertahankan_skhp")
def pertahankan_skhp(ctx: ServiceContext) -> dict[str, Any]:
    """Kabid Propam keeps the letter in force; the note is audited."""
    letter = _letter(ctx)
    audit.record(ctx.session, PERTAHANKAN_SURAT, user_id=ctx.actor.id, target=letter.nomor_identitas,
                 detail={"nomor": letter.nomor, "catatan": ctx.data.get("catatan", ""),
                         "catatan_baru": ctx.data.get("record_id"), "proses": ctx.instance_id})
    return {"dicabut": False}
