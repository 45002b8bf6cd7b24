"""Permohonan on the Dasbor's counters: each request counts under its requester's unit
(and its Polda's roll-up), its month, jenis and status (`processes/records/counters.py` keeps them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.access.models import AccessRequest
from processes.accounts.models import Unit, User
from processes.records import counters


def _unit_path(session: Session, user_id: int | None) -> str:
    if user_id is None:
        return ""
    query = select(Unit.path).join(User, User.unit_id == Unit.id).where(User.id == user_id)
    return session.connection().execute(query).scalar() or ""


def request_facts(unit_path: str, get: Callable[[str], Any]) -> counters.Facts | None:
    """A permohonan's facts; the Dasbor's own-requests count uses it too."""
    if get("jenis") is None or get("status") is None:
        return None
    return counters.Facts(counters.PERMOHONAN, unit_path, counters.month_of(get("created_at")),
                          {"status": get("status"), "jenis": get("jenis")})


def _facts(session: Session, get: Callable[[str], Any]) -> counters.Facts | None:
    return request_facts(_unit_path(session, get("requested_by")), get)


counters.track(AccessRequest, ("requested_by", "created_at", "status", "jenis"), _facts)
