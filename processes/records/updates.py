"""Service tasks of Update I–IV and Pemutakhiran.

Which update may follow which is decided by the diagrams' gateways, on the facts
`muat_catatan` loads; these functions only record what was submitted and approved.
"""

from __future__ import annotations

from typing import Any

from engine import ServiceContext
from processes.db.audit_actions import UBAH_CATATAN
from processes.errors import Refused
from processes.records import sanctions, statuses
from processes.records.models import Record
from processes.records.stages import PEMUTAKHIRAN, PUTUSAN_FIELDS, TAHAP_FIELDS
from processes.records.writes import (
    DOCUMENT_FIELDS,
    approve_submission,
    attach_document,
    audit_record_change,
    describe_subject,
    open_submission,
    record_of_instance,
    set_status,
    submission_of,
)
from processes.workflow.services import SERVICES

#: Where `muat_catatan` puts the record's facts in the instance data (the diagrams'
#: resultVariable; the approvers' own `catatan` field must not collide with it).
FACTS = "fakta_catatan"

def _record(ctx: ServiceContext) -> Record:
    record = ctx.session.get(Record, int(ctx.data.get("record_id") or 0))
    if record is None:
        raise Refused("Catatan tidak ditemukan.")
    return record


def record_facts(record: Record) -> dict[str, Any]:
    """The facts the diagrams' gateways and form filters decide on."""
    status = statuses.STATUSES[record.status]
    return {
        "id": record.id,
        "jenis_pelanggaran": record.jenis_pelanggaran,
        "personel": record.person.personel,
        "tahap": record.tahap,
        "status": record.status,
        "menunggu": status.waiting,
        "fase": status.phase,
        # Update II–IV ask for the Mabes document instead (the diagrams' Gateway_Mabes).
        "ditangani_mabes": record.ditangani_mabes,
    }


@SERVICES.register("catpers.muat_catatan")
def muat_catatan(ctx: ServiceContext) -> dict[str, Any]:
    """Put the record's facts into the instance. Reads only."""
    record = _record(ctx)
    ctx.business_key = record.person.nomor_identitas
    describe_subject(ctx, record.person.nama, record.pangkat)
    return record_facts(record)


@SERVICES.register("catpers.tolak")
def tolak(ctx: ServiceContext, pesan: str) -> None:
    """A diagram's gateway said no: refuse with its message, nothing is written."""
    raise Refused(pesan)


@SERVICES.register("catpers.ajukan_update")
def ajukan_update(
    ctx: ServiceContext, tahap: str, status: str, hasil: str | None = None
) -> dict[str, Any]:
    """Record the submission; `status` (from the diagram) is what the record shows meanwhile.

    `hasil`, for a putusan, is the status its approval will give (the diagram's decision
    table): one the table does not know is refused now, not at the last approval.
    """
    if status not in statuses.STATUSES or not statuses.STATUSES[status].waiting:
        raise Refused(f"Status menunggu {status} tidak dikenal.")
    if hasil is not None and _putusan_status(hasil) is None:
        raise Refused("Amar putusan ini belum dipetakan ke status catatan pada tabel keputusan "
                      "status_putusan; hubungi pemilik proses.")
    record = _record(ctx)
    if record.id != ctx.data.get(FACTS, {}).get("id"):
        raise Refused("Data catatan pada pengajuan tidak cocok.")
    fields = {k: ctx.data.get(k) for k in TAHAP_FIELDS[tahap] if ctx.data.get(k) is not None}
    if TAHAP_FIELDS[tahap] == PUTUSAN_FIELDS:
        fields["hukuman"] = sanctions.describe(ctx.session, fields.get("daftar_hukuman") or [])
    fields.update({k: ctx.data[k] for k in DOCUMENT_FIELDS})
    open_submission(ctx.session, record, tahap, ctx, fields)
    if record.status != status:
        set_status(ctx.session, record, status, ctx)
    return {"record_id": record.id}


def _putusan_status(status: str) -> statuses.Status | None:
    found = statuses.STATUSES.get(status)
    return found if found is not None and not found.waiting and found.phase != statuses.MENUNGGU \
        else None


def approved_phases(tahap: str) -> frozenset[str]:
    """An approved pemutakhiran ends the case; Update I keeps it running; a putusan does
    either (a sanction → PENGAWASAN, an acquittal → its final status)."""
    if tahap == PEMUTAKHIRAN:
        return frozenset({statuses.TUTUP})
    if TAHAP_FIELDS[tahap] == PUTUSAN_FIELDS:
        return frozenset({statuses.AKTIF, statuses.TUTUP})
    return frozenset({statuses.AKTIF})


@SERVICES.register("catpers.setujui_update")
def setujui_update(ctx: ServiceContext, tahap: str, status: str) -> dict[str, Any]:
    """Both approvers agreed: the record takes `status`, which the diagram names."""
    found = statuses.STATUSES.get(status)
    if found is None or found.waiting or found.phase not in approved_phases(tahap):
        # The diagram's parameter (or its pemutakhiran mapping) names a status that does
        # not fit this tahap: a diagram error, so nothing is written.
        raise Refused(f"Status {status} tidak sesuai untuk {tahap}.")
    record = record_of_instance(ctx.session, ctx.instance_id)
    submission = submission_of(ctx.session, ctx.instance_id)
    if record is None or submission is None or submission.tahap != tahap:
        raise Refused("Pengajuan untuk proses ini tidak ditemukan.")
    approve_submission(ctx.session, ctx)
    attach_document(ctx.session, record, tahap, submission.data, ctx)
    if tahap != PEMUTAKHIRAN:
        audit_record_change(ctx.session, UBAH_CATATAN, ctx, record, {"tahap": record.tahap},
                            {"tahap": tahap})
        record.tahap = tahap
    if TAHAP_FIELDS[tahap] == PUTUSAN_FIELDS:
        sanctions.record_sanctions(ctx.session, record, tahap, ctx.instance_id,
                                   submission.data.get("daftar_hukuman") or [])
    set_status(ctx.session, record, status, ctx)
    return {"record_id": record.id, "status": status, "tahap": tahap}
