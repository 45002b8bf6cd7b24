"""Akses khusus: the service tasks that record a request, and grant or refuse it.

As the AKSES CATPERS table says, a request names its basis, its purpose and the official
who needs to read; `bpmn-models/otorisasi_akses_khusus.dmn` names who authorises it
(Kapolda or Kabid Propam). A grant lets that official, and the operator who typed the
request, read one person's catpers until it expires; the grounds in
`processes.access.grounds` honour it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select

from engine import ServiceContext, utcnow
from processes.access.models import AccessGrant
from processes.access.requests import APPROVED, REFUSED, upsert_request, waiting_request
from processes.accounts.models import User
from processes.db import audit
from processes.db.audit_actions import BERI_AKSES_KHUSUS, TOLAK_AKSES_KHUSUS
from processes.errors import Refused
from processes.workflow.services import SERVICES

AKSES_FIELDS = ("personel", "nomor_identitas", "nama", "dasar", "peminta_khusus", "kepentingan",
                "pejabat_pembaca", "alasan", "dokumen_nomor", "dokumen_jenis",
                "dokumen_tanggal", "dokumen_perihal", "dokumen_file")


@SERVICES.register("catpers.ajukan_akses_khusus")
def ajukan_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    request = upsert_request(ctx, "AKSES_KHUSUS", AKSES_FIELDS)
    request.otoritas = ctx.data.get("otorisator")
    return {"request_id": request.id}


def readers(ctx: ServiceContext, requested_by: int, username: str | None) -> list[int]:
    """Who the grant is for: the named official (an active account), then the requester."""
    found: list[int] = []
    if username:
        official = ctx.session.scalar(
            select(User.id).where(User.username == username, User.is_active.is_(True))
        )
        if official is None:
            raise Refused("Pejabat yang membaca tidak ditemukan atau akunnya tidak aktif.")
        found.append(official)
    return found + [requested_by] if requested_by not in found else found


@SERVICES.register("catpers.beri_akses_khusus")
def beri_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    """The authority agreed: the official and the requester may read this one person for
    `masa_hari` days."""
    request = waiting_request(ctx)
    days = int(ctx.data["masa_hari"])
    expires = utcnow() + timedelta(days=days)
    users = readers(ctx, request.requested_by, request.data.get("pejabat_pembaca"))
    for user_id in users:
        ctx.session.add(
            AccessGrant(
                user_id=user_id, nomor_identitas=request.nomor_identitas,
                basis=request.data["dasar"], request_id=request.id, granted_by=ctx.actor.id,
                expires_at=expires,
            )
        )
    request.status, request.decided_at = APPROVED, utcnow()
    audit.record(ctx.session, BERI_AKSES_KHUSUS, user_id=ctx.actor.id,
                 target=request.nomor_identitas, outcome=request.data["dasar"],
                 detail={"penerima": users, "sampai": expires, "permohonan": request.id,
                         "kepentingan": request.data.get("kepentingan"),
                         "otorisasi": request.otoritas, "proses": ctx.instance_id})
    return {"sampai": expires.isoformat()}


@SERVICES.register("catpers.tolak_akses_khusus")
def tolak_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    """The authority refused, with a reason: nothing is granted, the refusal is audited."""
    request = waiting_request(ctx)
    request.status, request.decided_at = REFUSED, utcnow()
    audit.record(ctx.session, TOLAK_AKSES_KHUSUS, user_id=ctx.actor.id,
                 target=request.nomor_identitas, outcome=request.data.get("dasar"),
                 detail={"pemohon": request.requested_by, "permohonan": request.id,
                         "alasan": ctx.data.get("catatan"), "otorisasi": request.otoritas,
                         "pejabat": request.data.get("pejabat_pembaca"),
                         "proses": ctx.instance_id})
    return {}
