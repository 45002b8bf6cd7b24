"""Migration 0007: an office's existing read log becomes the first rows of the audit chain,
in its own order, and the read log table goes; going back restores the reads."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text

from processes.db.audit import AuditEntry
from processes.db.audit_chain import check_rows
from processes.db.database import alembic_config, make_engine, throwaway_postgres
from tests.conftest import PG_ADMIN_URL

KEY = b"kunci-kantor"
READS = [  # (id, read_at, nomor, what, ref, ground): ids out of time order on purpose
    (7, datetime(2026, 11, 2, 8, 0, 1, 250, tzinfo=UTC), "85051234", "CATATAN", "3", "SEMUA_CATPERS"),
    (9, datetime(2026, 11, 2, 7, 0, tzinfo=UTC), "85051234", "PERSONEL", "", "AKSES_KHUSUS"),
    (12, datetime(2026, 11, 3, 9, 30, tzinfo=UTC), "85059999", "SURAT_SKHP", "SKHP/1/XI/2026", "PEMOHON_SURAT"),
]


@pytest.fixture
def fresh_url(tmp_path):
    if os.environ.get("ECATPERS_TEST_DB", "sqlite") != "postgresql":
        yield f"sqlite:///{tmp_path / 'lama.sqlite'}"
        return
    with throwaway_postgres(PG_ADMIN_URL) as url:
        yield url


def a_database_at_0009_with_reads(url: str):
    command.upgrade(alembic_config(url), "0009")
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO unit (id, code, name, jenis, path) "
                          "VALUES (1, 'POLDA', 'Polda', 'POLDA', '/POLDA/')"))
        conn.execute(text(
            "INSERT INTO app_user (id, username, full_name, jabatan, password_hash, role, unit_id, "
            "is_active, session_counter) VALUES (4, 'kabid', 'Kabid', '', 'x', 'DIREKTUR', 1, true, 0)"))
        for read_id, at, nomor, what, ref, ground in READS:
            conn.execute(text(
                "INSERT INTO read_log (id, user_id, read_at, nomor_identitas, what, ref, ground) "
                "VALUES (:id, 4, :at, :nomor, :what, :ref, :ground)"),
                {"id": read_id, "at": at if url.startswith("postgresql") else at.strftime(
                    "%Y-%m-%d %H:%M:%S.%f"), "nomor": nomor, "what": what, "ref": ref,
                 "ground": ground})
    return engine


def audit_rows(engine):
    with engine.connect() as conn:
        return [row._mapping for row in conn.execute(
            AuditEntry.__table__.select().order_by(AuditEntry.id))]


def test_the_read_log_becomes_the_start_of_the_chain_and_comes_back_on_downgrade(fresh_url):
    engine = a_database_at_0009_with_reads(fresh_url)
    try:
        command.upgrade(alembic_config(fresh_url, KEY), "0010")
        rows = audit_rows(engine)
        assert [(r["id"], r["action"], r["target"], r["outcome"], r["detail"]) for r in rows] == [
            (1, "BACA_CATATAN", "85051234", "SEMUA_CATPERS", {"ref": "3"}),
            (2, "BACA_PERSONEL", "85051234", "AKSES_KHUSUS", {}),
            (3, "BACA_SURAT_SKHP", "85059999", "PEMOHON_SURAT", {"ref": "SKHP/1/XI/2026"}),
        ]
        assert all(r["user_id"] == 4 for r in rows)
        assert check_rows(KEY, rows).ok
        assert not check_rows(b"kunci-lain", rows).ok
        assert "read_log" not in inspect(engine).get_table_names()

        command.downgrade(alembic_config(fresh_url), "0009")
        with engine.connect() as conn:
            back = conn.execute(text(
                "SELECT nomor_identitas, what, ref, ground FROM read_log ORDER BY id")).all()
        assert [tuple(r) for r in back] == [(n, w, r, g) for _, _, n, w, r, g in READS]
        assert "audit_log" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()


def test_without_the_key_the_reads_are_not_chained_and_nothing_changes(fresh_url, monkeypatch):
    monkeypatch.delenv("ECATPERS_AUDIT_KEY", raising=False)
    engine = a_database_at_0009_with_reads(fresh_url)
    try:
        with pytest.raises(RuntimeError, match="ECATPERS_AUDIT_KEY"):
            command.upgrade(alembic_config(fresh_url), "0010")
        tables = inspect(engine).get_table_names()
        assert "read_log" in tables and "audit_log" not in tables
    finally:
        engine.dispose()
