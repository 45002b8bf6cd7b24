"""How long `flask --app web periksa` takes: the consistency check over N instances.

A fresh, migrated database (a temporary SQLite file, and PostgreSQL when `--postgres URL`
names a server: a throwaway database is created there and dropped afterwards) gets N
Pencatatan instances through `RUNTIME`, in three equal parts: waiting for Kaurlitpers,
waiting for Kasubbid, and approved (complete). Then `processes.work.consistency.periksa`
runs three times; the best and the median run are printed, with the SQL statements one
run sends. Nothing is planted, so a run that reports anything is a bug.

    python -m bench.consistency_check [--instances N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import statistics
import sys

from sqlalchemy import event

from bench.task_throughput import approve, prepare_database, sqlite_database, submit
from processes.db.database import throwaway_postgres
from processes.db.uow import UnitOfWork
from processes.work.consistency import periksa

RUNS = 3


def fill(factory, actors, instances: int) -> None:
    for n in range(instances):
        with factory() as session:
            instance_id = submit(session, actors["operator"])
            if n % 3 >= 1:
                approve(session, actors["kaurlitpers"], instance_id)
            if n % 3 == 2:
                approve(session, actors["kasubbid"], instance_id)
            session.commit()


def measure(label: str, url: str, instances: int) -> None:
    print(f"{label}: {instances} instances ...", file=sys.stderr, flush=True)
    db, factory, actors = prepare_database(url)
    try:
        fill(factory, actors, instances)
        statements = []

        def count(*_args) -> None:
            statements.append(1)

        event.listen(db, "before_cursor_execute", count)
        reports = [periksa(lambda: UnitOfWork(factory)) for _ in range(RUNS)]
        event.remove(db, "before_cursor_execute", count)
    finally:
        db.dispose()
    seconds = sorted(r.seconds for r in reports)
    found = reports[0]
    print(f"{label}: {found.instances} instances, {found.records} records, "
          f"{len(found.lines)} disagreements; best {seconds[0]:.2f} s, median "
          f"{statistics.median(seconds):.2f} s ({1000 * seconds[0] / found.instances:.2f} ms "
          f"per instance), {len(statements) // RUNS} SQL statements per run")
    for line in found.lines[:5]:
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.consistency_check", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--instances", type=int, default=999, help="default 999")
    parser.add_argument("--postgres", metavar="URL", help="also measure on PostgreSQL")
    args = parser.parse_args(argv)
    if args.instances < 1:
        parser.error("--instances must be at least 1")
    with sqlite_database() as url:
        measure("SQLite", url, args.instances)
    if args.postgres:
        with throwaway_postgres(args.postgres) as url:
            measure("PostgreSQL", url, args.instances)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
