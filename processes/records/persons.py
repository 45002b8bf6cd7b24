"""A person's stored identity: found (or created) on a pencatatan, changed only when a
pencatatan that differs from it is approved, and the history of those changes.

A submission never renames a known person: any operator can submit one, so a difference
waits for both approvers (they see it on their task page) and is applied by
`catpers.setujui_pencatatan`. Pangkat and unit kerja belong to each record (as they were at
the time of the violation), never to the person; a difference from the person's previous
record is shown to the approvers, and the new record keeps its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from engine import ServiceContext
from processes.accounts.models import User
from processes.db.upsert import insert_if_missing
from processes.errors import Refused
from processes.records.models import Person, PersonChange, Record
from processes.records.stages import PENCATATAN
from processes.records.writes import submission_of
from processes.reference import lists as reference

#: The person's own identity fields, and their titles.
IDENTITY_FIELDS = {"nama": "Nama", "jenis_kelamin": "Jenis kelamin"}
#: Facts of each record, compared with the person's previous record (list, title).
RECORD_FIELDS = {"pangkat": ("pangkat", "Pangkat"), "unit_kerja": ("unit", "Unit kerja")}
GENDER = {"L": "Laki-laki", "P": "Perempuan"}


@dataclass(frozen=True)
class IdentityDifference:
    title: str
    stored: str
    submitted: str
    #: True: applied to the person when approved; False: the new record keeps its own value.
    applies: bool
    #: What the approver should know of it, when it is not a pencatatan's difference.
    note: str = ""


def person_for_submission(session: Session, data: dict[str, Any]) -> tuple[Person, bool]:
    """The person a pencatatan is about, and whether this submission created them; a known
    person is never changed here."""
    number = data["nomor_identitas"]
    # Two first pencatatan of one new NRP at once: the second waits for the first's row.
    created = insert_if_missing(session, Person, ["nomor_identitas"], {
        "personel": data["personel"], "nomor_identitas": number, "nama": data["nama"],
        "jenis_kelamin": data.get("jenis_kelamin") or None,
    })  # token and created_at: the columns' own defaults
    person = session.scalar(select(Person).where(Person.nomor_identitas == number))
    if person.personel != data["personel"]:
        raise Refused(f"{number} sudah tercatat sebagai {person.personel}, bukan {data['personel']}.")
    return person, created


def _changed(person: Person, data: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """Identity fields the submission fills differently: field -> (stored, submitted)."""
    found = {}
    for field in IDENTITY_FIELDS:
        submitted = (data.get(field) or "").strip()
        stored = getattr(person, field) or ""
        if submitted and submitted != stored:
            found[field] = (stored, submitted)
    return found


def _shown(field: str, value: str) -> str:
    return (GENDER.get(value, value) if field == "jenis_kelamin" else value) or "–"


def pending_differences(
    session: Session, instance_id: int, data: dict[str, Any]
) -> list[IdentityDifference]:
    """What a waiting pencatatan says differently from what is stored about its person."""
    submission = submission_of(session, instance_id)
    if submission is None or submission.tahap != PENCATATAN:
        return []
    record = session.get(Record, submission.record_id)
    person = session.get(Person, record.person_id)
    found = [
        IdentityDifference(IDENTITY_FIELDS[f], _shown(f, old), _shown(f, new), True)
        for f, (old, new) in _changed(person, data).items()
    ]
    previous = session.scalar(
        select(Record).where(Record.person_id == person.id, Record.id != record.id)
        .order_by(Record.created_at.desc(), Record.id.desc()).limit(1)
    )
    for field, (lst, title) in RECORD_FIELDS.items():
        if previous is not None and data.get(field) and getattr(previous, field) != data[field]:
            found.append(IdentityDifference(
                title, reference.label_of(session, lst, getattr(previous, field)),
                reference.label_of(session, lst, data[field]), False,
            ))
    return found


def apply_identity(session: Session, person: Person, ctx: ServiceContext) -> None:
    """The approved pencatatan's identity becomes the person's, each change kept."""
    for field, (old, new) in _changed(person, ctx.data).items():
        setattr(person, field, new)
        session.add(PersonChange(person_id=person.id, field=field, old=old, new=new,
                                 changed_by=ctx.actor.id, instance_id=ctx.instance_id))


@dataclass(frozen=True)
class ChangeView:
    change: PersonChange
    title: str
    old: str
    new: str
    by: str


def person_changes(session: Session, person_id: int) -> list[ChangeView]:
    rows = session.execute(
        select(PersonChange, User.full_name).join(User, User.id == PersonChange.changed_by)
        .where(PersonChange.person_id == person_id)
        .order_by(PersonChange.changed_at, PersonChange.id)
    ).all()
    return [
        ChangeView(c, IDENTITY_FIELDS.get(c.field, c.field), _shown(c.field, c.old),
                   _shown(c.field, c.new), name)
        for c, name in rows
    ]
