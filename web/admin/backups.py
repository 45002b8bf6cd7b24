"""The backups page (ADMIN only): the archives, their size and whether each verifies."""

from __future__ import annotations

import datetime as dt

from flask import render_template

from processes.accounts.roles import ADMIN
from processes.errors import Refused
from processes.setup import backup, backup_files

from ..auth.session import role_required
from ..backup_cli import folder, key_text
from . import bp


@bp.route("/cadangan")
@role_required(ADMIN)
def backups():
    try:
        key = backup.parse_key(key_text()) if key_text() else None
    except Refused:
        key = None
    rows, stale = backup_files.listing(folder(), key, dt.datetime.now(dt.UTC))
    return render_template("admin/backups.html", rows=rows[:20], stale=stale, keyed=key is not None)
