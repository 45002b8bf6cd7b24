"""The personnel master data page (ADMIN only): import from XLSX/CSV with its report, the
templates, and one person's data and change history (looked up by POST)."""

from __future__ import annotations

from flask import Response, jsonify, render_template, request

from processes.accounts.roles import ADMIN
from processes.errors import Refused
from processes.records import import_jobs, personnel, personnel_import, personnel_template

from .. import db
from ..auth.session import me, role_required
from . import bp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Bad rows listed on the page; the rest are counted.
SHOWN_BAD_ROWS = 500


def _page(status: int = 200, **context):
    return render_template("admin/personnel.html", count=personnel.count(db.session()),
                           shown_bad=SHOWN_BAD_ROWS,
                           field_labels=personnel.FIELD_LABELS, **context), status


@bp.route("/data-induk")
@role_required(ADMIN)
def personnel_page():
    return _page()


@bp.route("/data-induk/impor", methods=["POST"])
@role_required(ADMIN)
def personnel_import_file():
    upload = request.files.get("berkas")
    if not upload or not upload.filename:
        return _page(422, error="Pilih berkas XLSX atau CSV.")
    content = upload.read(personnel_import.MAX_BYTES + 1)
    progress = _tracker(upload.filename)
    try:
        report = personnel_import.import_file(db.unit_of_work(), me(), upload.filename, content,
                                              progress=progress)
    except Refused as err:
        progress("GAGAL", 0, 0, str(err))
        return _page(422, error=str(err))
    progress("SELESAI", report.rows, report.rows)
    return _page(report=report)


def _tracker(file_name: str) -> import_jobs.Progress:
    # The page's script names the job (a random token) so that it can poll it meanwhile.
    token = request.form.get("job", "")
    if not import_jobs.TOKEN.match(token):
        return lambda *_step: None
    return import_jobs.tracker(db.standalone_factory(), token, me().id, file_name)


@bp.route("/data-induk/impor/<token>")
@role_required(ADMIN)
def personnel_import_progress(token: str):
    job = import_jobs.shown(db.session(), token, me().id)
    if job is None:  # not begun yet (the poll may come first), or someone else's
        return jsonify(state="", label="Belum dimulai", done=0, total=0, message="")
    return jsonify(state=job.state, label=job.label, done=job.done, total=job.total,
                   message=job.message)


@bp.route("/data-induk/cari", methods=["POST"])
@role_required(ADMIN)
def personnel_lookup():
    nomor = request.form.get("nomor", "").strip()[:18]
    identity = personnel.identity_on_file(db.session(), nomor) if nomor else None
    return _page(looked_up=nomor, identity=identity,
                 history=personnel.history(db.session(), nomor) if identity else [])


@bp.route("/data-induk/templat.<fmt>")
@role_required(ADMIN)
def personnel_template_file(fmt: str):
    if fmt == "xlsx":
        body, mimetype = personnel_template.template_xlsx(), XLSX
    elif fmt == "csv":
        body, mimetype = personnel_template.template_csv(), "text/csv"
    else:
        return _page(404, error="Templat hanya .xlsx atau .csv.")
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=f"templat-data-induk.{fmt}")
    return response
