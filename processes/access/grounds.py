"""Need-to-know: on which ground a user reads a person's catpers. One place for the rule.

The grounds, most general first (the first that holds is the one logged):

- SEMUA_CATPERS: the user's office reads every catpers of the Polda and its Polres, as
  the AKSES CATPERS table says of their role (`policy.py`, bpmn-models/akses_catpers.dmn);
- AKSES_KHUSUS: a live akses khusus that Kabid Propam granted the user for that person;
- PENGAJU: the operator who submitted a record reads that record, and only it (not the
  person page, not the person's other records).

An open task (MENANGANI_TUGAS) shows its holder that task's own submission: the task
page, its PDF and its process page (`instance_ground`); a deciding task (Kaurlitpers,
Kasubbid Paminal, Kabid Propam) also shows the person's catpers the decision is about
(`decision_ground`), and an operator's task nothing else about the person.

Each ground is one SQL condition; the record list ORs them, and a single read asks which
one applied, for the read log. The table is evaluated once per request: a `Viewer`
carries its answer. So that an index serves every branch at any size, a condition holds
no subquery: a ground the viewer cannot have is dropped (an operator has no SEMUA branch),
and the viewer's live akses khusus are read first (one indexed query, a handful of
persons) and given as a list of person ids (`record.person_id` is indexed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, Select, case, false, literal, or_, select
from sqlalchemy.orm import Session, object_session

import engine
from engine import InstanceInfo, utcnow
from processes.access.models import AccessGrant
from processes.access.policy import Scope, scope_of
from processes.accounts.models import User
from processes.accounts.roles import DECIDING_LANES
from processes.accounts.users import actor_for
from processes.errors import Forbidden
from processes.records.models import Person, Record
from processes.records.writes import record_of_instance

SEMUA, PENGAJU, AKSES_KHUSUS = "SEMUA_CATPERS", "PENGAJU", "AKSES_KHUSUS"
MENANGANI, PEMOHON = "MENANGANI_TUGAS", "PEMOHON_SURAT"

REFUSED = "Anda tidak berwenang membaca catatan personel ini."


@dataclass
class Viewer:
    """A user with the access table's answer for them, taken once per request."""

    user: User
    scope: Scope
    now: datetime
    #: The ids of the persons of the viewer's live akses khusus, once read (`_granted_persons`).
    granted: list[int] | None = field(default=None, compare=False)


def viewer_of(user: User | Viewer) -> Viewer:
    if isinstance(user, Viewer):
        return user
    return Viewer(user, scope_of(user), utcnow())


def reads_all(user: User | Viewer) -> bool:
    """Whether the user's office reads every catpers of the Polda (letters included)."""
    return viewer_of(user).scope.reads_all


def _in_scope(viewer: Viewer, unit_path: ColumnElement[str]) -> ColumnElement[bool]:
    if not viewer.scope.reads_all:
        return false()
    return unit_path.startswith(viewer.scope.unit_path, autoescape=True)


def _granted(viewer: Viewer, nomor: ColumnElement[str]) -> ColumnElement[bool]:
    return nomor.in_(_live_grants(viewer))


def _live_grants(viewer: Viewer) -> Select:
    return select(AccessGrant.nomor_identitas).where(
        AccessGrant.user_id == viewer.user.id, AccessGrant.expires_at > viewer.now
    )


def _granted_persons(viewer: Viewer, listed: bool) -> ColumnElement[bool]:
    """Records of the persons the viewer holds a live akses khusus for: as a list of ids
    read now when `listed` (a list query), else as a subquery (one record by its id)."""
    persons = select(Person.id).where(Person.nomor_identitas.in_(_live_grants(viewer)))
    session = object_session(viewer.user)
    if session is None or not listed:
        return Record.person_id.in_(persons)
    if viewer.granted is None:  # once per viewer, that is once per request
        viewer.granted = list(session.scalars(persons))
    ids = viewer.granted
    return Record.person_id.in_(ids) if ids else false()


def _record_grounds(viewer: Viewer, listed: bool = True) -> list[tuple[str, ColumnElement[bool]]]:
    grounds = [
        (SEMUA, _in_scope(viewer, Record.unit_path)),
        (AKSES_KHUSUS, _granted_persons(viewer, listed)),
        (PENGAJU, Record.submitted_by == viewer.user.id),
    ]
    # A ground that cannot hold is no branch: what is left, each an index condition.
    return [(name, cond) for name, cond in grounds if cond is not false()]


def _records() -> Select:
    return select(Record).join(Person, Person.id == Record.person_id)


def readable_records(user: User | Viewer) -> Select:
    """The records the user may read, as one query (one condition ORing the grounds)."""
    return _records().where(or_(*(cond for _, cond in _record_grounds(viewer_of(user)))))


def ground_of_row(user: User | Viewer, listed: bool = True) -> ColumnElement[str]:
    """For a query over readable records: the ground each row is read on."""
    return case(*((cond, name) for name, cond in _record_grounds(viewer_of(user), listed)),
                else_=None)


def record_ground(session: Session, user: User | Viewer, record: Record) -> str | None:
    query = _records().add_columns(ground_of_row(user, listed=False)).where(Record.id == record.id)
    row = session.execute(query).first()
    return row[1] if row else None


def readable_record(session: Session, user: User | Viewer, record_id: int) -> Record:
    record = session.get(Record, record_id)
    if record is None or record_ground(session, user, record) is None:
        raise Forbidden(REFUSED)
    return record


def person_ground(session: Session, user: User | Viewer, nomor: str) -> str | None:
    """Ground to read everything about `nomor`: an office that reads all, or akses khusus.

    Submitting a record about a person, or holding a task about them, is no such ground.
    The app serves one Polda, so every person it knows is within a SEMUA_POLDA scope.
    """
    viewer = viewer_of(user)
    if viewer.scope.reads_all:
        return SEMUA
    if session.scalar(select(_granted(viewer, literal(nomor)))):
        return AKSES_KHUSUS
    return None


def decision_ground(session: Session, user: User | Viewer, nomor: str, lane: str) -> str | None:
    """Ground for the holder of an open task in `lane` to read the catpers of `nomor` that
    the task decides on: a person ground, or else holding a deciding task. The caller has
    checked that the user may take the task."""
    ground = person_ground(session, user, nomor)
    if ground is None and lane in DECIDING_LANES:
        return MENANGANI
    return ground


def opens_person(record_ground: str | None) -> bool:
    """Whether a record read on this ground comes with the whole person (list links)."""
    return record_ground in (SEMUA, AKSES_KHUSUS)


def instance_ground(session: Session, user: User | Viewer, info: InstanceInfo) -> str | None:
    """Ground to open a process page (its person, notes and history).

    A record's process: whoever reads the record; any process: an office that reads its
    unit, whoever started it, and whoever may take one of its open tasks now. Having
    worked a task of it before is no ground.
    """
    viewer = viewer_of(user)
    record = record_of_instance(session, info.id)
    if record is not None and (ground := record_ground(session, viewer, record)):
        return ground
    in_scope = viewer.scope.reads_all and info.unit_path.startswith(viewer.scope.unit_path)
    if record is None and in_scope:
        return SEMUA
    if info.started_by == viewer.user.id:
        return PENGAJU
    if engine.can_take_any(session, actor_for(viewer.user), info.id):
        return MENANGANI
    return None
