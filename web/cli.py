"""Command-line setup: migrate, seed, deploy diagrams, load demo users, create an administrator."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from processes.accounts.admin import create_admin_on_server
from processes.db.database import upgrade
from processes.errors import Refused
from processes.setup import demo
from processes.setup.install import set_up
from processes.work import timers

from . import db


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(run_timers)
    app.cli.add_command(create_admin)


@click.command("run-timers")
def run_timers() -> None:
    """Wake the instances whose timer events are due (run it every minute from cron)."""
    woken = timers.fire_due_timers(db.standalone_unit_of_work)
    click.echo(f"{woken} proses dibangunkan.")


@click.command("setup")
@click.option("--demo", "with_demo", is_flag=True, help="Muat pengguna demo.")
def setup(with_demo: bool) -> None:
    """Migrate the database, seed reference lists, deploy every diagram."""
    upgrade(current_app.config["DATABASE_URL"])
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
