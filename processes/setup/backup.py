"""The backup archive: every table of the schema, its row counts and SHA-256 checksums in a
manifest, all of it encrypted with AES-GCM under a key the office holds.

SQLite's tables are copied by its online backup API, then read as rows. PostgreSQL's database
is `pg_dump --format=custom` at the very snapshot the manifest's counts and checksums are read
in (`pg_tools`); when pg_dump is missing or older than the server, the rows themselves go in
and the manifest's `note` says why.

Documents and letters are stored in the database (`records.documents`, `letters.models`),
so the tables are the whole of the office's data. An archive is read back only after the
key has authenticated it and every table's rows hash to what its manifest says; a damaged,
tampered or foreign archive is refused before anything is touched.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Connection, Engine, MetaData, StaticPool, Table, create_engine, select, text

from processes.errors import Refused
from processes.setup import pg_tools

MAGIC = b"ECATPERS-CADANGAN-1\n"
NONCE_LEN, KEY_LEN = 12, 32


@dataclass(frozen=True)
class TableCheck:
    """One table in the manifest."""

    name: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class Archive:
    """A verified archive: its manifest and either the rows of each table, encoded for JSON,
    or a pg_dump of the database (`method` "pg_dump"; `note` says why rows were used instead)."""

    created: str
    tables: tuple[TableCheck, ...]
    rows: dict[str, list[dict[str, Any]]]
    method: str = "baris"
    note: str = ""
    pg_dump: bytes | None = None


def new_key() -> str:
    """A fresh office key, as the text the setting holds."""
    return base64.urlsafe_b64encode(os.urandom(KEY_LEN)).decode()


def parse_key(text: str) -> bytes:
    """The setting's text as a 32-byte key, or a refusal saying what is wrong with it."""
    try:
        key = base64.urlsafe_b64decode(text.encode())
    except ValueError:
        key = b""
    if len(key) != KEY_LEN:
        raise Refused("Kunci cadangan tidak sah: harus 32 bita dalam base64 (buat dengan "
                      "`flask --app web kunci-cadangan`).")
    return key


def dump_consistent(engine: Engine, metadata: list[MetaData], key: bytes,
                    now: dt.datetime) -> bytes:
    """One archive of a single moment: SQLite's online backup API copies the file first;
    PostgreSQL reads every table in one REPEATABLE READ snapshot."""
    if engine.dialect.name != "sqlite":
        snapshot_options = {"isolation_level": "REPEATABLE READ"}
        with engine.connect().execution_options(**snapshot_options) as conn, conn.begin():
            note = pg_tools.unusable(conn)
            if note:
                return dump(conn, metadata, key, now, note=note)
            snapshot = conn.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            return _seal(_manifest(now, table_checks(conn, metadata), "pg_dump"),
                         {"pg_dump": base64.b64encode(pg_tools.dump(engine, snapshot)).decode()},
                         key)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    with engine.connect() as source:
        source.connection.driver_connection.backup(copy)
    snapshot = create_engine("sqlite://", creator=lambda: copy, poolclass=StaticPool)
    try:
        with snapshot.connect() as conn:
            return dump(conn, metadata, key, now)
    finally:
        snapshot.dispose()
        copy.close()


def dump(connection: Connection, metadata: list[MetaData], key: bytes, now: dt.datetime,
         note: str = "") -> bytes:
    """Every table's rows, in one read of `connection`, as an encrypted archive."""
    rows = {table.name: _table_rows(connection, table) for table in _tables(metadata)}
    checks = [TableCheck(name, len(found), _digest(found)) for name, found in rows.items()]
    return _seal(_manifest(now, checks, "baris", note), {"rows": rows}, key)


def _manifest(now: dt.datetime, checks: Any, method: str, note: str = "") -> dict[str, Any]:
    return {"created": now.isoformat(), "method": method, "note": note,
            "tables": {check.name: {"rows": check.rows, "sha256": check.sha256}
                       for check in checks}}


def _seal(manifest: dict[str, Any], content: dict[str, Any], key: bytes) -> bytes:
    if "pg_dump" in content:
        manifest["pg_dump_sha256"] = hashlib.sha256(base64.b64decode(content["pg_dump"])).hexdigest()
    plain = gzip.compress(json.dumps({"manifest": manifest, **content}).encode())
    nonce = os.urandom(NONCE_LEN)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, plain, MAGIC)


def load(blob: bytes, key: bytes) -> Archive:
    """The archive checked against its key and manifest; refused when anything disagrees."""
    if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + NONCE_LEN:
        raise Refused("Berkas ini bukan arsip cadangan E-CATPERS.")
    nonce, sealed = blob[len(MAGIC):len(MAGIC) + NONCE_LEN], blob[len(MAGIC) + NONCE_LEN:]
    try:
        payload = json.loads(gzip.decompress(AESGCM(key).decrypt(nonce, sealed, MAGIC)))
    except InvalidTag:
        raise Refused("Arsip cadangan rusak, diubah, atau dibuat dengan kunci kantor lain; "
                      "tidak ada yang dipulihkan.") from None
    manifest = payload["manifest"]
    checks = tuple(TableCheck(name, entry["rows"], entry["sha256"])
                   for name, entry in manifest["tables"].items())
    if "pg_dump" in payload:
        database = base64.b64decode(payload["pg_dump"])
        if hashlib.sha256(database).hexdigest() != manifest.get("pg_dump_sha256"):
            raise Refused("Isi pg_dump tidak cocok dengan manifes arsip; tidak ada yang dipulihkan.")
        return Archive(manifest["created"], checks, {}, "pg_dump", "", database)
    for check in checks:
        found = payload["rows"].get(check.name, [])
        if len(found) != check.rows or _digest(found) != check.sha256:
            raise Refused(f"Isi tabel {check.name} tidak cocok dengan manifes arsip; "
                          "tidak ada yang dipulihkan.")
    return Archive(manifest["created"], checks, payload["rows"], "baris", manifest.get("note", ""))


def table_checks(connection: Connection, metadata: list[MetaData]) -> tuple[TableCheck, ...]:
    """The database's own counts and checksums, to compare with an archive's manifest."""
    checks = []
    for table in _tables(metadata):
        found = _table_rows(connection, table)
        checks.append(TableCheck(table.name, len(found), _digest(found)))
    return tuple(checks)


def _tables(metadata: list[MetaData]) -> list[Table]:
    return [table for meta in metadata for table in meta.sorted_tables]


def _table_rows(connection: Connection, table: Table) -> list[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = connection.execute(select(table).order_by(*order))
    return [{name: _encode(value) for name, value in row._mapping.items()} for row in result]


def _digest(rows: list[dict[str, Any]]) -> str:
    canonical = json.dumps(rows, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(canonical).hexdigest()


def _encode(value: Any) -> Any:
    """A column value as JSON that says its type, so a restore gives back the same value."""
    if isinstance(value, bytes | bytearray | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, dt.datetime):
        return {"$dt": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    if isinstance(value, Decimal):
        return {"$n": str(value)}
    if isinstance(value, dict | list):
        return {"$j": value}
    return value
