"""Akses khusus: the service tasks that record a request, and grant or refuse it.

A grant lets one user read one person's catpers until it expires; the grounds in
`processes.access.grounds` honour it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from engine import ServiceContext, utcnow
from processes.access.models import AccessGrant
from processes.access.requests import APPROVED, REFUSED, upsert_request, waiting_request
from processes.db import audit
from processes.db.audit_actions import BERI_AKSES_KHUSUS, TOLAK_AKSES_KHUSUS
from processes.workflow.services import SERVICES

AKSES_FIELDS = ("personel", "nomor_identitas", "nama", "dasar", "alasan", "dokumen_nomor",
                "dokumen_jenis", "dokumen_tanggal", "dokumen_perihal", "dokumen_file")


@SERVICES.register("catpers.ajukan_akses_khusus")
def ajukan_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    return {"request_id": upsert_request(ctx, "AKSES_KHUSUS", AKSES_FIELDS).id}


@SERVICES.register("catpers.beri_akses_khusus")
def beri_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    """Kabid Propam agreed: the requester may read this one person for `masa_hari` days."""
    request = waiting_request(ctx)
    days = int(ctx.data["masa_hari"])
    expires = utcnow() + timedelta(days=days)
    ctx.session.add(
        AccessGrant(
            user_id=request.requested_by, nomor_identitas=request.nomor_identitas,
            basis=request.data["dasar"], request_id=request.id, granted_by=ctx.actor.id,
            expires_at=expires,
        )
    )
    request.status, request.decided_at = APPROVED, utcnow()
    audit.record(ctx.session, BERI_AKSES_KHUSUS, user_id=ctx.actor.id,
                 target=request.nomor_identitas, outcome=request.data["dasar"],
                 detail={"penerima": request.requested_by, "sampai": expires,
                         "permohonan": request.id, "proses": ctx.instance_id})
    return {"sampai": expires.isoformat()}


@SERVICES.register("catpers.tolak_akses_khusus")
def tolak_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    request = waiting_request(ctx)
    request.status, request.decided_at = REFUSED, utcnow()
    audit.record(ctx.session, TOLAK_AKSES_KHUSUS, user_id=ctx.actor.id,
                 target=request.nomor_identitas,
                 detail={"pemohon": request.requested_by, "permohonan": request.id,
                         "proses": ctx.instance_id})
    return {}
