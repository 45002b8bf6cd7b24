"""Backup commands: make an office key, make an archive (keeping the last N), verify one.

Settings: ECATPERS_BACKUP_KEY (or ECATPERS_BACKUP_KEY_FILE), ECATPERS_BACKUP_FOLDER
(default: the instance folder's `cadangan`), ECATPERS_BACKUP_KEEP (default 14).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from processes.errors import Refused
from processes.setup import backup, backup_files, restore
from processes.setup.schema import METADATA


def key_text() -> str:
    """The configured office backup key's text, or an empty string."""
    text = os.environ.get("ECATPERS_BACKUP_KEY", "")
    if not text and os.environ.get("ECATPERS_BACKUP_KEY_FILE"):
        text = Path(os.environ["ECATPERS_BACKUP_KEY_FILE"]).read_text().strip()
    return text


def _key() -> bytes:
    text = key_text()
    if not text:
        raise click.ClickException("ECATPERS_BACKUP_KEY belum diatur (buat dengan "
                                   "`flask --app web kunci-cadangan`).")
    try:
        return backup.parse_key(text)
    except Refused as err:
        raise click.ClickException(str(err)) from None


def folder() -> Path:
    """Where the archives are kept."""
    default = Path(current_app.instance_path) / "cadangan"
    return Path(os.environ.get("ECATPERS_BACKUP_FOLDER") or default)


@click.command("kunci-cadangan")
def new_key() -> None:
    """Print a fresh office key for the archives (keep it apart from the archives)."""
    click.echo(backup.new_key())


@click.command("backup")
@with_appcontext
def make_backup() -> None:
    """Write one consistent, encrypted archive of the whole database; keep the last N."""
    key = _key()
    keep = int(os.environ.get("ECATPERS_BACKUP_KEEP", "14"))
    engine = current_app.extensions["ecatpers_engine"]
    blob = backup.dump_consistent(engine, METADATA, key, dt.datetime.now(dt.UTC))
    path = backup_files.write(folder(), blob, dt.datetime.now(dt.UTC))
    removed = backup_files.prune(folder(), keep)
    click.echo(f"Cadangan dibuat: {path} ({len(blob):,} bita).".replace(",", "."))
    if removed:
        click.echo(f"{len(removed)} cadangan lama dihapus (disimpan {keep} terakhir).")


@click.command("periksa-cadangan")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def verify_backup(file: Path) -> None:
    """Check an archive against the office key and its manifest, touching nothing."""
    try:
        archive = backup.load(file.read_bytes(), _key())
    except Refused as err:
        raise click.ClickException(str(err)) from None
    rows = sum(check.rows for check in archive.tables)
    click.echo(f"Arsip utuh: {len(archive.tables)} tabel, {rows} baris, dibuat {archive.created}.")


@click.command("restore")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="Semua data sekarang diganti isi arsip. Lanjutkan?")
def restore_backup(file: Path) -> None:
    """Verify an archive, then replace every row with its rows (stop the app first)."""
    engine = current_app.extensions["ecatpers_engine"]
    try:
        checks = restore.restore(engine, METADATA, file.read_bytes(), _key())
    except Refused as err:
        raise click.ClickException(str(err)) from None
    for check in checks:
        click.echo(f"  {check.name:<28} {check.rows:>8} baris  {check.sha256[:16]}")
    click.echo(f"Dipulihkan: {len(checks)} tabel, jumlah baris dan sidik SHA-256 sama dengan manifes.")


COMMANDS = (new_key, make_backup, verify_backup, restore_backup)
