"""Reading a person's catpers: each read checks a need-to-know ground and is logged.

These are use cases: they take a unit of work and commit the log entry with the read.
"""

from __future__ import annotations

from dataclasses import dataclass

from processes.access.grounds import (
    PENGAJU,
    person_ground,
    readable_record,
    record_ground,
)
from processes.access.read_log import log_read
from processes.accounts.models import User
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.reading.record_view import RecordView, build_record_view, record_document
from processes.reading.search import RecordFilter, RecordPage, person_records, search
from processes.records.models import Person, StoredFile

REFUSED = "Anda tidak berwenang membaca catatan personel ini."


def read_record(uow: UnitOfWork, user: User, record_id: int) -> RecordView:
    with uow:
        session = uow.session
        record = readable_record(session, user, record_id)
        ground = record_ground(session, user, record)
        view = build_record_view(session, record)
        log_read(session, user, record.person.nomor_identitas, "CATATAN", record.id, ground)
        uow.commit()
        return view


def read_record_document(uow: UnitOfWork, user: User, record_id: int, tahap: str) -> StoredFile:
    with uow:
        session = uow.session
        record = readable_record(session, user, record_id)
        stored = record_document(session, record, tahap)
        ground = record_ground(session, user, record)
        log_read(session, user, record.person.nomor_identitas, "DOKUMEN", f"{record.id}/{tahap}", ground)
        uow.commit()
        return stored


@dataclass
class PersonView:
    person: Person
    records: list[RecordView]
    ground: str


def read_person(uow: UnitOfWork, user: User, nomor: str) -> PersonView:
    """A person's catpers: all of it on a person ground, else only one's own submissions."""
    with uow:
        session = uow.session
        person, visible = person_records(session, user, nomor)
        if person is None or not visible:
            raise Forbidden(REFUSED)
        ground = person_ground(session, user, nomor) or PENGAJU
        views = [build_record_view(session, r) for r in visible]
        log_read(session, user, nomor, "PERSONEL", "", ground)
        uow.commit()
        return PersonView(person, views, ground)


def list_records(uow: UnitOfWork, user: User, f: RecordFilter) -> RecordPage:
    """A page of the record list; each person shown is a logged read."""
    with uow:
        page = search(uow.session, user, f)
        for record, ground in zip(page.records, page.grounds, strict=True):
            log_read(uow.session, user, record.person.nomor_identitas, "DAFTAR", record.id, ground)
        uow.commit()
        return page
