"""Command-line setup: migrate, seed, deploy diagrams, load demo users."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from processes.db.database import upgrade
from processes.letters import signing
from processes.setup import demo
from processes.setup.demo_key import ensure_demo_key
from processes.setup.install import install
from processes.work import consistency, timers

from . import db
from .config import DEMO_KEY_FOLDER


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(run_timers)
    app.cli.add_command(periksa)


@click.command("run-timers")
def run_timers() -> None:
    """Wake the instances whose timer events are due (run it every minute from cron)."""
    woken = timers.fire_due_timers(db.unit_of_work)
    click.echo(f"{woken} proses dibangunkan.")


@click.command("periksa")
@with_appcontext
def periksa() -> None:
    """Check that workflow state, open tasks, history, records and submissions agree.

    One line per disagreement; exit code 1 when there is any, 0 when all is consistent.
    """
    report = consistency.periksa(db.unit_of_work)
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
    upgrade(current_app.config["DATABASE_URL"])
    if with_demo:
        _demo_key()
    with db.unit_of_work() as uow:
        deployed = install(uow.session)
        if with_demo:
            demo.load_demo_users(uow.session)
            demo.load_demo_records(uow.session)
        uow.commit()
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
