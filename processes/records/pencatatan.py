"""Service tasks of the Pencatatan diagram: record the submission, then approve it."""

from __future__ import annotations

from typing import Any

from engine import ServiceContext
from processes.errors import Refused
from processes.records import statuses
from processes.records.models import Record
from processes.records.persons import apply_identity, person_for_submission
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


@SERVICES.register("catpers.ajukan_pencatatan")
def ajukan_pencatatan(ctx: ServiceContext) -> dict[str, Any]:
    """Create (or, after a correction, update) the record as DIAJUKAN (DICATAT)."""
    session, data = ctx.session, ctx.data
    person = person_for_submission(session, data)  # a known person is not renamed here
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
    """Both approvers agreed: the record becomes PROSES, and the person takes the identity
    it was submitted with (each change kept in the person's history)."""
    record = record_of_instance(ctx.session, ctx.instance_id)
    if record is None:
        raise Refused("Catatan untuk proses ini tidak ditemukan.")
    approve_submission(ctx.session, ctx)
    apply_identity(ctx.session, record.person, ctx)
    set_status(ctx.session, record, statuses.PROSES, ctx)
    return {"record_id": record.id, "status": record.status}
