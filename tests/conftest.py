"""Shared fixtures: a migrated database (SQLite or PostgreSQL), demo users, the app.

`ECATPERS_TEST_DB=postgresql` runs the suite on the server at $ECATPERS_PG_URL
(default postgresql+psycopg://postgres@127.0.0.1:5432/test); a throwaway database is
created for the run and dropped after it.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from processes.db.database import make_engine, make_session_factory, throwaway_postgres
from processes.db.uow import UnitOfWork
from processes.letters import signing
from processes.setup.install import prepare
from processes.setup.schema import METADATA
from tests.support.audit import empty_audit_log

#: The tests' own audit key; every app and session factory of the run uses it.
AUDIT_KEY = b"kunci-log-audit-uji"
os.environ["ECATPERS_AUDIT_KEY"] = AUDIT_KEY.decode()
from tests.support.signatures import make_office_key

PG_ADMIN_URL = os.environ.get(
    "ECATPERS_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
# Rows seeded once per run; everything else is emptied after each test.
KEPT_TABLES = {"unit", "reference_item", "wf_process_version", "app_user", "alembic_version"}
# Emptied too, but past its append-only triggers (tests/support/audit.py).
AUDIT_TABLE = "audit_log"


@pytest.fixture(scope="session")
def db_url(tmp_path_factory):
    if os.environ.get("ECATPERS_TEST_DB", "sqlite") != "postgresql":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        prepare(url, demo_password=DEMO_PASSWORD)
        yield url
        return
    database = throwaway_postgres(PG_ADMIN_URL)
    try:
        url = database.__enter__()
    except Exception as err:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL tidak tersedia di {PG_ADMIN_URL}: {err}")
    try:
        prepare(url, demo_password=DEMO_PASSWORD)
        yield url
    finally:
        database.__exit__(None, None, None)


DEMO_PASSWORD = "rahasia-uji-kalteng"


@pytest.fixture(scope="session")
def office_key(tmp_path_factory) -> signing.KeyConfig:
    """The tests' own signing key and self-signed certificate, made once per run."""
    return make_office_key(tmp_path_factory.mktemp("office-key"))


#: The office's public address in tests: letters are refused while it is a local one.
PUBLIC_URL = "https://catpers.propam-kalteng.test"


@pytest.fixture(scope="session", autouse=True)
def _a_public_verification_address():
    # Session-wide: module-scoped worlds issue letters before any test's own fixtures run.
    from processes.letters import settings

    before = settings.DEFAULTS["alamat_verifikasi"]
    settings.DEFAULTS["alamat_verifikasi"] = PUBLIC_URL
    yield
    settings.DEFAULTS["alamat_verifikasi"] = before


@pytest.fixture(autouse=True)
def _letters_signed_with_the_test_key(office_key):
    # Every test starts with the test key, whatever app an earlier test configured.
    signing.configure(office_key)
    yield
    signing.configure(office_key)


@pytest.fixture(scope="session")
def db_engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def session_factory(db_engine):
    factory = make_session_factory(db_engine, AUDIT_KEY)
    yield factory
    _empty_tables(db_engine)
    empty_audit_log(db_engine)


def _empty_tables(engine) -> None:
    tables = [t for md in METADATA for t in md.sorted_tables
              if t.name not in KEPT_TABLES and t.name != AUDIT_TABLE]
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
