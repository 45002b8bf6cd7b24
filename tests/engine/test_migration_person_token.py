"""Migration 0007 on a database that already holds persons: each gets its own token."""

from __future__ import annotations

import os
from contextlib import contextmanager

import pytest
from alembic import command
from sqlalchemy import text

from processes.db.database import alembic_config, make_engine, throwaway_postgres
from tests.conftest import PG_ADMIN_URL


@contextmanager
def empty_database(tmp_path):
    if os.environ.get("ECATPERS_TEST_DB", "sqlite") != "postgresql":
        yield f"sqlite:///{tmp_path / 'migrasi.sqlite'}"
        return
    try:
        database = throwaway_postgres(PG_ADMIN_URL)
        url = database.__enter__()
    except Exception as err:  # as tests/conftest.py: a skip, except in CI
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"PostgreSQL tidak tersedia: {err}")
    try:
        yield url
    finally:
        database.__exit__(None, None, None)


def test_persons_recorded_before_get_an_unguessable_token_each(tmp_path):
    with empty_database(tmp_path) as url:
        command.upgrade(alembic_config(url), "0008")
        engine = make_engine(url)
        with engine.begin() as conn:
            for i, nomor in enumerate(("85051234", "90030456", "199003152015022001")):
                conn.execute(text(
                    "INSERT INTO person (personel, nomor_identitas, nama, created_at) "
                    "VALUES (:p, :n, :nama, CURRENT_TIMESTAMP)"),
                    {"p": "ASN" if len(nomor) == 18 else "POLRI", "n": nomor, "nama": f"Orang {i}"})
        command.upgrade(alembic_config(url), "0009")
        with engine.connect() as conn:
            tokens = [t for (t,) in conn.execute(text("SELECT token FROM person"))]
            assert conn.execute(text("SELECT COUNT(*) FROM person_change")).scalar() == 0
        assert len(tokens) == len(set(tokens)) == 3
        assert all(len(t) >= 20 and not t.isdigit() for t in tokens)
        command.downgrade(alembic_config(url), "0008")  # and back, keeping the persons
        with engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM person")).scalar() == 3
        engine.dispose()
