"""Command-line setup: migrate, seed, deploy diagrams, load demo users, create an administrator;
timers; the audit log's chain check and head export."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from processes.access import audit_integrity
from processes.accounts.admin import create_admin_on_server
from processes.db.database import upgrade
from processes.errors import Refused
from processes.setup import demo
from processes.setup.install import set_up
from processes.work import timers

from . import db
from .config import audit_head_key


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(run_timers)
    app.cli.add_command(create_admin)
    app.cli.add_command(audit_verify)
    app.cli.add_command(audit_head)


@click.command("run-timers")
def run_timers() -> None:
    """Wake the instances whose timer events are due (run it every minute from cron)."""
    woken = timers.fire_due_timers(db.standalone_unit_of_work)
    click.echo(f"{woken} proses dibangunkan.")


@click.command("setup")
@click.option("--demo", "with_demo", is_flag=True, help="Muat pengguna demo.")
def setup(with_demo: bool) -> None:
    """Migrate the database, seed reference lists, deploy every diagram."""
    upgrade(current_app.config["DATABASE_URL"], current_app.config["AUDIT_KEY"])
    deployed = set_up(db.standalone_unit_of_work(), with_demo)
    for item in deployed:
        state = "baru" if item.created else "tetap"
        click.echo(f"Diagram {item.process_id}: versi {item.version_id} ({state})")
    if with_demo:
        click.echo(f"\nPengguna demo (kata sandi: {demo.DEMO_PASSWORD}):")
        for user in demo.DEMO_USERS:
            click.echo(f"  {user.username:<12} {user.role:<11} {user.full_name} — {user.unit}")


@click.command("create-admin")
@with_appcontext
@click.argument("username")
@click.argument("full_name")
@click.option("--unit", default="POLDA-KALTENG", show_default=True, help="Kode satuan kerja.")
@click.password_option("--password", prompt="Kata sandi sementara",
                       confirmation_prompt="Ulangi kata sandi sementara")
def create_admin(username: str, full_name: str, unit: str, password: str) -> None:
    """Create an administrator from the server's shell (the first two of an office)."""
    data = {"username": username, "full_name": full_name, "unit": unit, "password": password}
    try:
        click.echo(create_admin_on_server(db.standalone_unit_of_work(), data))
    except Refused as err:
        raise click.ClickException(str(err)) from None
@click.command("audit-verify")
@click.option("--head", "head_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Kepala rantai yang diekspor (audit-head): ujung log yang dipotong ketahuan.")
def audit_verify(head_file: Path | None) -> None:
    """Recompute the audit log's chain; name the first broken row (exit 1)."""
    head_doc = _read_head(head_file) if head_file else None
    check, head_problem = audit_integrity.verify_log(
        db.standalone_unit_of_work(), _head_key() if head_file else None, head_doc)
    if not check.ok:
        click.echo(f"Log audit RUSAK pada baris #{check.broken_id}: {check.reason}. "
                   f"({check.rows} baris sebelumnya utuh.)")
        sys.exit(1)
    if head_problem:
        click.echo(f"Log audit RUSAK: {head_problem}")
        sys.exit(1)
    click.echo(f"Log audit utuh: {check.rows} baris, kepala #{check.head_id} {check.head_hash}.")


@click.command("audit-head")
@click.option("--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Berkas JSON tujuan; simpan salinannya di luar server ini.")
def audit_head(out_file: Path) -> None:
    """Export the chain head (last id, hash, time) as a signed JSON file (run it from cron)."""
    doc = audit_integrity.current_head(db.standalone_unit_of_work(), _head_key())
    temporary = out_file.with_name(out_file.name + ".tmp")
    temporary.write_text(json.dumps(doc, indent=2) + "\n")
    os.replace(temporary, out_file)
    click.echo(f"Kepala rantai #{doc['id']} disimpan di {out_file}.")


def _head_key() -> bytes:
    key = current_app.config.get("AUDIT_HEAD_KEY") or audit_head_key(current_app.instance_path)
    return key.encode() if isinstance(key, str) else key


def _read_head(path: Path) -> dict:
    try:
        doc = json.loads(path.read_text())
    except (OSError, ValueError) as err:
        raise click.ClickException(f"Berkas kepala rantai tidak dapat dibaca: {err}") from None
    if not isinstance(doc, dict):
        raise click.ClickException("Berkas kepala rantai tidak berisi kepala rantai.")
    return doc
