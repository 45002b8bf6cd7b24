"""A data generator for benchmarks: fills a migrated SQLite or PostgreSQL database to a
given scale with bulk inserts (COPY on PostgreSQL, executemany on SQLite), the same rows
for the same seed.

Per record (the issue's proportions: 200,000 records, 500,000 persons, 1,000,000
completed and 50,000 open tasks): 2.5 persons, one finished-or-waiting instance, five
completed tasks and a quarter of an open task. Records take every status and tahap, the
Polda's units, pangkat, jenis, wujud perbuatan and pasal of the reference lists, and
months spread over the two years before the run (times are relative to the moment it
runs; everything else is fixed by the seed); a waiting record (DIAJUKAN ...) has an open task
in the Kaurlitpers or Kasubbid lane. The instances are read-only stand-ins (no Spiff
state): the Dasbor, Laporan and Anev read rows, never a workflow. Afterwards the Dasbor's
and the Anev's counters and the wait histograms are rebuilt from the rows.

    python -m bench.data URL --records 200000 [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, text

from engine import EngineBase, waits
from processes.accounts.models import Unit, User
from processes.db.database import make_engine, make_session_factory
from processes.records import counters, offence_counts
from processes.records import statuses as st
from processes.records.models import Person, Record
from processes.reference import seed as reference

#: The engine's tables by name: a generator writes their rows as stand-ins (bulk, no
#: runtime), which no other code outside the engine may do (tests/unit/test_layers.py).
ENGINE_TABLES = EngineBase.metadata.tables
BATCH = 10000
DAYS = 730
TAHAP = ("PENCATATAN", "UPDATE_I", "UPDATE_II", "UPDATE_III", "UPDATE_IV", "PEMUTAKHIRAN")
LANES = (("Task_IsiData", "Operator"), ("Task_PeriksaKaurlitpers", "Kaurlitpers"),
         ("Task_PersetujuanKasubbid", "Kasubbid Paminal"))
WAITING_LANES = (("Task_PeriksaKaurlitpers", "Kaurlitpers", "Periksa pencatatan (Kaurlitpers)"),
                 ("Task_PersetujuanKasubbid", "Kasubbid Paminal", "Persetujuan Kasubbid Paminal"))


class Writer:
    """Bulk rows into a table: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, session) -> None:
        self.session = session
        self.postgres = session.connection().dialect.name == "postgresql"

    def write(self, model, rows: Iterable[dict]) -> int:
        total, chunk = 0, []
        for row in rows:
            chunk.append(row)
            if len(chunk) == BATCH:
                total += self._flush(model, chunk)
                chunk = []
        return total + (self._flush(model, chunk) if chunk else 0)

    def _flush(self, model, chunk: list[dict]) -> int:
        columns = list(chunk[0])
        raw = self.session.connection().connection.driver_connection
        if not self.postgres:  # the DBAPI itself: the ORM's bulk path costs more than SQLite
            marks = ", ".join("?" * len(columns))
            raw.executemany(
                f"INSERT INTO {_name(model)} ({', '.join(columns)}) VALUES ({marks})",
                [[_sqlite(v) for v in row.values()] for row in chunk])
            return len(chunk)
        with raw.cursor() as cursor, cursor.copy(
                f"COPY {_name(model)} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in chunk:
                copy.write_row([json.dumps(v) if isinstance(v, dict) else v for v in row.values()])
        return len(chunk)


def _name(model) -> str:
    return getattr(model, "__tablename__", None) or model.name


def _sqlite(value):
    """A value as SQLAlchemy stores it in SQLite (naive UTC text for a moment)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, dict):
        return json.dumps(value)
    return int(value) if isinstance(value, bool) else value


def _spread(rng: random.Random, start: datetime, days: float) -> datetime:
    return start + timedelta(seconds=rng.random() * days * 86400)


def fill(factory, records: int, seed: int = 1, persons: int | None = None) -> dict[str, int]:
    """Add `records` records (and their persons, instances, tasks) to the database."""
    rng = random.Random(seed)
    persons = persons or records * 5 // 2
    with factory() as session:
        writer = Writer(session)
        units = list(session.scalars(select(Unit.path).order_by(Unit.path)))
        operator = session.scalar(select(User.id).where(User.username == "operator"))
        versions = ENGINE_TABLES["wf_process_version"].c
        version = session.scalar(select(versions.id).where(
            versions.process_id == "pencatatan", versions.is_current.is_(True)))
        first_person = (session.scalar(select(func.max(Person.id))) or 0) + 1
        first_instance = (session.scalar(select(func.max(ENGINE_TABLES["wf_instance"].c.id))) or 0) + 1
        pangkat = [p["code"] for p in reference.PANGKAT]
        wujud = [w["code"] for w in reference.WUJUD_PERBUATAN]
        pasal = [p["code"] for p in reference.PASAL]
        jenis = [j["code"] for j in reference.JENIS_PELANGGARAN]
        codes = list(st.STATUSES)
        start = datetime.now(UTC) - timedelta(days=DAYS)
        plan = [_plan(rng, i, start, units, codes) for i in range(records)]
        written = {"person": writer.write(Person, (
            {"id": first_person + i, "token": f"b{seed}-{i}", "personel": "POLRI",
             "nomor_identitas": f"{60000000 + seed * 1000000 + i}", "nama": f"Personel {i}",
             "created_at": start} for i in range(persons)))}
        written["wf_instance"] = writer.write(ENGINE_TABLES["wf_instance"], (
            {"id": first_instance + i, "process_id": "pencatatan", "version_id": version,
             "status": "running" if p["waiting"] else "complete", "business_key": f"B{seed}-{i}",
             "label": f"Personel {i}", "started_by": operator, "unit_path": p["unit"],
             "created_at": p["created"], "updated_at": p["updated"], "lock_version": 1,
             "serializer_version": "bench", "state_json": "{}"} for i, p in enumerate(plan)))
        written["record"] = writer.write(Record, (
            {"person_id": first_person + rng.randrange(persons), "instance_id": first_instance + i,
             "status": p["status"], "tahap": p["tahap"], "pangkat": rng.choice(pangkat),
             "jabatan": "BANIT", "unit_kerja": "POLDA", "jenis_pelanggaran": rng.choice(jenis),
             "wujud_perbuatan": rng.choice(wujud), "pasal": rng.choice(pasal),
             "ditangani_oleh": "POLDA", "uraian": "", "unit_path": p["unit"],
             "submitted_by": operator, "created_at": p["created"], "updated_at": p["updated"]}
            for i, p in enumerate(plan)))
        written["wf_task_history"] = writer.write(ENGINE_TABLES["wf_task_history"], _history(rng, plan, first_instance, operator))
        written["wf_open_task"] = writer.write(ENGINE_TABLES["wf_open_task"], _open_tasks(plan, first_instance, seed))
        if writer.postgres:  # COPY gave ids of its own: the sequences move past them
            for table in ("person", "wf_instance"):
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
        session.flush()
        counters.recount(session)
        offence_counts.recount(session)
        waits.rebuild(session)
        session.commit()
    return written


def _plan(rng: random.Random, i: int, start: datetime, units: list[str], codes: list[str]) -> dict:
    status = codes[i % len(codes)] if i < len(codes) else rng.choice(codes)
    created = _spread(rng, start, DAYS)
    waiting = st.STATUSES[status].waiting
    left = max(0.0, (datetime.now(UTC) - created).total_seconds() / 86400)
    return {"status": status, "waiting": waiting and rng.random() < 0.75,
            "tahap": TAHAP[i % len(TAHAP)] if i < len(TAHAP) else rng.choice(TAHAP),
            "unit": rng.choice(units), "created": created,
            "updated": created + timedelta(days=rng.random() * min(left, 60))}


def _history(rng: random.Random, plan: list[dict], first: int, user: int) -> Iterator[dict]:
    """Five completions per record on average: the three Pencatatan steps, then an update's."""
    for i, p in enumerate(plan):
        moment = p["created"]
        span = (p["updated"] - p["created"]).total_seconds() or 60
        steps = 5 if i % 2 else 5 - (1 if i % 4 == 0 else -1)
        for step in range(steps):
            task, lane = LANES[step % len(LANES)]
            moment += timedelta(seconds=span * rng.random() / steps)
            yield {"instance_id": first + i, "task_id": f"h{first + i}-{step}", "task_name": task,
                   "title": task, "lane": lane, "user_id": user, "user_name": "Bench",
                   "completed_at": moment, "outcome": "SETUJU", "data": {}}


def _open_tasks(plan: list[dict], first: int, seed: int) -> Iterator[dict]:
    for i, p in enumerate(plan):
        if not p["waiting"]:
            continue
        task, lane, title = WAITING_LANES[i % 2]
        yield {"id": f"o{first + i:035d}"[:36], "instance_id": first + i, "process_id": "pencatatan",
               "task_name": task, "title": title, "lane": lane, "unit_path": p["unit"],
               "form": "persetujuan", "business_key": f"B{seed}-{i}", "label": f"Personel {i}",
               "created_at": p["updated"], "returned": False}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="database URL (migrated, with the office's setup)")
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = make_engine(args.url)
    try:
        began = time.perf_counter()
        written = fill(make_session_factory(db, b"\0" * 32), args.records, args.seed)
    finally:
        db.dispose()
    print(", ".join(f"{n} {table}" for table, n in written.items()),
          f"in {time.perf_counter() - began:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
