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


def office_backup_key() -> bytes | None:
    """The office's backup key, or None when none is set or it cannot be read."""
    try:
        return backup.parse_key(key_text()) if key_text() else None
    except Refused:
        return None


@bp.route("/cadangan")
@role_required(ADMIN)
def backups():
    key = office_backup_key()
    rows, stale = backup_files.listing(folder(), key, dt.datetime.now(dt.UTC))
    return render_template("admin/backups.html", rows=rows[:20], stale=stale, keyed=key is not None)
