"""How long the Dasbor, a year's Laporan XLSX and the Dasbor of an operator take with
many records.

A fresh, migrated database (a temporary SQLite file; with `--postgres URL` also a
throwaway PostgreSQL database) is filled by the generator `bench.data` (records in every
status and tahap, persons, completed and open tasks; counters rebuilt). Each measure runs
five times; best and median are printed. `bench.anev` measures at two sizes.

    python -m bench.dashboard [--records N] [--postgres URL]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime

from sqlalchemy import select

from bench.data import fill
from bench.task_throughput import prepare_database, sqlite_database
from processes.accounts.models import User
from processes.db.database import throwaway_postgres
from processes.db.uow import UnitOfWork
from processes.reading import report
from processes.reading.dashboard import Period, summary
from processes.reading.report_files import to_xlsx

RUNS, BATCH = 5, 5000
PANGKAT = ("AKP", "BRIPDA", "IPDA", "AIPDA", "KOMPOL", "BRIPTU", "PENATA")
JENIS = ("DISIPLIN", "KEPP", "PIDANA")


def timed(action) -> list[float]:
    found = []
    for _ in range(RUNS):
        began = time.perf_counter()
        action()
        found.append(time.perf_counter() - began)
    return sorted(found)


def measure(label: str, url: str, records: int) -> None:
    print(f"{label}: {records} records ...", file=sys.stderr, flush=True)
    db, factory, _ = prepare_database(url)
    try:
        began = time.perf_counter()
        fill(factory, records)
        print(f"{label}: filled in {time.perf_counter() - began:.1f} s", flush=True)
        year = datetime.now(UTC).year
        with factory() as session:
            users = {u.username: u for u in session.scalars(select(User))}
            this_year = Period(f"{year}-01", f"{year}-12")
            results = {
                "Dasbor (Kapolda, tahun ini)": timed(lambda: summary(session, users["kapolda"], "", this_year)),
                "Dasbor (operator, capped)": timed(lambda: summary(session, users["operator"], "", this_year)),
                "Laporan XLSX (setahun, Kabid)": timed(lambda: to_xlsx(report.build(
                    UnitOfWork(factory), users["kabid"], "", Period(f"{year - 1}-01", f"{year - 1}-12"),
                    "xlsx"))),
            }
    finally:
        db.dispose()
    for name, seconds in results.items():
        print(f"{label}: {name}: best {1000 * seconds[0]:.0f} ms, median "
              f"{1000 * statistics.median(seconds):.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server")
    args = parser.parse_args()
    with sqlite_database() as url:
        measure("SQLite", url, args.records)
    if args.postgres:
        with throwaway_postgres(args.postgres) as url:
            measure("PostgreSQL", url, args.records)


if __name__ == "__main__":
    main()
