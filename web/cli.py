"""Command-line setup: migrate, seed, deploy diagrams, load demo users."""

from __future__ import annotations

import click
from flask import Flask, current_app

from processes.db.database import upgrade
from processes.setup import demo
from processes.setup.install import set_up
from processes.work import timers

from . import db


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(run_timers)


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
