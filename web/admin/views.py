"""User management and office settings pages (ADMIN only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for

from processes import administration, reference
from processes.errors import Refused
from processes.roles import ROLES

from .. import db
from ..auth.session import me, role_required
from . import bp


@bp.route("/pengguna", methods=["GET", "POST"])
@role_required("ADMIN")
def users():
    typed = {}
    if request.method == "POST":
        typed = {k: request.form.get(k, "") for k in
                 ("username", "full_name", "jabatan", "nrp", "role", "unit", "password")}
        try:
            administration.add_user(db.unit_of_work(), me(), typed)
            flash(f"Pengguna {typed['username']} dibuat.", "success")
            return redirect(url_for("admin.users"))
        except Refused as err:
            flash(str(err), "error")
        typed.pop("password")
    return render_template(
        "admin/users.html", users=administration.users(db.session()), roles=ROLES,
        units=reference.options(db.session(), "unit"), typed=typed,
    ), (422 if typed else 200)


@bp.route("/pengguna/<int:user_id>", methods=["POST"])
@role_required("ADMIN")
def update_user(user_id: int):
    try:
        administration.update_user(
            db.unit_of_work(), me(), user_id, request.form.get("role", ""),
            request.form.get("active") == "1",
        )
        flash("Pengguna diperbarui; sesi lamanya berakhir.", "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.users"))


@bp.route("/pengaturan", methods=["GET", "POST"])
@role_required("ADMIN")
def settings():
    if request.method == "POST":
        try:
            administration.update_settings(db.unit_of_work(), me(), request.form.to_dict())
            flash("Pengaturan disimpan.", "success")
            return redirect(url_for("admin.settings"))
        except Refused as err:
            flash(str(err), "error")
            values = request.form.to_dict()
            return render_template("admin/settings.html", values=values), 422
    return render_template(
        "admin/settings.html", values=administration.current_settings(db.session())
    )
