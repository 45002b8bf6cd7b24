"""Need-to-know: who may read a person's catpers, on which ground. One place for the rule.

A record is readable by the view-all roles (Kabid Propam, Kapolda), by the operator who
submitted it, by whoever may take an open task about that person right now, and by the
holder of a live akses khusus grant for that person. Each ground is one SQL condition;
the list query ORs them and a single read asks which one applied, for the read log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import ColumnElement, Select, case, false, literal, or_, select, true
from sqlalchemy.orm import Session

import engine
from engine import utcnow
from processes.access.models import AccessGrant
from processes.accounts.models import User
from processes.accounts.roles import VIEW_ALL_ROLES
from processes.accounts.users import actor_for
from processes.errors import Forbidden
from processes.records.models import Person, Record

SEMUA, PENGAJU, MENANGANI, AKSES_KHUSUS = "SEMUA_CATPERS", "PENGAJU", "MENANGANI_TUGAS", "AKSES_KHUSUS"
PEMOHON = "PEMOHON_SURAT"

Ground = Callable[[User, datetime, ColumnElement[str]], ColumnElement[bool]]


def _view_all(user: User, _now: datetime, _nomor: ColumnElement[str]) -> ColumnElement[bool]:
    return true() if user.role in VIEW_ALL_ROLES else false()


def _submitter(user: User, _now: datetime, _nomor: ColumnElement[str]) -> ColumnElement[bool]:
    return Record.submitted_by == user.id


def _handling(user: User, _now: datetime, nomor: ColumnElement[str]) -> ColumnElement[bool]:
    # Persons (NRP/NIP) the user has an open task about, as a subquery: still one condition.
    return nomor.in_(engine.open_business_keys(actor_for(user)))


def _granted(user: User, now: datetime, nomor: ColumnElement[str]) -> ColumnElement[bool]:
    live = select(AccessGrant.nomor_identitas).where(
        AccessGrant.user_id == user.id, AccessGrant.expires_at > now
    )
    return nomor.in_(live)


#: Grounds to read everything about a person, most general first (the first that holds
#: is the one logged).
PERSON_GROUNDS: list[tuple[str, Ground]] = [
    (SEMUA, _view_all), (AKSES_KHUSUS, _granted), (MENANGANI, _handling),
]
#: A record is also readable by the operator who submitted it.
RECORD_GROUNDS: list[tuple[str, Ground]] = [*PERSON_GROUNDS, (PENGAJU, _submitter)]


def _records() -> Select:
    return select(Record).join(Person, Person.id == Record.person_id)


def readable_records(user: User, now: datetime | None = None) -> Select:
    now = now or utcnow()
    nomor = Person.nomor_identitas
    return _records().where(or_(*(ground(user, now, nomor) for _, ground in RECORD_GROUNDS)))


def ground_of_row(user: User, now: datetime | None = None) -> ColumnElement[str]:
    """For a query over readable records: the ground each row is read on."""
    now = now or utcnow()
    nomor = Person.nomor_identitas
    return case(*((ground(user, now, nomor), name) for name, ground in RECORD_GROUNDS), else_=None)


def record_ground(session: Session, user: User, record: Record) -> str | None:
    query = _records().add_columns(ground_of_row(user)).where(Record.id == record.id)
    row = session.execute(query).first()
    return row[1] if row else None


def person_ground(session: Session, user: User, nomor: str) -> str | None:
    """Ground to read everything about `nomor` (not only one's own submissions)."""
    now, value = utcnow(), literal(nomor)
    for name, ground in PERSON_GROUNDS:
        if session.scalar(select(ground(user, now, value))):
            return name
    return None


def readable_record(session: Session, user: User, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None or record_ground(session, user, record) is None:
        raise Forbidden("Anda tidak berwenang membaca catatan personel ini.")
    return record


def can_view_instance(session: Session, user: User, instance_id: int, started_by: int) -> bool:
    """An instance's timeline: view-all roles, its starter, and those who work or worked it."""
    if user.role in VIEW_ALL_ROLES or user.id == started_by:
        return True
    return engine.worked_or_can_take(session, actor_for(user), instance_id)
