"""Service tasks of the Pencatatan diagram: record the submission, then approve it."""

from __future__ import annotations

from typing import Any

from engine import ServiceContext
from processes.db import audit
from processes.db.audit_actions import (
    TAMBAH_CATATAN,
    TAMBAH_PERSONEL,
    UBAH_CATATAN,
    UBAH_PERSONEL,
)
from processes.errors import Refused
from processes.records import hooks, statuses
from processes.records.models import Person, Record
from processes.records.persons import apply_identity, person_for_submission
from processes.records.stages import PENCATATAN
from processes.records.writes import (
    approve_submission,
    attach_document,
    audit_record_change,
    describe_subject,
    open_submission,
    record_of_instance,
    set_status,
)
from processes.workflow.services import SERVICES

_RECORD_FIELDS = (
    "pangkat", "jabatan", "unit_kerja", "jenis_pelanggaran", "wujud_perbuatan", "pasal",
    "ditangani_oleh",
)
#: What the audit log keeps of a person's and a record's changes (not row stamps).
PERSON_AUDITED = ("personel", "nomor_identitas", "nama", "jenis_kelamin")
NOT_AUDITED = ("created_at", "updated_at")


@SERVICES.register("catpers.ajukan_pencatatan")
def ajukan_pencatatan(ctx: ServiceContext) -> dict[str, Any]:
    """Create (or, after a correction, update) the record as DIAJUKAN (DICATAT)."""
    session, data = ctx.session, ctx.data
    person, created = person_for_submission(session, data)  # a known person is not renamed
    if created:
        audit.record_change(session, TAMBAH_PERSONEL, user_id=ctx.actor.id,
                            target=person.nomor_identitas, before={},
                            after=audit.snapshot(person, PERSON_AUDITED), proses=ctx.instance_id)
    record = record_of_instance(session, ctx.instance_id)
    record_before = audit.snapshot(record, exclude=NOT_AUDITED) if record else {}
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
    audit_record_change(session, UBAH_CATATAN if record_before else TAMBAH_CATATAN, ctx, record,
                        record_before, audit.snapshot(record, exclude=NOT_AUDITED))
    open_submission(session, record, PENCATATAN, ctx, {})
    attach_document(session, record, PENCATATAN, data, ctx)
    set_status(session, record, statuses.DIAJUKAN_DICATAT, ctx)
    ctx.business_key = person.nomor_identitas
    describe_subject(ctx, person.nama, record.pangkat)
    return {"record_id": record.id}


@SERVICES.register("catpers.setujui_pencatatan")
def setujui_pencatatan(ctx: ServiceContext) -> dict[str, Any]:
    """Both approvers agreed: the record becomes PROSES, and the person takes the identity
    it was submitted with (each change kept in the person's history and the audit log)."""
    record = record_of_instance(ctx.session, ctx.instance_id)
    if record is None:
        raise Refused("Catatan untuk proses ini tidak ditemukan.")
    approve_submission(ctx.session, ctx)
    person: Person = record.person
    before = audit.snapshot(person, PERSON_AUDITED)
    apply_identity(ctx.session, person, ctx)
    audit.record_change(ctx.session, UBAH_PERSONEL, user_id=ctx.actor.id,
                        target=person.nomor_identitas, before=before,
                        after=audit.snapshot(person, PERSON_AUDITED), proses=ctx.instance_id)
    set_status(ctx.session, record, statuses.PROSES, ctx)
    hooks.recorded(ctx, record)  # e.g. a valid SKHP of the person goes to Kabid for review
    return {"record_id": record.id, "status": record.status}
