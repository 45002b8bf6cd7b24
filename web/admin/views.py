"""User management, office settings and incidents pages (ADMIN only)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for

from processes.accounts import admin as accounts_admin
from processes.accounts.roles import ADMIN, ROLES
from processes.errors import Refused
from processes.letters import settings as office_settings
from processes.records import units as records_units
from processes.reference import admin as reference_admin
from processes.reference import lists as reference
from processes.work import incidents as work_incidents

from .. import db
from ..auth.session import me, role_required
from . import bp


@bp.route("/pengguna", methods=["GET", "POST"])
@role_required(ADMIN)
def users():
    typed = {}
    if request.method == "POST":
        typed = {k: request.form.get(k, "") for k in
                 ("username", "full_name", "jabatan", "nrp", "role", "unit", "password")}
        try:
            flash(accounts_admin.add_user(db.unit_of_work(), me(), typed), "success")
            return redirect(url_for("admin.users"))
        except Refused as err:
            flash(str(err), "error")
        typed.pop("password")
    return render_template(
        "admin/users.html", users=accounts_admin.users(db.session()), roles=ROLES,
        units=reference.options(db.session(), "unit"), typed=typed,
        waiting=len(accounts_admin.waiting_changes(db.session())),
    ), (422 if typed else 200)


@bp.route("/pengguna/<int:user_id>", methods=["POST"])
@role_required(ADMIN)
def update_user(user_id: int):
    try:
        flash(accounts_admin.update_user(
            db.unit_of_work(), me(), user_id, request.form.get("role", ""),
            request.form.get("active") == "1",
        ), "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.users"))


@bp.route("/pengaturan", methods=["GET", "POST"])
@role_required(ADMIN)
def settings():
    if request.method == "POST":
        try:
            office_settings.update_settings(db.unit_of_work(), me(), request.form.to_dict())
            flash("Pengaturan disimpan.", "success")
            return redirect(url_for("admin.settings"))
        except Refused as err:
            flash(str(err), "error")
            values = request.form.to_dict()
            return render_template("admin/settings.html", values=values,
                                   address_warning=office_settings.address_warning(db.session())), 422
    return render_template(
        "admin/settings.html", values=office_settings.current_settings(db.session()),
        address_warning=office_settings.address_warning(db.session()),
    )


@bp.route("/daftar")
@role_required(ADMIN)
def lists():
    units = reference_admin.units(db.session())
    return render_template("admin/lists.html", titles=reference.LIST_TITLES, units=units,
                           parents=[u for u in units if u.active and u.jenis in ("POLDA", "POLRES")],
                           unit_jenis=reference_admin.UNIT_JENIS)


@bp.route("/daftar/<list_name>", methods=["GET", "POST"])
@role_required(ADMIN)
def list_items(list_name: str):
    if list_name not in reference.LIST_TITLES:
        abort(404)
    typed = {}
    q = request.args.get("q", "")[:100]
    if request.method == "POST":
        typed = _item_form()
        try:
            reference_admin.add_item(db.unit_of_work(), me(), list_name, typed)
            flash("Butir ditambahkan.", "success")
            return redirect(url_for("admin.list_items", list_name=list_name))
        except Refused as err:
            flash(str(err), "error")
    return render_template(
        "admin/list_items.html", list_name=list_name, title=reference.LIST_TITLES[list_name],
        page=reference_admin.items(db.session(), list_name, q, _page_number(request.args.get("hal"))),
        q=q, typed=typed,
        scoped=list_name in reference_admin.SCOPED_LISTS,
        multi_jenis=list_name in reference_admin.MULTI_JENIS_LISTS,
        jenis_choices=reference.options(db.session(), "jenis_pelanggaran"),
        addable=list_name in reference_admin.ADDABLE_LISTS,
    ), (422 if typed else 200)


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and len(raw) < 10 else 1


def _item_form() -> dict:
    """The item form; `jenis` may be ticked several times (a wujud perbuatan's jenis)."""
    return {**request.form.to_dict(), "jenis": request.form.getlist("jenis")}


@bp.route("/butir/<int:item_id>", methods=["POST"])
@role_required(ADMIN)
def update_item(item_id: int):
    try:
        list_name = reference_admin.update_item(db.unit_of_work(), me(), item_id, _item_form())
        flash("Butir diperbarui.", "success")
    except Refused as err:
        flash(str(err), "error")
        list_name = request.form.get("list_name", "pangkat")
    return redirect(url_for("admin.list_items", list_name=list_name))


@bp.route("/satuan", methods=["POST"])
@role_required(ADMIN)
def add_unit():
    try:
        reference_admin.add_unit(db.unit_of_work(), me(), request.form.to_dict())
        flash("Satuan ditambahkan.", "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.lists"))


@bp.route("/satuan/<int:unit_id>", methods=["POST"])
@role_required(ADMIN)
def update_unit(unit_id: int):
    try:
        flash(records_units.update_unit(db.unit_of_work(), me(), unit_id, request.form.to_dict()),
              "success")
    except Refused as err:
        flash(str(err), "error")
    return redirect(url_for("admin.lists"))


@bp.route("/insiden")
@role_required(ADMIN)
def incidents():
    include_closed = request.args.get("semua") == "1"
    rows = work_incidents.incident_rows(db.session(), me(), include_closed)
    return render_template("admin/incidents.html", rows=rows, include_closed=include_closed)


@bp.route("/insiden/<int:incident_id>/coba-lagi", methods=["POST"])
@role_required(ADMIN)
def retry_incident(incident_id: int):
    outcome = work_incidents.retry_incident(db.unit_of_work(), me(), incident_id)
    flash(outcome.message, "success" if outcome.ok else "error")
    return redirect(url_for("admin.incidents"))
