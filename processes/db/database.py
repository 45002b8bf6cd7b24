"""Database connection and schema migration (Alembic), for the app, the CLI and the tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from processes.db import audit

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def make_session_factory(engine: Engine, audit_key: bytes | None = None) -> sessionmaker[Session]:
    """Sessions for one database; what they record joins the audit chain (keyed by
    `audit_key`) when they commit."""
    factory = sessionmaker(engine, expire_on_commit=False)
    audit.attach(factory, audit_key)
    return factory


def alembic_config(url: str, audit_key: bytes | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    # Migrations that write audit rows (0007 chains the old read log) need the key.
    config.attributes["audit_key"] = audit_key
    return config


def upgrade(url: str, audit_key: bytes | None = None) -> None:
    command.upgrade(alembic_config(url, audit_key), "head")


@contextmanager
def throwaway_postgres(admin_url: str) -> Iterator[str]:
    """A fresh database on the server at `admin_url`, dropped afterwards (tests, benchmarks)."""
    name = f"ecatpers_tmp_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield admin_url.rsplit("/", 1)[0] + f"/{name}"
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
