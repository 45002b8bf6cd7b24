"""Whether each record agrees with its submissions, its status history and the instances
behind its waiting submission.

The rules, one for each way a record can disagree:
- a record whose status is SEMI FINAL has exactly one waiting submission (MENUNGGU), and a
  FINAL record has none;
- a waiting submission's instance is still running: otherwise nobody can ever approve it;
- the record's status is the one its last status change says (the timeline's last line).
`record_problems` applies them to one record's facts (no database); `check_records` reads
the records in batches, with one query per batch for each of records, waiting
submissions, last status changes and the instances' statuses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

import engine
from engine.consistency import RUNNING
from processes.records.models import Record, StatusChange, Submission
from processes.records.statuses import STATUSES
from processes.records.writes import WAITING


@dataclass(frozen=True)
class Waiting:
    """A submission waiting for approval."""

    submission_id: int
    instance_id: int
    tahap: str


@dataclass(frozen=True)
class RecordFacts:
    record_id: int
    status: str
    waiting: tuple[Waiting, ...]
    #: The status of the record's last status change; None when it has none.
    last_change: str | None


@dataclass(frozen=True)
class RecordDisagreement:
    record_id: int
    #: The record's own (pencatatan) instance.
    instance_id: int
    message: str


def record_problems(facts: RecordFacts, instance_status: Mapping[int, str]) -> list[str]:
    """What is wrong with one record; `instance_status` holds its waiting instances' statuses."""
    problems = _waiting_problems(facts)
    for waiting in facts.waiting:
        state = instance_status.get(waiting.instance_id)
        if state != RUNNING:
            gone = "tidak ada" if state is None else "sudah selesai"
            problems.append(f"pengajuan {_named(waiting)} masih menunggu, tetapi prosesnya {gone}.")
    if facts.last_change is None:
        problems.append("tidak punya riwayat perubahan status.")
    elif facts.last_change != facts.status:
        problems.append(
            f"berstatus {facts.status}, tetapi perubahan status terakhirnya {facts.last_change}."
        )
    return problems


def _waiting_problems(facts: RecordFacts) -> list[str]:
    status, waiting = STATUSES.get(facts.status), facts.waiting
    named = ", ".join(_named(w) for w in waiting)
    problems = []
    if status is None:
        problems.append(f"status '{facts.status}' tidak dikenal.")
    elif status.waiting and not waiting:
        problems.append(f"berstatus {facts.status} (SEMI FINAL), tetapi tidak ada pengajuan "
                        "yang menunggu persetujuan.")
    elif not status.waiting and waiting:
        problems.append(f"berstatus {facts.status} (FINAL), tetapi ada pengajuan yang "
                        f"menunggu persetujuan: {named}.")
    if len(waiting) > 1:
        problems.append(f"punya {len(waiting)} pengajuan yang menunggu persetujuan ({named}); "
                        "seharusnya paling banyak satu.")
    return problems


def _named(waiting: Waiting) -> str:
    return f"{waiting.tahap} (proses #{waiting.instance_id})"


def check_records(session: Session, batch_size: int = 500) -> Iterator[RecordDisagreement]:
    """Every record's disagreements, record by record (in id order)."""
    last_id = 0
    while True:
        batch = session.execute(
            select(Record.id, Record.instance_id, Record.status)
            .where(Record.id > last_id)
            .order_by(Record.id)
            .limit(batch_size)
        ).all()
        if not batch:
            return
        last_id = batch[-1].id
        ids = [row.id for row in batch]
        waiting = _waiting_of(session, ids)
        last = dict(session.execute(_last_changes(ids)).all())
        states = engine.instance_statuses(
            session, (w.instance_id for found in waiting.values() for w in found)
        )
        for row in batch:
            facts = RecordFacts(row.id, row.status, tuple(waiting[row.id]), last.get(row.id))
            for message in record_problems(facts, states):
                yield RecordDisagreement(row.id, row.instance_id, message)


def _waiting_of(session: Session, record_ids: list[int]) -> dict[int, list[Waiting]]:
    found: dict[int, list[Waiting]] = defaultdict(list)
    rows = session.execute(
        select(Submission.record_id, Submission.id, Submission.instance_id, Submission.tahap)
        .where(Submission.record_id.in_(record_ids), Submission.status == WAITING)
        .order_by(Submission.id)
    )
    for record_id, *waiting in rows:
        found[record_id].append(Waiting(*waiting))
    return found


def _last_changes(record_ids: list[int]) -> Select:
    """(record id, status) of each record's last status change, in the timeline's order."""
    ranked = select(
        StatusChange.record_id,
        StatusChange.status,
        func.row_number().over(
            partition_by=StatusChange.record_id,
            order_by=(StatusChange.changed_at.desc(), StatusChange.id.desc()),
        ).label("n"),
    ).where(StatusChange.record_id.in_(record_ids)).subquery()
    return select(ranked.c.record_id, ranked.c.status).where(ranked.c.n == 1)


def records_of_instances(session: Session, instance_ids: Iterable[int]) -> dict[int, int]:
    """The record each instance is about (its pencatatan, or one of its submissions)."""
    ids = sorted(set(instance_ids))
    if not ids:
        return {}
    found = dict(session.execute(
        select(Submission.instance_id, Submission.record_id).where(Submission.instance_id.in_(ids))
    ).all())
    found.update(session.execute(
        select(Record.instance_id, Record.id).where(Record.instance_id.in_(ids))
    ).all())
    return found


def count_records(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Record))
