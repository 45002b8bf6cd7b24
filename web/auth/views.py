"""Login and logout pages."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, logout_user

from processes.accounts.signin import sign_in
from processes.accounts.users import log_out

from .. import db
from . import bp
from .redirects import same_site_path
from .session import me, start_session


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("work.inbox"))
    username = request.form.get("username", "")
    if request.method == "POST":
        result = sign_in(db.unit_of_work(), username, request.form.get("password", ""),
                         request.remote_addr)
        if result.user is None:
            flash(result.message, "error")
            if result.wait_seconds:
                return render_template("auth/login.html", username=username), 429, {
                    "Retry-After": str(result.wait_seconds)}
            return render_template("auth/login.html", username=username), 401
        start_session(result.user)
        return redirect(same_site_path(request.args.get("next")) or url_for("work.inbox"))
    return render_template("auth/login.html", username=username)


@bp.route("/keluar", methods=["POST"])
@login_required
def logout():
    log_out(db.unit_of_work(), me().id)
    logout_user()
    session.clear()
    flash("Anda telah keluar.", "info")
    return redirect(url_for("auth.login"))
