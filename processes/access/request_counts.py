"""Permohonan on the Dasbor's counters: each request counts under its requester's unit,
its month, jenis and status (`processes/records/counters.py` keeps them)."""

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


def _request_key(session: Session, get: Callable[[str], Any]) -> counters.CountKey | None:
    if get("jenis") is None or get("status") is None:
        return None
    return counters.CountKey(counters.PERMOHONAN, _unit_path(session, get("requested_by")),
                             counters.month_of(get("created_at")), get("status"), "",
                             get("jenis"), "")


counters.track(AccessRequest, ("requested_by", "created_at", "status", "jenis"), _request_key)
