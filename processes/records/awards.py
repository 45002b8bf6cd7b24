"""Penghargaan: the service tasks and form check of `bpmn-models/penghargaan.bpmn`, and the
awards of one person as the person page and the rekam jejak read them.

Nothing is written while the submission waits (the instance holds what was typed, as a
task's data); both approvers' SETUJU writes the award, and the person when the office did
not know them yet. A refusal in the shared approval chain has nothing to step back, so it
leaves only its audit row (`endings.on_refused`). A known person is never renamed by an
award: identity changes come with an approved pencatatan or the data induk.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext, utcnow
from processes.db import audit
from processes.db.audit_actions import TAMBAH_PENGHARGAAN, TAMBAH_PERSONEL, TOLAK_PENGHARGAAN
from processes.errors import Refused
from processes.records import endings
from processes.records.award_models import Award
from processes.records.form_checks import document_date_errors, identity_errors, pangkat_errors
from processes.records.models import Person
from processes.records.pencatatan import PERSON_AUDITED
from processes.records.persons import person_for_submission
from processes.records.writes import describe_subject
from processes.reference import lists as reference
from processes.reference.dates import long_date
from processes.workflow.form_checks import FORM_CHECKS
from processes.workflow.services import SERVICES

PROCESS_ID = "penghargaan"
AUDITED = ("jenis", "nomor_keputusan", "tanggal_keputusan", "pemberi", "uraian", "pangkat",
           "jabatan", "unit_kerja", "file_hash")


@FORM_CHECKS.check("penghargaan.json")
def _penghargaan(session: Session, data: dict[str, Any]) -> dict[str, str]:
    errors = identity_errors(data, with_gender=False)
    errors.update(pangkat_errors(session, data))
    errors.update(document_date_errors(data, "tanggal_keputusan"))
    return errors


@SERVICES.register("catpers.ajukan_penghargaan")
def ajukan_penghargaan(ctx: ServiceContext) -> dict[str, Any]:
    """Name the submission's person for the approvers' inbox; nothing is on file yet."""
    ctx.business_key = ctx.data["nomor_identitas"]
    describe_subject(ctx, ctx.data["nama"], ctx.data.get("pangkat"))
    return {"diajukan": True}


@SERVICES.register("catpers.catat_penghargaan")
def catat_penghargaan(ctx: ServiceContext) -> dict[str, Any]:
    """Both approvers agreed: the award goes on the person's rekam jejak."""
    session, data = ctx.session, ctx.data
    if session.scalar(select(Award.id).where(Award.instance_id == ctx.instance_id)):
        raise Refused("Penghargaan untuk proses ini sudah tercatat.")
    person, created = person_for_submission(session, data)
    if created:
        audit.record_change(session, TAMBAH_PERSONEL, user_id=ctx.actor.id,
                            target=person.nomor_identitas, before={},
                            after=audit.snapshot(person, PERSON_AUDITED), proses=ctx.instance_id)
    award = Award(
        person_id=person.id, instance_id=ctx.instance_id, jenis=data["jenis_penghargaan"],
        nomor_keputusan=data["nomor_keputusan"],
        tanggal_keputusan=date.fromisoformat(data["tanggal_keputusan"]),
        pemberi=data["pemberi"], uraian=data.get("uraian") or "", pangkat=data["pangkat"],
        jabatan=data["jabatan"], unit_kerja=data["unit_kerja"], file_hash=data["dokumen_file"],
        unit_path=ctx.unit_path, submitted_by=ctx.started_by, approved_by=ctx.actor.id,
        approved_at=utcnow(),
    )
    session.add(award)
    session.flush()
    audit.record_change(session, TAMBAH_PENGHARGAAN, user_id=ctx.actor.id,
                        target=person.nomor_identitas, before={},
                        after=audit.snapshot(award, AUDITED), proses=ctx.instance_id)
    return {"award_id": award.id}


@endings.on_refused(PROCESS_ID)
def _refused(ctx: ServiceContext, reason: str) -> None:
    audit.record_change(ctx.session, TOLAK_PENGHARGAAN, user_id=ctx.actor.id,
                        target=str(ctx.data.get("nomor_identitas") or ""), before={},
                        after={"alasan_akhir": reason}, proses=ctx.instance_id)


@dataclass(frozen=True)
class AwardView:
    """One award in words: what the person page and the rekam jejak print."""

    award: Award
    jenis: str
    keputusan: str
    pemberi: str
    uraian: str


def person_awards(session: Session, person: Person | None) -> list[AwardView]:
    """The person's awards on file, oldest keputusan first."""
    if person is None:
        return []
    names = reference.labels(session, "jenis_penghargaan")
    rows = session.scalars(select(Award).where(Award.person_id == person.id)
                           .order_by(Award.tanggal_keputusan, Award.id))
    return [
        AwardView(a, names.get(a.jenis, a.jenis),
                  f"{a.nomor_keputusan} ({long_date(a.tanggal_keputusan)})", a.pemberi, a.uraian)
        for a in rows
    ]
