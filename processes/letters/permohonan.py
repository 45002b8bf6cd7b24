"""Service tasks of the permohonan SKHP / rekam jejak flow: the request, then the letter."""

from __future__ import annotations

import secrets
from typing import Any

from engine import ServiceContext, utcnow
from processes.access.requests import APPROVED, upsert_request, waiting_request
from processes.db import audit
from processes.db.audit_actions import TERBITKAN_SURAT
from processes.errors import Refused
from processes.letters import content as letter_content
from processes.letters import issue as letter_issue
from processes.letters import numbering, settings, signing
from processes.letters.models import Letter
from processes.letters.pdf.snapshot import to_json
from processes.records.on_file import as_on_file
from processes.reference import lists as reference
from processes.workflow.services import SERVICES


@SERVICES.register("catpers.kelompok_pangkat")
def kelompok_pangkat(ctx: ServiceContext) -> dict[str, Any]:
    """The rank group and ASN golongan the authority table decides on: of the person on
    file where the office knows them (the typed pangkat never chooses the approver then)."""
    known = as_on_file(ctx.session, ctx.data)
    item = reference.item(ctx.session, "pangkat", known.get("pangkat") or "")
    if item is None:
        raise Refused("Pangkat tidak dikenal.")
    if item.attrs.get("personel") not in (None, known.get("personel")):
        raise Refused(f"Pangkat {item.label} bukan pangkat/golongan {known.get('personel')}.")
    return {"kelompok_pangkat": item.attrs.get("group"), "golongan": item.attrs.get("golongan")}


PERMOHONAN_FIELDS = (
    "jenis_permohonan", "peruntukan", "keterangan_peruntukan", "kepada", "personel",
    "nomor_identitas", "nama", "jenis_kelamin", "pangkat", "jabatan", "kesatuan", "tempat_lahir",
    "tanggal_lahir", "agama", "dokumen_nomor", "dokumen_jenis", "dokumen_tanggal",
    "dokumen_perihal", "dokumen_file", "alasan_skhp_baru",
)


@SERVICES.register("catpers.ajukan_permohonan")
def ajukan_permohonan(ctx: ServiceContext) -> dict[str, Any]:
    request = upsert_request(ctx, ctx.data["jenis_permohonan"], PERMOHONAN_FIELDS)
    request.otoritas = ctx.data.get("otoritas")
    return {"request_id": request.id}


@SERVICES.register("catpers.terbitkan_surat")
def terbitkan_surat(ctx: ServiceContext, jenis: str) -> dict[str, Any]:
    """Freeze the letter's content, number it, and mark the request approved.

    The PDF is rendered and signed after the transaction commits
    (`processes.letters.issue.render_pending`); without a usable office key the approval is
    refused here, before anything is written, so no letter is ever issued unsigned.
    """
    key = signing.require_key()
    problem = settings.local_address_problem(ctx.session, demo=key.demo)
    if problem:
        raise settings.LocalAddress(problem)
    request = waiting_request(ctx)
    today = letter_content.office_today()
    nomor = numbering.letter_number(ctx.session, jenis, today)
    token = secrets.token_urlsafe(24)
    if jenis == "SKHP":
        letter = letter_content.skhp_letter(
            ctx.session, request, nomor, token, ctx.actor.id, decide=ctx.decide)
    else:
        letter = letter_content.rekam_jejak_letter(ctx.session, request, nomor, token, ctx.actor.id)
    valid_until = getattr(letter, "berlaku_sampai", None)
    ctx.session.add(
        Letter(
            jenis=jenis, nomor=nomor, request_id=request.id, nomor_identitas=request.nomor_identitas,
            nama=request.nama, pangkat=letter.identitas.pangkat, issued_on=today,
            valid_until=valid_until, issued_by=ctx.actor.id, verify_token=token,
            content=to_json(letter),
        )
    )
    letter_issue.mark_issued(ctx.session)
    request.status = APPROVED
    request.decided_at = utcnow()
    audit.record(ctx.session, TERBITKAN_SURAT, user_id=ctx.actor.id, target=request.nomor_identitas,
                 detail={"jenis": jenis, "nomor": nomor, "permohonan": request.id,
                         "proses": ctx.instance_id, "berlaku_sampai": valid_until})
    return {"nomor": nomor}
