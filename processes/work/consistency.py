"""`flask --app web periksa`: the engine's check and the records' check, in one report.

Both run in one read-only transaction, a snapshot on PostgreSQL, so a task completed while
the check runs is not taken for a disagreement. Each line names the instance and, when the
instance is about a record, the record.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

import engine
from processes.db.uow import UnitOfWork
from processes.records.consistency import check_records, count_records, records_of_instances


@dataclass(frozen=True)
class Report:
    """One line per disagreement (none: all is consistent), and what was checked how fast."""

    lines: list[str]
    instances: int
    records: int
    seconds: float

    @property
    def consistent(self) -> bool:
        return not self.lines


def periksa(new_uow: Callable[[], UnitOfWork], batch_size: int = 200) -> Report:
    """Check every instance and every record; changes nothing."""
    started = time.perf_counter()
    with new_uow() as uow:
        session = uow.session
        _snapshot(session)
        found = list(engine.check_instances(session, batch_size))
        records = records_of_instances(session, (d.instance_id for d in found))
        lines = [_engine_line(d, records.get(d.instance_id)) for d in found]
        lines += [
            f"Catatan #{d.record_id} (proses #{d.instance_id}): {d.message}"
            for d in check_records(session, batch_size)
        ]
        instances, record_count = engine.count_instances(session), count_records(session)
    return Report(lines, instances, record_count, time.perf_counter() - started)


def _engine_line(found: engine.Disagreement, record_id: int | None) -> str:
    about = [found.process_id] if found.process_id else []
    about += [f"catatan #{record_id}"] if record_id is not None else []
    named = f" ({', '.join(about)})" if about else ""
    return f"Proses #{found.instance_id}{named}: {found.message}"


def _snapshot(session: Session) -> None:
    # SQLite's driver reads each statement on its own; there the check assumes a quiet database.
    if session.get_bind().dialect.name == "postgresql":
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )
