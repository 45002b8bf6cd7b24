"""How long the Dasbor, the Anev and a year's Laporan XLSX take at two data sizes (to show
they stay flat as the records grow), on SQLite and, with `--postgres URL`, PostgreSQL.

Each size gets a fresh migrated database filled by `bench.data` (records, persons,
completed and open tasks); each measure runs seven times (the XLSX three); p50 and p95 (the
slowest run) are printed. Goals: Dasbor <= 150 ms, Anev <= 300 ms, Laporan XLSX <= 2 s.

    python -m bench.anev [--sizes 20000 200000] [--postgres URL]
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
from processes.reading.anev import anev
from processes.reading.dashboard import Period, summary
from processes.reading.report_files import to_xlsx

RUNS = 7


def timed(action, runs: int = RUNS) -> tuple[float, float]:
    found = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        found.append(time.perf_counter() - began)
    return statistics.median(found), max(found)


def measure(label: str, url: str, records: int) -> None:
    db, factory, _ = prepare_database(url)
    try:
        began = time.perf_counter()
        fill(factory, records)
        print(f"{label} {records}: filled in {time.perf_counter() - began:.0f} s", flush=True)
        now = datetime.now(UTC)
        with factory() as session:
            users = {u.username: u for u in session.scalars(select(User))}
            year = Period(f"{now.year}-01", f"{now.year}-12")
            last_year = Period(f"{now.year - 1}-01", f"{now.year - 1}-12")
            results = {
                "Dasbor (Kapolda, tahun ini)": timed(
                    lambda: summary(session, users["kapolda"], "", year)),
                "Anev (Kabid, tahun ini)": timed(lambda: anev(session, users["kabid"], "", year, now)),
                "Laporan XLSX (setahun)": timed(lambda: to_xlsx(report.build(
                    UnitOfWork(factory), users["kabid"], "", last_year, "xlsx")), runs=3),
            }
    finally:
        db.dispose()
    for name, (p50, p95) in results.items():
        print(f"{label} {records}: {name}: p50 {1000 * p50:.0f} ms, p95 {1000 * p95:.0f} ms",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 200000])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server")
    args = parser.parse_args()
    for size in args.sizes:
        print(f"SQLite: {size} records ...", file=sys.stderr, flush=True)
        with sqlite_database() as url:
            measure("SQLite", url, size)
        if args.postgres:
            with throwaway_postgres(args.postgres) as url:
                measure("PostgreSQL", url, size)


if __name__ == "__main__":
    main()
