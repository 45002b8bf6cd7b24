"""The record list, the person page and the log audit stay flat at national size: on
PostgreSQL each statement they run is planned on indexes over the tables that grow
(record, person, audit_log, wf_task_history), never a scan of the whole table, and the
list's order comes from its index, not a sort of every readable record.

The plans are read with EXPLAIN (no timing) on a small generated database with sequential
scans and sorts priced out (`enable_seqscan`, `enable_sort = off`): a statement no index
can serve still plans a Seq Scan, and an order no index gives still plans a Sort, so a
missing index or a condition no index can take fails here, whatever the few rows of a
test database would make cheapest.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from bench.data import fill
from processes.access import audit_trail
from processes.access.audit_trail import TrailFilter
from processes.db.uow import UnitOfWork
from processes.reading import reads
from processes.reading.search import RecordFilter
from processes.records.models import Person, Record
from tests.support.actors import user

BIG = ("record", "person", "audit_log", "wf_task_history")


@pytest.fixture
def national(db_engine, session_factory):
    if db_engine.dialect.name != "postgresql":
        pytest.skip("plans are PostgreSQL's")
    fill(session_factory, 400, seed=3)
    with db_engine.begin() as conn:
        for table in BIG:
            conn.exec_driver_sql(f"ANALYZE {table}")
    return session_factory


def statements_of(db_engine, action) -> list[tuple[str, object]]:
    seen = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, parameters))

    event.listen(db_engine, "before_cursor_execute", keep)
    try:
        action()
    finally:
        event.remove(db_engine, "before_cursor_execute", keep)
    return seen


def plans(db_engine, statements) -> list[tuple[str, str]]:
    found = []
    with db_engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        conn.exec_driver_sql("SET enable_sort = off")
        for statement, parameters in statements:
            rows = conn.exec_driver_sql("EXPLAIN " + statement, parameters).all()
            found.append((statement, "\n".join(r[0] for r in rows)))
    return found


def scans_of_big_tables(plan: str) -> list[str]:
    return [t for t in BIG if re.search(rf"Seq Scan on {t}\b", plan)]


def assert_indexed(db_engine, action) -> list[tuple[str, str]]:
    found = plans(db_engine, statements_of(db_engine, action))
    assert found
    for statement, plan in found:
        assert scans_of_big_tables(plan) == [], f"{statement}\n{plan}"
    return found


@pytest.mark.parametrize("username", ["kapolda", "operator", "op.kapuas"])
def test_the_record_list_reads_by_index_and_never_sorts_every_record(national, db_engine, username):
    session = national()
    viewer = user(session, username)

    def first_two_pages():
        page = reads.list_records(UnitOfWork(national), viewer, RecordFilter())
        if page.next_key:
            reads.list_records(UnitOfWork(national), viewer, RecordFilter(page=2, setelah=page.next_key))

    found = assert_indexed(db_engine, first_two_pages)
    listing = [p for s, p in found if "ORDER BY record.updated_at" in s]
    assert listing and all("Sort" not in p for p in listing), listing
    # The grounds are plain index conditions, no subquery run for each record.
    assert all("SubPlan" not in p for s, p in found if "FROM record" in s), found
    counts = [p for s, p in found if "count(" in s]
    assert counts and all("Limit" in p for p in counts), counts  # capped: stops at 1.001


def test_a_filtered_search_reads_by_index_too(national, db_engine):
    viewer = user(national(), "kapolda")
    assert_indexed(db_engine, lambda: reads.list_records(
        UnitOfWork(national), viewer, RecordFilter(status="PROSES", jenis="KEPP")))


def test_the_person_page_reads_one_person_s_rows(national, db_engine):
    session = national()
    token = session.scalar(select(Person.token).join(Record, Record.person_id == Person.id)
                           .order_by(Person.id).limit(1))
    viewer = user(session, "kapolda")
    assert_indexed(db_engine, lambda: reads.read_person(UnitOfWork(national), viewer, token))


def test_the_audit_log_pages_by_its_id(national, db_engine):
    kapolda, kabid = user(national(), "kapolda"), user(national(), "kabid")
    for _ in range(3):  # reads to log
        reads.list_records(UnitOfWork(national), kapolda, RecordFilter())
    with db_engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE audit_log")
    session = national()
    first = audit_trail.search(session, kabid, TrailFilter())
    assert first.next_key
    found = assert_indexed(db_engine, lambda: audit_trail.search(
        national(), kabid, TrailFilter(page=2, setelah=first.next_key)))
    assert all("Sort" not in p for s, p in found if "ORDER BY audit_log.id" in s), found
    assert_indexed(db_engine, lambda: audit_trail.search(
        national(), kabid, TrailFilter(nomor="60000001", jenis="BACA")))
