"""Restoring an archive: verified first (`backup.load`), then every table emptied and refilled
in one transaction, then the database's own counts and checksums compared with the manifest.

The audit log refuses DELETE by trigger (migration 0007); a restore is the one server-side
act allowed past it, for its own transaction only. The rows come back byte for byte, so the
chain verifies again with the office's audit key.

A PostgreSQL archive made by pg_dump is checked by `pg_restore --list` (readable, the same
tables as this schema) before anything is touched, then put back by pg_restore in one
transaction of its own, and the database's counts and checksums compared with the manifest.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Engine, Integer, MetaData, Table, text

from processes.errors import Refused
from processes.setup import pg_tools
from processes.setup.backup import Archive, TableCheck, load, table_checks

AUDIT_TABLE = "audit_log"


def restore(engine: Engine, metadata: list[MetaData], blob: bytes, key: bytes) -> tuple[TableCheck, ...]:
    """Replace the database's rows with the archive's; the checks it now reports.

    Refused, with nothing touched, when the archive fails verification or holds other tables
    than this schema; refused and rolled back when the result differs from the manifest."""
    archive = load(blob, key)
    tables = [table for meta in metadata for table in meta.sorted_tables]
    if {check.name for check in archive.tables} != {table.name for table in tables}:
        raise Refused("Arsip cadangan berasal dari versi skema lain; tidak ada yang dipulihkan.")
    if archive.pg_dump is not None:
        return _restore_dump(engine, metadata, archive, {table.name for table in tables})
    with _audit_triggers_lifted(engine) as conn:
        for table in reversed(tables):
            conn.execute(table.delete())
        for table in tables:
            _refill(conn, table, archive)
        found = table_checks(conn, metadata)
        if found != archive.tables:
            raise Refused("Hasil pemulihan tidak cocok dengan manifes; pemulihan dibatalkan.")
    return found


def _restore_dump(engine: Engine, metadata: list[MetaData], archive: Archive,
                  names: set[str]) -> tuple[TableCheck, ...]:
    if engine.dialect.name != "postgresql":
        raise Refused("Arsip ini berisi pg_dump; hanya dapat dipulihkan ke PostgreSQL.")
    if not names <= pg_tools.listed_tables(archive.pg_dump):
        raise Refused("Isi pg_dump tidak memuat semua tabel skema ini; tidak ada yang dipulihkan.")
    engine.dispose()  # pooled connections would hold plans of the tables pg_restore replaces
    pg_tools.restore(engine, archive.pg_dump)
    with engine.connect() as conn:
        found = table_checks(conn, metadata)
    if found != archive.tables:
        raise Refused("Hasil pemulihan tidak cocok dengan manifes arsip; periksa basis data "
                      "dan pulihkan lagi dari arsip lain.")
    return found


def _refill(conn: Connection, table: Table, archive: Archive) -> None:
    rows = [{name: _decode(value) for name, value in row.items()} for row in archive.rows[table.name]]
    if rows:
        conn.execute(table.insert(), rows)
    if conn.dialect.name == "postgresql":
        _reset_sequences(conn, table)


def _reset_sequences(conn: Connection, table: Table) -> None:
    # Rows came back with their ids; the next id given must follow the largest restored one.
    for column in table.primary_key.columns:
        if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
            conn.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                f"COALESCE(MAX({column.name}), 1), MAX({column.name}) IS NOT NULL) FROM {table.name}"
            ))


@contextmanager
def _audit_triggers_lifted(engine: Engine) -> Iterator[Connection]:
    """One transaction in which the audit log's triggers do not fire.

    PostgreSQL: the table owner disables them inside the transaction (DDL is transactional,
    so they are back however it ends). SQLite: they are dropped and, whatever happens, made
    again from their own stored SQL in transactions of their own."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text(f"ALTER TABLE {AUDIT_TABLE} DISABLE TRIGGER USER"))
            yield conn
            conn.execute(text(f"ALTER TABLE {AUDIT_TABLE} ENABLE TRIGGER USER"))
        return
    with engine.begin() as conn:
        saved = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :table"
        ), {"table": AUDIT_TABLE}).all()
        for name, _sql in saved:
            conn.execute(text(f'DROP TRIGGER "{name}"'))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        with engine.begin() as conn:
            for _name, sql in saved:
                conn.execute(text(sql))


def _decode(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    (tag, inner), = value.items()
    decoders = {"$b": base64.b64decode, "$dt": dt.datetime.fromisoformat,
                "$d": dt.date.fromisoformat, "$n": Decimal, "$j": lambda v: v}
    return decoders[tag](inner)
