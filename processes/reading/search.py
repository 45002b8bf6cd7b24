"""The record list: filters, paging, and the scope each role and unit may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from processes.access.grounds import Viewer, ground_of_row, opens_person, readable_records
from processes.accounts.models import User
from processes.db.paging import after_day, day_start, page_window
from processes.records.models import Person, Record
from processes.records.stages import PENCATATAN
from processes.records.statuses import in_phase
from processes.reference.ranks import pangkat_in_group

PAGE_SIZE = 25


@dataclass
class RecordFilter:
    status: str = ""
    jenis: str = ""
    unit: str = ""
    kelompok: str = ""
    dari: date | None = None
    sampai: date | None = None
    q: str = ""
    page: int = 1
    # The Dasbor's drill-down: one unit's own records, a phase, records past pencatatan.
    satuan: str = ""
    fase: str = ""
    diupdate: bool = False


@dataclass
class RecordPage:
    records: list[Record] = field(default_factory=list)
    total: int = 0
    page: int = 1
    grounds: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[tuple[Record, bool]]:
        """Each record, and whether its reader may open the whole person from it."""
        return [(r, opens_person(g)) for r, g in zip(self.records, self.grounds, strict=True)]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def search(session: Session, user: User | Viewer, f: RecordFilter) -> RecordPage:
    query = readable_records(user)
    if f.status:
        query = query.where(Record.status == f.status)
    if f.jenis:
        query = query.where(Record.jenis_pelanggaran == f.jenis)
    if f.unit:
        query = query.where(Record.unit_kerja == f.unit)
    if f.kelompok:
        query = query.where(Record.pangkat.in_(pangkat_in_group(session, f.kelompok)))
    query = _drill_down(query, f)
    if f.dari:
        query = query.where(Record.created_at >= day_start(f.dari))
    if f.sampai and after_day(f.sampai):
        query = query.where(Record.created_at < after_day(f.sampai))
    if f.q.strip():
        text = f.q.strip()
        query = query.where(
            or_(Person.nama.ilike(f"%{text}%"), Person.nomor_identitas.startswith(text, autoescape=True))
        )
    total = session.scalar(select(func.count()).select_from(query.subquery()))
    page, offset = page_window(total, f.page, PAGE_SIZE)
    rows = [] if offset is None else session.execute(
        query.add_columns(ground_of_row(user))
        .order_by(Record.updated_at.desc(), Record.id.desc())
        .limit(PAGE_SIZE)
        .offset(offset)
    ).all()
    return RecordPage([r for r, _ in rows], total, page, [g for _, g in rows])


def _drill_down(query, f: RecordFilter):
    if f.satuan:
        query = query.where(Record.unit_path == f.satuan)
    if f.fase:
        query = query.where(Record.status.in_(in_phase(f.fase)))
    if f.diupdate:
        query = query.where(Record.tahap != PENCATATAN)
    return query


def person_records(session: Session, user: User | Viewer, person: Person) -> list[Record]:
    """Those of the person's records `user` may read, oldest first."""
    rows = session.scalars(
        readable_records(user).where(Record.person_id == person.id)
        .order_by(Record.created_at, Record.id)
    )
    return list(rows)
