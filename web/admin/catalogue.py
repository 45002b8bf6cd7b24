"""The process catalogue page and the upload that deploys a new version (process owners)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for

from processes.accounts.roles import PROCESS_OWNERS
from processes.setup import catalogue as process_catalogue
from processes.setup import version_diff, version_moves

from .. import db
from ..auth.session import me, role_required
from . import bp


def _page(outcome: process_catalogue.Outcome | None = None, status: int = 200, moves=None):
    rows = process_catalogue.catalogue(db.session(), me())
    movable = version_moves.movable_by_version(db.session(), me())
    current = {r.version.process_id: r.version.version_id for r in rows if r.version.is_current}
    return render_template("admin/catalogue.html", rows=rows, outcome=outcome, movable=movable,
                           current=current, moves=moves or []), status


@bp.route("/katalog")
@role_required(*PROCESS_OWNERS)
def catalogue():
    return _page()


@bp.route("/katalog/pasang", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def deploy():
    files = {f.filename: f.read() for f in request.files.getlist("berkas") if f and f.filename}
    outcome = process_catalogue.deploy_upload(
        db.unit_of_work(), me(), files, request.form.get("komentar", "")
    )
    if outcome.ok:
        flash(outcome.message, "success")
        return redirect(url_for("admin.catalogue"))
    return _page(outcome, 422)


@bp.route("/katalog/<int:version_id>/ekspor")
@role_required(*PROCESS_OWNERS)
def export(version_id: int):
    filename, content = process_catalogue.export_version(db.unit_of_work(), me(), version_id)
    return Response(content, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/katalog/impor", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def import_version():
    upload = request.files.get("berkas")
    outcome = process_catalogue.import_version(
        db.unit_of_work(), me(), upload.read() if upload else b"", request.form.get("komentar", "")
    )
    if outcome.ok:
        flash(outcome.message, "success")
        return redirect(url_for("admin.catalogue"))
    return _page(outcome, 422)


@bp.route("/katalog/pindahkan", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def move_instances():
    chosen = [int(i) for i in request.form.getlist("proses") if i.isdigit()]
    target = request.form.get("ke", "")
    if not chosen or not target.isdigit():
        flash("Pilih sedikitnya satu proses yang akan dipindahkan.", "error")
        return redirect(url_for("admin.catalogue"))
    moves = version_moves.move_instances(db.unit_of_work(), me(), chosen, int(target))
    return _page(moves=moves)


@bp.route("/katalog/<int:old_id>/banding/<int:new_id>")
@role_required(*PROCESS_OWNERS)
def version_diff_page(old_id: int, new_id: int):
    pair = version_diff.version_pair(db.session(), me(), old_id, new_id)
    return render_template("admin/version_diff.html", pair=pair)
