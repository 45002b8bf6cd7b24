"""Reading a person's catpers: each read checks a need-to-know ground and is logged.

These are use cases: they take a unit of work and commit the log entry with the read.
"""

from __future__ import annotations

from dataclasses import dataclass

import engine
from engine import TaskInfo

from .access import MENANGANI, PENGAJU, person_ground, readable_record, record_ground
from .accounts import actor_for
from .errors import Forbidden
from .models import Person, StoredFile, User
from .read_log import log_read
from .record_search import RecordFilter, RecordPage, person_records, search
from .records import RecordView, build_record_view, record_document
from .tasks import task_file
from .uow import UnitOfWork

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


def read_record_document(uow: UnitOfWork, user: User, record_id: int, stage: str) -> StoredFile:
    with uow:
        session = uow.session
        record = readable_record(session, user, record_id)
        stored = record_document(session, record, stage)
        ground = record_ground(session, user, record)
        log_read(session, user, record.person.nomor_identitas, "DOKUMEN", f"{record.id}/{stage}", ground)
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


def log_task_view(uow: UnitOfWork, user: User, task: TaskInfo) -> None:
    """A task page shows the submission about a person: that is a read too."""
    if not task.business_key:
        return
    with uow:
        log_read(uow.session, user, task.business_key, "TUGAS", task.instance_id, MENANGANI)
        uow.commit()


def read_task_file(uow: UnitOfWork, user: User, task_id: str, field: str) -> StoredFile:
    """The PDF of a submission waiting for `user`; logged like any read of the person."""
    with uow:
        stored = task_file(uow.session, user, task_id, field)
        task = engine.task_for(uow.session, actor_for(user), task_id)
        if task.business_key:
            log_read(uow.session, user, task.business_key, "DOKUMEN_TUGAS", task.instance_id, MENANGANI)
        uow.commit()
        return stored
