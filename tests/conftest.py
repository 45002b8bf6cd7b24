"""Shared fixtures: a migrated database (SQLite or PostgreSQL), demo users, the app.

`ECATPERS_TEST_DB=postgresql` runs the suite on the server at $ECATPERS_PG_URL
(default postgresql+psycopg://postgres@127.0.0.1:5432/test); a throwaway database is
created for the run and dropped after it.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text

from processes import demo
from processes.database import METADATA, make_engine, make_session_factory, upgrade
from processes.setup import install
from processes.uow import UnitOfWork

PG_ADMIN_URL = os.environ.get(
    "ECATPERS_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Rows seeded once per run; everything else is emptied after each test.
KEPT_TABLES = {"unit", "reference_item", "wf_process_version", "app_user", "alembic_version"}


def _postgres_url(tmp_path_factory) -> tuple[str, callable]:
    name = f"ecatpers_test_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL tidak tersedia di {PG_ADMIN_URL}: {err}")
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(scope="session")
def db_url(tmp_path_factory):
    kind = os.environ.get("ECATPERS_TEST_DB", "sqlite")
    drop = None
    if kind == "postgresql":
        url, drop = _postgres_url(tmp_path_factory)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    factory = make_session_factory(engine)
    with factory() as session:
        install(session)
        demo.load_demo_users(session, password=DEMO_PASSWORD)
        session.commit()
    engine.dispose()
    yield url
    if drop:
        drop()


DEMO_PASSWORD = "rahasia-uji"


@pytest.fixture(scope="session")
def db_engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(db_engine):
    factory = make_session_factory(db_engine)
    yield factory
    _empty_tables(db_engine)


def _empty_tables(engine) -> None:
    tables = [t for md in METADATA for t in md.sorted_tables if t.name not in KEPT_TABLES]
    with engine.begin() as conn:
        for table in sorted(tables, key=_depth, reverse=True):
            conn.execute(table.delete())
        conn.execute(text("DELETE FROM app_user WHERE username LIKE 'tmp-%'"))


def _depth(table) -> int:
    return max((_depth(fk.column.table) + 1 for fk in table.foreign_keys if fk.column.table is not table), default=0)


@pytest.fixture
def session(session_factory):
    with session_factory() as s:
        yield s


@pytest.fixture
def uow(session_factory):
    return lambda: UnitOfWork(session_factory)
