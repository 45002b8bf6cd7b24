"""The akses khusus in force on a person, as their page shows them: who reads, on which
basis and purpose, authorised by whom, until when. The basis and purpose are labelled as
the request form labels them (forms/akses-khusus.json), the one place they are named."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from engine import utcnow
from processes.access.models import AccessGrant, AccessRequest
from processes.accounts.models import User
from processes.workflow.paths import FORMS_DIR


@dataclass(frozen=True)
class GrantView:
    reader: str
    basis: str
    kepentingan: str
    granted_by: str
    expires_at: datetime


@lru_cache(maxsize=1)
def _labels() -> dict[str, dict[str, str]]:
    fields = json.loads((FORMS_DIR / "akses-khusus.json").read_text("utf-8"))["ui"]["fields"]
    return {name: hints.get("labels", {}) for name, hints in fields.items()}


def label(field: str, code: str | None) -> str:
    return _labels().get(field, {}).get(code or "", code or "–")


def active_grants(session: Session, nomor_identitas: str) -> list[GrantView]:
    """The person's grants not yet expired, the latest to end first."""
    reader, authority = aliased(User), aliased(User)
    rows = session.execute(
        select(AccessGrant, AccessRequest.data, reader.full_name, authority.full_name)
        .join(AccessRequest, AccessRequest.id == AccessGrant.request_id)
        .join(reader, reader.id == AccessGrant.user_id)
        .join(authority, authority.id == AccessGrant.granted_by)
        .where(AccessGrant.nomor_identitas == nomor_identitas,
               AccessGrant.expires_at > utcnow())
        .order_by(AccessGrant.expires_at.desc(), AccessGrant.id)
    )
    return [
        GrantView(reader_name, label("dasar", grant.basis),
                  label("kepentingan", (data or {}).get("kepentingan")), by, grant.expires_at)
        for grant, data, reader_name, by in rows
    ]
