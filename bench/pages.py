"""How long the busiest pages take, and how many SQL statements each sends, at two data
sizes (to show whether they stay flat), on SQLite and, with `--postgres URL`, PostgreSQL.

Each size gets a fresh migrated database with the demo users, filled by `bench.data`
(records, persons, completed and open tasks) plus a hash-chained audit log of
AUDIT_PER_RECORD reads per record (the read log the Kabid pages through). The pages are
requested through Flask's test client, signed in as the role that uses them:

    Kotak Tugas      GET /                     Kaurlitpers (the Kaurlitpers lane's tasks)
    Daftar catatan   GET /catatan              Kaurlitpers (the access rule's grounds)
    Halaman personel GET /personel/<token>     Kasubbid Paminal (reads every catpers)
    Log audit        POST /log-akses           Kabid Propam

Each page is requested REQUESTS times after WARM_UP; p50 and p95 are printed with the SQL
statements per request (counted on the app's engine; savepoints left out). Goals (issue
13): inbox p95 <= 30 ms; record list, person page and read log <= 50 ms; flat as data grows.

    python -m bench.pages [--sizes 20000 100000] [--postgres ADMIN_URL]
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import event, select

from bench.data import Writer, fill
from bench.task_throughput import BENCH_PASSWORD, sqlite_database
from processes.accounts.models import User
from processes.db.audit import AuditEntry
from processes.db.audit_actions import BACA_CATATAN
from processes.db.audit_chain import GENESIS, chain_hash
from processes.db.database import make_engine, make_session_factory, throwaway_postgres
from processes.records.models import Person, Record
from processes.setup.install import prepare

REQUESTS, WARM_UP = 30, 3
AUDIT_PER_RECORD = 2


@dataclass(frozen=True)
class Page:
    name: str
    username: str
    method: str
    path: str  # "{token}": the measured person's token


PAGES = (
    Page("Kotak Tugas", "kaurlitpers", "GET", "/"),
    Page("Daftar catatan", "kaurlitpers", "GET", "/catatan"),
    Page("Halaman personel", "kasubbid", "GET", "/personel/{token}"),
    Page("Log audit", "kabid", "POST", "/log-akses"),
)


@dataclass(frozen=True)
class Result:
    page: str
    p50: float
    p95: float
    statements: float


# -- the database -------------------------------------------------------------
def fill_audit(factory, rows: int, key: bytes) -> int:
    """`rows` chained reads of records after the log's head, spread over the last year."""
    with factory() as session:
        head = session.execute(select(AuditEntry.id, AuditEntry.row_hash)
                               .order_by(AuditEntry.id.desc()).limit(1)).first()
        user = session.scalar(select(User.id).where(User.username == "kaurlitpers"))
        first, last_hash = (head.id, head.row_hash) if head else (0, GENESIS)
        start = datetime.now(UTC) - timedelta(days=365)
        step = timedelta(days=365) / max(rows, 1)

        def chained() -> Iterator[dict]:
            nonlocal last_hash
            for i in range(rows):
                row = {"id": first + 1 + i, "at": start + step * i, "user_id": user,
                       "action": BACA_CATATAN, "target": f"{60000000 + i % 50000}",
                       "outcome": "SEMUA_CATPERS", "detail": {"catatan": i + 1},
                       "address": "10.0.0.1", "prev_hash": last_hash}
                row["row_hash"] = last_hash = chain_hash(key, last_hash, row)
                yield row

        written = Writer(session).write(AuditEntry, chained())
        session.commit()
    return written


def build(url: str, records: int, key: bytes) -> str:
    """Migrate, set up, fill; the token of a person with a record."""
    prepare(url, demo_password=BENCH_PASSWORD)
    db = make_engine(url)
    try:
        factory = make_session_factory(db, key)
        began = time.perf_counter()
        fill(factory, records)
        fill_audit(factory, records * AUDIT_PER_RECORD, key)
        print(f"  filled {records} records in {time.perf_counter() - began:.0f} s",
              file=sys.stderr, flush=True)
        with factory() as session:
            return session.scalar(select(Person.token).join(Record, Record.person_id == Person.id)
                                  .order_by(Record.id).limit(1))
    finally:
        db.dispose()


# -- the requests -------------------------------------------------------------
class Statements:
    """SQL statements sent through an engine while on, savepoints left out."""

    def __init__(self, engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        if not statement.startswith(("SAVEPOINT", "RELEASE SAVEPOINT")):
            self.count += 1


def app_for(url: str, key: bytes):
    # Keys from the environment, so the app writes nothing into an instance folder.
    os.environ.setdefault("ECATPERS_SECRET_KEY", secrets.token_hex(32))
    os.environ["ECATPERS_AUDIT_KEY"] = key.decode()
    from web import create_app

    return create_app({"TESTING": True, "DATABASE_URL": url, "WTF_CSRF_ENABLED": False,
                       "AUDIT_KEY": key})


def measure_page(app, page: Page, token: str, counter: Statements) -> Result:
    client = app.test_client()
    signed = client.post("/masuk", data={"username": page.username, "password": BENCH_PASSWORD})
    assert signed.status_code == 302, f"{page.username} did not sign in"
    path = page.path.format(token=token)
    times, counts = [], []
    for n in range(WARM_UP + REQUESTS):
        before = counter.count
        began = time.perf_counter()
        response = client.open(path, method=page.method)
        took = time.perf_counter() - began
        assert response.status_code == 200, f"{page.name}: HTTP {response.status_code}"
        if n >= WARM_UP:
            times.append(took)
            counts.append(counter.count - before)
    times.sort()
    return Result(page.name, statistics.median(times), times[int(0.95 * (len(times) - 1))],
                  statistics.mean(counts))


def measure(url: str, records: int) -> list[Result]:
    key = secrets.token_hex(32).encode()
    token = build(url, records, key)
    app = app_for(url, key)
    from web import db

    try:
        counter = Statements(app.extensions["ecatpers_engine"])
        return [measure_page(app, page, token, counter) for page in PAGES]
    finally:
        db.dispose(app)


def print_table(label: str, found: dict[int, list[Result]]) -> None:
    sizes = list(found)
    print(f"\n{label}: p50 / p95 ms and SQL statements per request "
          f"({REQUESTS} requests, test client)")
    header = f"{'page':<20}" + "".join(f"{str(n) + ' records':>32}" for n in sizes)
    print(header)
    print("-" * len(header))
    for i, page in enumerate(PAGES):
        cells = "".join(f"{_cell(found[n][i]):>32}" for n in sizes)
        print(f"{page.name:<20}{cells}")
    sys.stdout.flush()


def _cell(r: Result) -> str:
    return f"{r.p50 * 1000:.1f} / {r.p95 * 1000:.1f} ms, {r.statements:.0f} SQL"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--postgres", help="admin URL of a PostgreSQL server")
    args = parser.parse_args()
    lite: dict[int, list[Result]] = {}
    for size in args.sizes:
        print(f"SQLite: {size} records ...", file=sys.stderr, flush=True)
        with sqlite_database() as url:
            lite[size] = measure(url, size)
    print_table("SQLite", lite)
    if args.postgres:
        pg: dict[int, list[Result]] = {}
        for size in args.sizes:
            print(f"PostgreSQL: {size} records ...", file=sys.stderr, flush=True)
            with throwaway_postgres(args.postgres) as url:
                pg[size] = measure(url, size)
        print_table("PostgreSQL", pg)


if __name__ == "__main__":
    main()
