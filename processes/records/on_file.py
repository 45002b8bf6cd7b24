"""The person on file: what the approved catpers say about an NRP/NIP's personel type,
pangkat and unit.

A request (SKHP, rekam jejak, akses khusus) names its person by a typed number, and the
typed pangkat would choose the approving authority. Where the office already knows the
person, the stored facts are used instead, silently on the server: the requester is
never told whether a catpers exists, and cannot steer the approver by what they type.
Only records past their first approval count: a pencatatan still waiting was typed by an
operator too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.records.models import Person, Record
from processes.records.statuses import MENUNGGU, in_phase

#: The request's fields that the person on file decides, and the fact each one takes.
FROM_FILE = {"personel": "personel", "pangkat": "pangkat", "kesatuan": "unit"}


@dataclass(frozen=True)
class OnFile:
    personel: str
    pangkat: str
    unit: str


def on_file(session: Session, nomor_identitas: str) -> OnFile | None:
    """The person's type, and the pangkat and unit of their latest approved record."""
    row = session.execute(
        select(Person.personel, Record.pangkat, Record.unit_kerja)
        .join(Record, Record.person_id == Person.id)
        .where(Person.nomor_identitas == (nomor_identitas or "").strip(),
               Record.status.not_in(in_phase(MENUNGGU)))
        .order_by(Record.created_at.desc(), Record.id.desc()).limit(1)
    ).first()
    return OnFile(*row) if row else None


def as_on_file(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """The request's personel, pangkat and kesatuan as the office knows them: the stored
    ones where the person is on file, the typed ones otherwise (fields the form has)."""
    found = on_file(session, data.get("nomor_identitas", ""))
    if found is None:
        return {field: data.get(field) for field in FROM_FILE if field in data}
    return {field: getattr(found, fact) for field, fact in FROM_FILE.items()
            if field in data or field == "personel"}
