"""A user's temporary password, and the list of account changes awaiting a second
administrator (ADMIN only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from processes.accounts import admin as accounts_admin
from processes.accounts.approvals import describe
from processes.accounts.passwords import MIN_LENGTH
from processes.accounts.roles import ADMIN
from processes.errors import Refused

from .. import db
from ..auth.session import me, role_required
from . import bp


@bp.route("/pengguna/<int:user_id>/sandi", methods=["POST"])
@role_required(ADMIN)
def reset_password(user_id: int):
    try:
        message = accounts_admin.reset_password(
            db.unit_of_work(), me(), user_id, request.form.get("password", ""))
        flash(message, "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.users"))


@bp.route("/persetujuan")
@role_required(ADMIN)
def approvals():
    changes = accounts_admin.waiting_changes(db.session())
    return render_template("admin/approvals.html", changes=changes, describe=describe,
                           min_length=MIN_LENGTH)


@bp.route("/persetujuan/<int:change_id>", methods=["POST"])
@role_required(ADMIN)
def decide(change_id: int):
    keputusan = request.form.get("keputusan")
    if keputusan not in ("SETUJU", "TOLAK"):
        flash("Pilih Setujui atau Tolak.", "error")
        return redirect(url_for("admin.approvals"))
    try:
        approve = keputusan == "SETUJU"
        flash(accounts_admin.decide_change(db.unit_of_work(), me(), change_id, approve), "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.approvals"))
