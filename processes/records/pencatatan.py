"""Service tasks of the Pencatatan diagram: record the submission, then approve it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext
from processes.db.upsert import insert_if_missing
from processes.errors import Refused
from processes.records import statuses
from processes.records.models import Person, Record
from processes.records.stages import PENCATATAN
from processes.records.writes import (
    approve_submission,
    attach_document,
    open_submission,
    record_of_instance,
    set_status,
)
from processes.workflow.services import SERVICES

_RECORD_FIELDS = (
    "pangkat", "jabatan", "unit_kerja", "jenis_pelanggaran", "wujud_perbuatan", "pasal",
    "ditangani_oleh",
)


def _person(session: Session, data: dict[str, Any]) -> Person:
    number = data["nomor_identitas"]
    # Two first pencatatan of one new NRP at once: the second waits for the first's row.
    insert_if_missing(session, Person, ["nomor_identitas"], {
        "personel": data["personel"], "nomor_identitas": number, "nama": data["nama"],
    })
    person = session.scalar(select(Person).where(Person.nomor_identitas == number))
    if person.personel != data["personel"]:
        raise Refused(f"{number} sudah tercatat sebagai {person.personel}, bukan {data['personel']}.")
    person.nama = data["nama"]
    person.jenis_kelamin = data.get("jenis_kelamin") or person.jenis_kelamin
    return person


@SERVICES.register("catpers.ajukan_pencatatan")
def ajukan_pencatatan(ctx: ServiceContext) -> dict[str, Any]:
    """Create (or, after a correction, update) the record as DIAJUKAN (DICATAT)."""
    session, data = ctx.session, ctx.data
    person = _person(session, data)
    session.flush()
    record = record_of_instance(session, ctx.instance_id)
    if record is None:
        record = Record(
            person_id=person.id, instance_id=ctx.instance_id, unit_path=ctx.unit_path,
            submitted_by=ctx.started_by, status=statuses.DIAJUKAN_DICATAT,
            tahap=PENCATATAN,
        )
        session.add(record)
    record.person_id = person.id
    for field in _RECORD_FIELDS:
        setattr(record, field, data[field])
    record.uraian = data.get("uraian", "")
    session.flush()
    open_submission(session, record, PENCATATAN, ctx, {})
    attach_document(session, record, PENCATATAN, data)
    set_status(session, record, statuses.DIAJUKAN_DICATAT, ctx)
    ctx.business_key = person.nomor_identitas
    return {"record_id": record.id}


@SERVICES.register("catpers.setujui_pencatatan")
def setujui_pencatatan(ctx: ServiceContext) -> dict[str, Any]:
    """Both approvers agreed: the record becomes PROSES."""
    record = record_of_instance(ctx.session, ctx.instance_id)
    if record is None:
        raise Refused("Catatan untuk proses ini tidak ditemukan.")
    approve_submission(ctx.session, ctx)
    set_status(ctx.session, record, statuses.PROSES, ctx)
    return {"record_id": record.id, "status": record.status}
