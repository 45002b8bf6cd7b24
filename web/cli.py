"""Command-line setup: migrate, seed, deploy diagrams, load demo users and the demo signing
key, create an administrator; wake timers; the consistency check (the audit log's commands
are in `web.audit.cli`)."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from engine.validation import DiagramInvalid
from processes.accounts.admin import create_admin_on_server
from processes.db.database import upgrade
from processes.errors import Refused
from processes.letters import signing
from processes.setup import checks, demo
from processes.setup.demo_key import ensure_demo_key
from processes.setup.install import set_up
from processes.work import timers

from . import backup_cli, db
from .audit import cli as audit_cli
from .config import DEMO_KEY_FOLDER


def init_app(app: Flask) -> None:
    for command in (setup, run_timers, create_admin, periksa, *audit_cli.COMMANDS,
                    *backup_cli.COMMANDS):
        app.cli.add_command(command)


@click.command("run-timers")
def run_timers() -> None:
    """Wake the instances whose timer events are due (run it every minute from cron)."""
    woken = timers.fire_due_timers(db.standalone_unit_of_work)
    click.echo(f"{woken} proses dibangunkan.")


@click.command("periksa")
@with_appcontext
def periksa() -> None:
    """Check that workflow state, open tasks, history, records and submissions agree.

    One line per disagreement; exit code 1 when there is any, 0 when all is consistent.
    """
    report = checks.run_check(db.unit_of_work, db.unit_of_work(), user_id=None)
    for line in report.lines:
        click.echo(line)
    checked = (f"{report.instances} proses dan {report.records} catatan diperiksa dalam "
               f"{report.seconds:.1f} detik").replace(".", ",")
    if report.consistent:
        click.echo(f"Semua konsisten: {checked}.")
        return
    click.echo(f"Ditemukan {len(report.lines)} ketidaksesuaian ({checked}).")
    raise SystemExit(1)


@click.command("setup")
@click.option("--demo", "with_demo", is_flag=True, help="Muat pengguna demo.")
def setup(with_demo: bool) -> None:
    """Migrate the database, seed reference lists, deploy every diagram."""
    upgrade(current_app.config["DATABASE_URL"], current_app.config["AUDIT_KEY"])
    if with_demo:
        _demo_key()
    try:
        deployed = set_up(db.standalone_unit_of_work(), with_demo)
    except DiagramInvalid as err:  # the list of problems, in words, instead of a traceback
        click.echo(str(err), err=True)
        raise SystemExit(1) from None
    for item in deployed:
        state = "baru" if item.created else "tetap"
        click.echo(f"Diagram {item.process_id}: versi {item.version_id} ({state})")
    if with_demo:
        click.echo(f"\nPengguna demo (kata sandi: {demo.DEMO_PASSWORD}):")
        for user in demo.DEMO_USERS:
            click.echo(f"  {user.username:<12} {user.role:<11} {user.full_name} — {user.unit}")


def _demo_key() -> None:
    """Without a configured office key, make (once) the self-signed demo key letters use."""
    key = current_app.config.get("SIGNING_KEY")
    if key is None or key.demo:
        key = ensure_demo_key(Path(current_app.instance_path) / DEMO_KEY_FOLDER)
        signing.configure(key)
        click.echo(f"Surat ditandatangani dengan sertifikat DEMO: {key.cert}")
    else:
        click.echo(f"Surat ditandatangani dengan kunci kantor: {key.key}")


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
