"""The record list: filters, paging, and the scope each role and unit may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import or_
from sqlalchemy.orm import Session

from processes.access.grounds import Viewer, ground_of_row, opens_person, readable_records
from processes.accounts.models import User
from processes.db.paging import (
    COUNT_CAP,
    after_day,
    capped_count,
    day_start,
    decode_key,
    encode_key,
    keyset_rows,
    page_window,
)
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
    # Keyset paging: the key of the last row shown (next page) or of the first (previous).
    setelah: str = ""
    sebelum: str = ""
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
    next_key: str = ""
    prev_key: str = ""
    keyset = True

    @property
    def rows(self) -> list[tuple[Record, bool]]:
        """Each record, and whether its reader may open the whole person from it."""
        return [(r, opens_person(g)) for r, g in zip(self.records, self.grounds, strict=True)]

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP

    @property
    def pages(self) -> int | None:
        """How many pages, or None past the count's cap (the page says "lebih dari")."""
        return None if self.capped else max(1, -(-self.total // PAGE_SIZE))

    cap = COUNT_CAP

    @property
    def cap_pages(self) -> int:
        return COUNT_CAP // PAGE_SIZE


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
    total = capped_count(session, query)
    order = (Record.updated_at, Record.id)
    after, before = (decode_key(k, (datetime, int)) for k in (f.setelah, f.sebelum))
    page, offset = page_window(min(total, COUNT_CAP), f.page, PAGE_SIZE)
    if offset is None and after is None and before is None:
        return RecordPage([], total, page)
    found = keyset_rows(session, query.add_columns(ground_of_row(user)), order, PAGE_SIZE,
                        after=after, before=before, offset=0 if after or before else offset)
    records, grounds = [r for r, _ in found.rows], [g for _, g in found.rows]
    if before is not None and not found.has_prev:
        page = 1
    return RecordPage(records, total, page, grounds,
                      encode_key((records[-1].updated_at, records[-1].id)) if found.has_next else "",
                      encode_key((records[0].updated_at, records[0].id)) if found.has_prev and records else "")


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
