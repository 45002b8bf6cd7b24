"""The page where users change their own password (and must, after an administrator's reset)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required

from processes.accounts.passwords import MIN_LENGTH
from processes.accounts.signin import change_own_password
from processes.errors import Refused

from .. import db
from . import bp
from .session import me, renew_session


@bp.route("/kata-sandi", methods=["GET", "POST"])
@login_required
def change_password():
    if request.method == "POST":
        form = request.form
        try:
            change_own_password(db.unit_of_work(), me(), form.get("current", ""),
                                form.get("new", ""), form.get("repeat", ""))
        except Refused as err:
            flash(str(err), "error")
            return render_template("auth/password.html", min_length=MIN_LENGTH), 422
        renew_session(me())
        flash("Kata sandi diganti. Sesi Anda di perangkat lain telah berakhir.", "success")
        return redirect(url_for("work.inbox"))
    return render_template("auth/password.html", min_length=MIN_LENGTH)
