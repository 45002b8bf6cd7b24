"""Permohonan rows: one per request instance (SKHP, rekam jejak, akses khusus), kept in
step with the instance by the service tasks of the access and letters flows."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext
from processes.access.models import AccessRequest
from processes.db import audit
from processes.db.audit_actions import TAMBAH_PERMOHONAN, UBAH_PERMOHONAN
from processes.errors import Refused
from processes.records.on_file import FROM_FILE, as_on_file
from processes.records.persons import IdentityDifference
from processes.records.writes import describe_subject
from processes.reference import lists as reference

WAITING, APPROVED, REFUSED = "MENUNGGU", "DISETUJUI", "DITOLAK"
#: What the audit log keeps of a request's change.
AUDITED = ("jenis", "nomor_identitas", "nama", "status", "data")


def request_of(ctx: ServiceContext) -> AccessRequest | None:
    return ctx.session.scalar(
        select(AccessRequest).where(AccessRequest.instance_id == ctx.instance_id)
    )


def waiting_request(ctx: ServiceContext) -> AccessRequest:
    """The instance's request, which must still wait for its decision."""
    request = request_of(ctx)
    if request is None or request.status != WAITING:
        raise Refused("Permohonan untuk proses ini tidak ditemukan.")
    return request


def upsert_request(ctx: ServiceContext, jenis: str, fields: tuple[str, ...]) -> AccessRequest:
    """Record (or, after a correction, refresh) the instance's request as waiting, with the
    personel, pangkat and kesatuan of the person on file where the office knows them."""
    data = ctx.data
    known = {k: v for k, v in as_on_file(ctx.session, data).items() if v}
    request = request_of(ctx)
    before = audit.snapshot(request, AUDITED) if request else {}
    if request is None:
        request = AccessRequest(instance_id=ctx.instance_id, requested_by=ctx.started_by)
        ctx.session.add(request)
    request.jenis = jenis
    request.nomor_identitas = data["nomor_identitas"]
    request.nama = data["nama"]
    request.status = WAITING
    request.data = {**{k: data[k] for k in fields if data.get(k) is not None}, **known}
    ctx.business_key = data["nomor_identitas"]
    # The inbox line is typed text: the requester's own inbox never shows what is on file.
    describe_subject(ctx, data["nama"], data.get("pangkat"))
    ctx.session.flush()
    audit.record_change(
        ctx.session, UBAH_PERMOHONAN if before else TAMBAH_PERMOHONAN, user_id=ctx.actor.id,
        target=request.nomor_identitas, before=before, after=audit.snapshot(request, AUDITED),
        permohonan=request.id, proses=ctx.instance_id,
    )
    return request


#: How an approver reads a request's field that the person on file decided.
ON_FILE_TITLES = {"personel": "POLRI/ASN", "pangkat": "Pangkat", "kesatuan": "Kesatuan"}
ON_FILE_NOTE = "Data personel tercatat; dipakai untuk otoritas persetujuan dan isi surat"


def on_file_differences(
    session: Session, instance_id: int, data: dict[str, Any]
) -> list[IdentityDifference]:
    """Where a waiting request typed other facts than the person on file: the stored ones
    decided. Only for an approver who reads the person (the caller checks)."""
    request = session.scalar(select(AccessRequest).where(AccessRequest.instance_id == instance_id))
    if request is None:
        return []
    found = []
    for field, lst in FROM_FILE.items():
        typed, stored = data.get(field), (request.data or {}).get(field)
        if typed and stored and typed != stored:
            found.append(IdentityDifference(
                ON_FILE_TITLES[field], reference.label_of(session, lst, stored),
                reference.label_of(session, lst, typed), False, ON_FILE_NOTE))
    return found
