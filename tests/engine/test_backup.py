"""A backup archive holds every table with its row counts and checksums, sealed with the
office key: read back it matches the database; a damaged, tampered or foreign archive is
refused before anything is used."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from processes.db import audit
from processes.db.audit_actions import BACA_CATATAN
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.records.models import StoredFile
from processes.setup import backup, pg_tools, restore
from processes.setup.schema import METADATA
from tests.conftest import AUDIT_KEY
from tests.support.audit import triggers_lifted
from tests.support.flows import submitted_record

NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def key() -> bytes:
    return backup.parse_key(backup.new_key())


@pytest.fixture
def archive(db_engine, session_factory, key) -> bytes:
    with UnitOfWork(session_factory) as uow:
        audit.record(uow.session, BACA_CATATAN, user_id=1, target="85050001",
                     outcome="SEMUA_CATPERS", detail={"ref": "cadangan"})
        uow.commit()
    return backup.dump_consistent(db_engine, METADATA, key, NOW)


def test_the_archive_read_back_matches_every_table_of_the_database(db_engine, archive, key):
    loaded = backup.load(archive, key)
    with db_engine.connect() as connection:
        assert loaded.tables == backup.table_checks(connection, METADATA)
    counts = {check.name: check.rows for check in loaded.tables}
    assert counts["audit_log"] >= 1 and counts["unit"] > 0
    assert loaded.created == NOW.isoformat()


def test_the_archive_is_not_readable_without_the_office_key(archive):
    assert b"85050001" not in archive and b"audit_log" not in archive


def test_a_tampered_archive_is_refused(archive, key):
    damaged = bytearray(archive)
    damaged[len(damaged) // 2] ^= 0x01
    with pytest.raises(Refused, match="rusak, diubah"):
        backup.load(bytes(damaged), key)


def test_an_archive_of_another_office_is_refused(archive):
    with pytest.raises(Refused, match="kunci kantor lain"):
        backup.load(archive, backup.parse_key(backup.new_key()))


def test_a_file_that_is_no_archive_is_refused(key):
    with pytest.raises(Refused, match="bukan arsip cadangan"):
        backup.load(b"PK\x03\x04 laporan.xlsx", key)


def test_a_key_of_the_wrong_length_is_refused():
    with pytest.raises(Refused, match="Kunci cadangan tidak sah"):
        backup.parse_key("c2luZ2thdA==")


def _everything(engine) -> dict[str, list[tuple]]:
    with engine.connect() as connection:
        return {table.name: [tuple(row) for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns))]
                for meta in METADATA for table in meta.sorted_tables}


def test_restore_after_a_wipe_gives_back_every_row_and_a_verifiable_audit_chain(
        db_engine, session_factory, archive, key):
    before = _everything(db_engine)
    with UnitOfWork(session_factory) as uow:
        audit.record(uow.session, BACA_CATATAN, user_id=1, target="85050002",
                     outcome="SEMUA_CATPERS", detail={"ref": "sesudah-cadangan"})
        uow.commit()
    with triggers_lifted(db_engine) as conn:
        conn.execute(text("DELETE FROM audit_log"))
    checks = restore.restore(db_engine, METADATA, archive, key)
    assert checks == backup.load(archive, key).tables
    assert _everything(db_engine) == before
    with session_factory() as session:
        assert audit.verify(session, AUDIT_KEY).ok
    with UnitOfWork(session_factory) as uow:
        audit.record(uow.session, BACA_CATATAN, user_id=1, target="85050003",
                     outcome="SEMUA_CATPERS", detail={"ref": "sesudah-pemulihan"})
        uow.commit()
    with session_factory() as session:
        assert audit.verify(session, AUDIT_KEY).ok


def test_a_tampered_archive_is_refused_by_restore_and_nothing_is_touched(db_engine, archive, key):
    before = _everything(db_engine)
    damaged = archive[:-1] + bytes([archive[-1] ^ 0x01])
    with pytest.raises(Refused, match="rusak, diubah"):
        restore.restore(db_engine, METADATA, damaged, key)
    assert _everything(db_engine) == before


def test_the_audit_log_refuses_deletes_again_after_a_restore(db_engine, archive, key):
    restore.restore(db_engine, METADATA, archive, key)
    with pytest.raises(DBAPIError), db_engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log"))


def test_every_stored_document_comes_back_with_its_sha256(db_engine, session, key):
    submitted_record(session)
    stored = {f.sha256: hashlib.sha256(f.content).hexdigest()
              for f in session.scalars(select(StoredFile))}
    assert stored and all(name == digest for name, digest in stored.items())
    session.commit()
    blob = backup.dump_consistent(db_engine, METADATA, key, NOW)
    with triggers_lifted(db_engine) as conn:
        conn.execute(StoredFile.__table__.update().values(content=b"rusak"))
    restore.restore(db_engine, METADATA, blob, key)
    session.expire_all()
    assert {f.sha256: hashlib.sha256(f.content).hexdigest()
            for f in session.scalars(select(StoredFile))} == stored


def test_a_postgresql_archive_holds_pg_dump_and_sqlite_its_rows(db_engine, archive, key):
    loaded = backup.load(archive, key)
    if db_engine.dialect.name == "postgresql":
        assert loaded.method == "pg_dump" and loaded.pg_dump.startswith(b"PGDMP")
        assert loaded.rows == {} and loaded.note == ""
        tables = {table.name for meta in METADATA for table in meta.sorted_tables}
        assert tables <= pg_tools.listed_tables(loaded.pg_dump)
    else:
        assert loaded.method == "baris" and loaded.pg_dump is None


def test_without_a_usable_pg_dump_the_rows_go_in_and_the_manifest_says_why(
        db_engine, session_factory, key, monkeypatch):
    monkeypatch.setattr(pg_tools, "unusable", lambda _conn: "pg_dump versi 13 lebih lama dari server")
    blob = backup.dump_consistent(db_engine, METADATA, key, NOW)
    loaded = backup.load(blob, key)
    assert loaded.method == "baris" and loaded.rows["unit"]
    if db_engine.dialect.name == "postgresql":
        assert loaded.note == "pg_dump versi 13 lebih lama dari server"
    assert restore.restore(db_engine, METADATA, blob, key) == loaded.tables


def test_the_major_version_is_read_from_the_tools_banner():
    assert pg_tools.major_version("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)") == 15
    assert pg_tools.major_version("pg_dump (PostgreSQL) 9.6.24") == 9


def test_a_wipe_of_every_table_and_document_is_undone_by_restore(db_engine, session, key):
    submitted_record(session)
    session.commit()
    before = _everything(db_engine)
    blob = backup.dump_consistent(db_engine, METADATA, key, NOW)
    with triggers_lifted(db_engine) as conn:
        for table in reversed([t for meta in METADATA for t in meta.sorted_tables]):
            conn.execute(table.delete())
    assert all(not rows for rows in _everything(db_engine).values())
    checks = restore.restore(db_engine, METADATA, blob, key)
    assert _everything(db_engine) == before
    assert checks == backup.load(blob, key).tables


def test_an_archive_whose_dump_lacks_a_table_is_refused_before_anything_is_touched(
        db_engine, archive, key, monkeypatch):
    if db_engine.dialect.name != "postgresql":
        pytest.skip("pg_dump archives are PostgreSQL's")
    before = _everything(db_engine)
    monkeypatch.setattr(pg_tools, "listed_tables", lambda _blob: {"unit"})
    with pytest.raises(Refused, match="tidak memuat semua tabel"):
        restore.restore(db_engine, METADATA, archive, key)
    assert _everything(db_engine) == before
