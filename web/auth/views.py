"""Login and logout pages."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from processes.accounts.sign_ins import record_sign_in
from processes.accounts.users import authenticate, log_out

from .. import db
from . import bp
from .session import SignedIn, me


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("work.inbox"))
    username = request.form.get("username", "")
    if request.method == "POST":
        user = authenticate(db.session(), username, request.form.get("password", ""))
        record_sign_in(db.unit_of_work(), username, user)
        if user is None:
            flash("Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.", "error")
            return render_template("auth/login.html", username=username), 401
        session.clear()
        login_user(SignedIn(user))
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", username=username)


@bp.route("/keluar", methods=["POST"])
@login_required
def logout():
    log_out(db.unit_of_work(), me().id)
    logout_user()
    session.clear()
    flash("Anda telah keluar.", "info")
    return redirect(url_for("auth.login"))


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("work.inbox")
