"""What every page needs: the menu's inbox count, role titles, the status legend."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import Flask, abort, g, request
from flask_login import current_user

import engine
from forms import password_prompt
from processes.access.grounds import reads_all
from processes.accounts.roles import ADMIN, ROLES
from processes.accounts.users import actor_for
from processes.records import penanganan
from processes.records.statuses import STATUSES
from processes.reference import lists as reference
from processes.reference.dates import long_date, short_date

from . import db

#: Polda Kalimantan Tengah keeps WIB; the database stores UTC.
LOCAL_TIME = ZoneInfo("Asia/Jakarta")


def local_time(value: datetime | None, fmt: str = "%d-%m-%Y %H:%M") -> str:
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(LOCAL_TIME).strftime(fmt) + " WIB"


def long_time(value: datetime | None) -> str:
    """'2 Desember 2026 pukul 10.00 WIB': the local day and time, as a letter writes them."""
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(LOCAL_TIME)
    return f"{long_date(local.date())} pukul {local:%H.%M} WIB"


def label(code: str | None, list_name: str) -> str:
    """A stored code as its reference list names it (`{{ r.pangkat|label('pangkat') }}`);
    each list is read once per request."""
    if not code:
        return "–"
    cache = g.setdefault("labels", {})
    if list_name not in cache:
        cache[list_name] = reference.labels(db.session(), list_name)
    return cache[list_name].get(code, code)


def init_app(app: Flask) -> None:
    app.context_processor(_globals)
    app.add_template_filter(local_time, "waktu")
    app.add_template_filter(long_date, "tanggal")
    app.add_template_filter(long_time, "waktu_panjang")
    app.add_template_filter(short_date, "tgl")
    app.add_template_filter(label, "label")
    app.before_request(_refuse_nul)


def _refuse_nul() -> None:
    """A NUL character is never valid input; PostgreSQL would fail on it rather than say no."""
    if "\x00" in request.path:
        abort(404)  # no such page
    if any("\x00" in value for value in [*request.args.values(), *request.form.values()]):
        abort(400)


def _globals() -> dict:
    values = {"ROLES": ROLES, "STATUSES": STATUSES, "inbox_count": 0,
              "password_prompt": password_prompt, "MABES_MARK": penanganan.MARK}
    if current_user.is_authenticated:
        if "inbox_count" not in g:
            count = engine.inbox_count(db.session(), actor_for(current_user.user))
            g.inbox_count = f"{engine.INBOX_COUNT_CAP - 1}+" if count >= engine.INBOX_COUNT_CAP else count
        values["inbox_count"] = g.inbox_count
        values["me"] = current_user.user
        values["reads_all"] = reads_all
        if current_user.user.role == ADMIN:  # incidents wait for the administrator
            values["incident_count"] = engine.incident_count(db.session())
    return values
