"""The maintenance page (ADMIN only): the app's state at a glance."""

from __future__ import annotations

import datetime as dt

from flask import render_template

from processes.accounts.roles import ADMIN
from processes.setup import checks, maintenance

from .. import db
from ..auth.session import me, role_required
from ..backup_cli import folder
from . import bp
from .backups import office_backup_key


@bp.route("/pemeliharaan")
@role_required(ADMIN)
def maintenance_page():
    return _page()


@bp.route("/pemeliharaan/periksa", methods=["POST"])
@role_required(ADMIN)
def run_check():
    """Runs the consistency check now; the page shows every finding of this run."""
    return _page(checks.run_check_as(db.standalone_unit_of_work, db.unit_of_work(), me()))


def _page(report=None):
    now = dt.datetime.now(dt.UTC)
    found = maintenance.state(db.session(), me(), folder(), office_backup_key(), now)
    return render_template("admin/maintenance.html", s=found, report=report)
