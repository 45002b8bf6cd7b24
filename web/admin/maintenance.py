"""The maintenance page (ADMIN only): the app's state at a glance."""

from __future__ import annotations

import datetime as dt

from flask import render_template

from processes.accounts.roles import ADMIN
from processes.setup import maintenance

from .. import db
from ..auth.session import me, role_required
from ..backup_cli import folder
from . import bp
from .backups import office_backup_key


@bp.route("/pemeliharaan")
@role_required(ADMIN)
def maintenance_page():
    now = dt.datetime.now(dt.UTC)
    found = maintenance.state(db.session(), me(), folder(), office_backup_key(), now)
    return render_template("admin/maintenance.html", s=found)
