"""Service tasks of the access flows: permohonan SKHP / rekam jejak, and akses khusus."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from engine import ServiceContext
from engine.models import utcnow

from . import letter_content, numbering, reference
from .access_models import AccessGrant, AccessRequest, Letter
from .errors import Refused
from .letters.snapshot import to_json
from .service_registry import SERVICES

WAITING, APPROVED, REFUSED = "MENUNGGU", "DISETUJUI", "DITOLAK"


def _request(ctx: ServiceContext) -> AccessRequest | None:
    return ctx.session.scalar(select(AccessRequest).where(AccessRequest.instance_id == ctx.instance_id))


def _upsert_request(ctx: ServiceContext, jenis: str, fields: tuple[str, ...]) -> AccessRequest:
    data = ctx.data
    request = _request(ctx)
    if request is None:
        request = AccessRequest(instance_id=ctx.instance_id, requested_by=ctx.started_by)
        ctx.session.add(request)
    request.jenis = jenis
    request.nomor_identitas = data["nomor_identitas"]
    request.nama = data["nama"]
    request.state = WAITING
    request.data = {k: data[k] for k in fields if data.get(k) is not None}
    ctx.business_key = data["nomor_identitas"]
    ctx.session.flush()
    return request


@SERVICES.register("catpers.kelompok_pangkat")
def kelompok_pangkat(ctx: ServiceContext) -> dict[str, Any]:
    """The rank group and ASN golongan the authority table decides on."""
    item = reference.item(ctx.session, "pangkat", ctx.data.get("pangkat", ""))
    if item is None:
        raise Refused("Pangkat tidak dikenal.")
    return {"kelompok_pangkat": item.attrs.get("group"), "golongan": item.attrs.get("golongan")}


PERMOHONAN_FIELDS = (
    "jenis_permohonan", "peruntukan", "keterangan_peruntukan", "kepada", "personel",
    "nomor_identitas", "nama", "jenis_kelamin", "pangkat", "jabatan", "kesatuan", "tempat_lahir",
    "tanggal_lahir", "agama", "dokumen_nomor", "dokumen_jenis", "dokumen_tanggal",
    "dokumen_perihal", "dokumen_file",
)


@SERVICES.register("catpers.ajukan_permohonan")
def ajukan_permohonan(ctx: ServiceContext) -> dict[str, Any]:
    request = _upsert_request(ctx, ctx.data["jenis_permohonan"], PERMOHONAN_FIELDS)
    request.otoritas = ctx.data.get("otoritas")
    return {"request_id": request.id}


@SERVICES.register("catpers.terbitkan_surat")
def terbitkan_surat(ctx: ServiceContext, jenis: str) -> dict[str, Any]:
    """Freeze the letter's content, number it, and mark the request approved.

    The PDF is rendered after the transaction commits (`letter_issue.render_pending`).
    """
    request = _request(ctx)
    if request is None or request.state != WAITING:
        raise Refused("Permohonan untuk proses ini tidak ditemukan.")
    today = letter_content.office_today()
    nomor = numbering.letter_number(ctx.session, jenis, today)
    token = secrets.token_urlsafe(24)
    if jenis == "SKHP":
        letter = letter_content.skhp_letter(
            ctx.session, request, nomor, token, ctx.actor.id,
            counts_as=lambda status: ctx.decide("temuan_skhp", {"status": status})["temuan"],
        )
    else:
        letter = letter_content.rekam_jejak_letter(ctx.session, request, nomor, token, ctx.actor.id)
    valid_until = getattr(letter, "berlaku_sampai", None)
    ctx.session.add(
        Letter(
            kind=jenis, nomor=nomor, request_id=request.id, nomor_identitas=request.nomor_identitas,
            nama=request.nama, pangkat=letter.identitas.pangkat, issued_on=today,
            valid_until=valid_until, issued_by=ctx.actor.id, verify_token=token,
            content=to_json(letter),
        )
    )
    request.state = APPROVED
    request.decided_at = utcnow()
    return {"nomor": nomor}


AKSES_FIELDS = ("personel", "nomor_identitas", "nama", "dasar", "alasan", "dokumen_nomor",
                "dokumen_jenis", "dokumen_tanggal", "dokumen_perihal", "dokumen_file")


@SERVICES.register("catpers.ajukan_akses_khusus")
def ajukan_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    return {"request_id": _upsert_request(ctx, "AKSES_KHUSUS", AKSES_FIELDS).id}


@SERVICES.register("catpers.beri_akses_khusus")
def beri_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    """Kabid Propam agreed: the requester may read this one person for `masa_hari` days."""
    request = _request(ctx)
    if request is None or request.state != WAITING:
        raise Refused("Permohonan untuk proses ini tidak ditemukan.")
    days = int(ctx.data["masa_hari"])
    expires = utcnow() + timedelta(days=days)
    ctx.session.add(
        AccessGrant(
            user_id=request.requested_by, nomor_identitas=request.nomor_identitas,
            basis=request.data["dasar"], request_id=request.id, granted_by=ctx.actor.id,
            expires_at=expires,
        )
    )
    request.state, request.decided_at = APPROVED, utcnow()
    return {"sampai": expires.isoformat()}


@SERVICES.register("catpers.tolak_akses_khusus")
def tolak_akses_khusus(ctx: ServiceContext) -> dict[str, Any]:
    request = _request(ctx)
    if request is None or request.state != WAITING:
        raise Refused("Permohonan untuk proses ini tidak ditemukan.")
    request.state, request.decided_at = REFUSED, utcnow()
    return {}
