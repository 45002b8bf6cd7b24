"""Reading a person's catpers: each read checks a need-to-know ground and is logged.

These are use cases: they take a unit of work and commit the log entry with the read.
A refusal raises `Forbidden` and writes no read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

import engine
from processes.access.grant_views import GrantView, active_grants
from processes.access.grounds import (
    REFUSED,
    instance_ground,
    person_ground,
    readable_record,
    record_ground,
    viewer_of,
)
from processes.access.read_log import log_read
from processes.accounts.models import User
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden
from processes.reading.record_view import (
    RecordView,
    build_record_view,
    build_record_views,
    readable_record_of_instance,
    record_document,
)
from processes.reading.search import RecordFilter, RecordPage, person_records, search
from processes.records.awards import AwardView, person_awards
from processes.records.models import Person, Record, StoredFile
from processes.records.persons import ChangeView, person_changes
from processes.records.sanctions import clean_since


def read_record(uow: UnitOfWork, user: User, record_id: int) -> RecordView:
    with uow:
        session, viewer = uow.session, viewer_of(user)
        record = readable_record(session, viewer, record_id)
        ground = record_ground(session, viewer, record)
        view = build_record_view(session, record)
        nomor = record.person.nomor_identitas
        view.person_readable = person_ground(session, viewer, nomor) is not None
        log_read(session, user, nomor, "CATATAN", record.id, ground)
        uow.commit()
        return view


def read_record_document(uow: UnitOfWork, user: User, record_id: int, tahap: str) -> StoredFile:
    with uow:
        session, viewer = uow.session, viewer_of(user)
        record = readable_record(session, viewer, record_id)
        stored = record_document(session, record, tahap)
        ground = record_ground(session, viewer, record)
        log_read(session, user, record.person.nomor_identitas, "DOKUMEN", f"{record.id}/{tahap}", ground)
        uow.commit()
        return stored


@dataclass
class PersonView:
    person: Person
    records: list[RecordView]
    ground: str
    changes: list[ChangeView]
    #: "bersih sejak": `processes/records/sanctions.clean_since` (None: no sanction on file).
    clean_since: date | None = None
    #: The akses khusus in force on the person: who reads them, on which basis, until when.
    grants: list[GrantView] = field(default_factory=list)
    #: The person's penghargaan on file (the rekam jejak's other half).
    awards: list[AwardView] = field(default_factory=list)


def read_person(uow: UnitOfWork, user: User, token: str) -> PersonView:
    """Everything about a person (by the opaque token of their page), on a person ground:
    an office that reads all, or akses khusus. Own submissions or a task are no such ground."""
    with uow:
        session, viewer = uow.session, viewer_of(user)
        person = session.scalar(select(Person).where(Person.token == token))
        ground = person_ground(session, viewer, person.nomor_identitas) if person else None
        if ground is None:
            raise Forbidden(REFUSED)
        views = build_record_views(session, person_records(session, viewer, person))
        # Everything is read before the commit: a read after it would leave a transaction
        # open, whose rollback as the block ends expires every row the page then prints
        # (each record, stage and document loaded again, one by one).
        page = PersonView(person, views, ground, person_changes(session, person.id),
                          clean_since(session, person.id),
                          active_grants(session, person.nomor_identitas),
                          person_awards(session, person))
        log_read(session, user, person.nomor_identitas, "PERSONEL", "", ground)
        uow.commit()
        return page


def list_records(uow: UnitOfWork, user: User, f: RecordFilter) -> RecordPage:
    """A page of the record list; each person shown is a logged read."""
    with uow:
        page = search(uow.session, viewer_of(user), f)
        for record, ground in zip(page.records, page.grounds, strict=True):
            log_read(uow.session, user, record.person.nomor_identitas, "DAFTAR", record.id, ground)
        uow.commit()
        return page


@dataclass
class InstanceView:
    info: engine.InstanceInfo
    timeline: list[engine.HistoryEntry]
    open_tasks: list[engine.TaskInfo]
    record: Record | None


def read_instance(uow: UnitOfWork, user: User, instance_id: int) -> InstanceView:
    """A process page (its person, notes and history): a read like any other, on a ground."""
    with uow:
        session, viewer = uow.session, viewer_of(user)
        info = engine.instance_info(session, instance_id)
        ground = instance_ground(session, viewer, info)
        if ground is None:
            raise Forbidden("Anda tidak berwenang membuka proses ini.")
        record = readable_record_of_instance(session, viewer, instance_id)
        if info.business_key:
            log_read(session, user, info.business_key, "PROSES", instance_id, ground)
        view = InstanceView(info, engine.timeline(session, instance_id),
                            engine.instance_tasks(session, instance_id), record)
        uow.commit()
        return view
