"""Laporan: choose a period and a unit, then download XLSX, PDF or the record list as CSV
(POSTed with the form's token; every export is logged by the use case)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import login_required

from engine import utcnow
from processes.access.grounds import viewer_of
from processes.errors import Refused
from processes.reading import report
from processes.reading.dashboard import units_in_scope
from processes.reading.report_files import to_pdf, to_xlsx

from .. import db
from ..auth.session import me
from ..pdf import pdf_response
from . import bp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/laporan")
@login_required
def report_form():
    today = utcnow().date()
    return render_template("records/report.html", units=units_in_scope(db.session(), viewer_of(me())),
                           month=f"{today.year:04d}-{today.month:02d}", year=today.year)


@bp.route("/laporan/unduh", methods=["POST"])
@login_required
def report_download():
    form = request.form
    fmt = form.get("format", "")[:10]
    try:
        period = report.period_of(form.get("jenis", "")[:10], form.get("periode", "")[:20])
        built = report.build(db.unit_of_work(), me(), form.get("satuan", "")[:400], period, fmt)
    except Refused as err:
        flash(str(err), "error")
        return redirect(url_for("records.report_form"))
    name = report.filename(built, fmt)
    if fmt == "pdf":
        return pdf_response(to_pdf(built), name)
    body, mimetype = (to_xlsx(built), XLSX) if fmt == "xlsx" else (report.to_csv(built), "text/csv")
    response = Response(body, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=name)
    response.headers["Cache-Control"] = "no-store"
    return response
