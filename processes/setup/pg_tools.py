"""PostgreSQL's own tools for the archive: `pg_dump --format=custom` of the app database at
one exported snapshot, `pg_restore --list` to read a dump back without touching anything,
and `pg_restore --clean --if-exists --no-owner --single-transaction` to put it back.

A dump made by a pg_dump older than the server may not be restorable, so the tools are
used only when their major version is at least the server's; otherwise `unusable` says why
and the archive falls back to rows read through SQLAlchemy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from sqlalchemy import Connection, Engine, text

from processes.errors import Refused

TIMEOUT_SECONDS = 3600


def unusable(connection: Connection) -> str:
    """Why pg_dump cannot archive this server (an empty string when it can)."""
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        return "pg_dump/pg_restore tidak ditemukan di server aplikasi"
    client = major_version(_run(["pg_dump", "--version"]).decode())
    server = int(connection.execute(text("SHOW server_version_num")).scalar_one()) // 10000
    if client < server:
        return f"pg_dump versi {client} lebih lama dari server PostgreSQL versi {server}"
    return ""


def major_version(banner: str) -> int:
    """The major version in a tool's `--version` line ("pg_dump (PostgreSQL) 15.20" → 15)."""
    found = re.search(r"\)\s*(\d+)", banner)
    return int(found.group(1)) if found else 0


def dump(engine: Engine, snapshot: str) -> bytes:
    """The database as pg_dump's custom format, read at `snapshot` (pg_export_snapshot)."""
    return _run(["pg_dump", "--format=custom", "--no-owner", f"--snapshot={snapshot}",
                 f"--dbname={_libpq_url(engine)}"], env=_env(engine))


def listed_tables(blob: bytes) -> set[str]:
    """The tables whose data a dump holds; refused when pg_restore cannot read it."""
    try:
        listing = _run(["pg_restore", "--list"], blob).decode()
    except subprocess.CalledProcessError:
        raise Refused("Isi basis data dalam arsip tidak terbaca oleh pg_restore; "
                      "tidak ada yang dipulihkan.") from None
    # A data line reads "3456; 0 16385 TABLE DATA public audit_log owner".
    return {line.split(" TABLE DATA ", 1)[1].split()[1] for line in listing.splitlines()
            if " TABLE DATA " in line and not line.startswith(";")}


def restore(engine: Engine, blob: bytes) -> None:
    """Replace the database's objects and rows with the dump's, all or nothing."""
    try:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
              "--exit-on-error", f"--dbname={_libpq_url(engine)}"], blob, env=_env(engine))
    except subprocess.CalledProcessError as err:
        detail = err.stderr.decode(errors="replace").strip().splitlines()[-1:]
        raise Refused("pg_restore gagal; basis data tidak diubah. " + " ".join(detail)) from None


def _run(args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> bytes:
    done = subprocess.run(args, input=stdin, capture_output=True, check=True,
                          timeout=TIMEOUT_SECONDS, env=env)
    return done.stdout


def _libpq_url(engine: Engine) -> str:
    # libpq reads the password from the environment, never from the command line.
    url = engine.url.set(drivername="postgresql", password=None)
    return url.render_as_string(hide_password=False)


def _env(engine: Engine) -> dict[str, str]:
    env = dict(os.environ)
    if engine.url.password:
        env["PGPASSWORD"] = str(engine.url.password)
    return env
