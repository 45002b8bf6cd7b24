"""Log audit: Kabid Propam filters, pages and exports it; the use case refuses anyone else."""

from __future__ import annotations

from flask import Response, render_template, request
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from processes.access import audit_trail
from processes.access.audit_trail import TrailFilter
from processes.reference.dates import parse_range

from .. import db
from ..auth.session import me
from . import bp


@bp.route("/log-akses", methods=["GET", "POST"])
@login_required
def trail():
    """The log; filters and paging come by POST, so a searched NRP/NIP never goes into an
    address, a proxy log or the browser history."""
    f, errors = _filter(request.form)
    view = audit_trail.view_trail(db.unit_of_work(), me(), f)
    return render_template("audit/trail.html", view=view, page=view.page, f=f, errors=errors,
                           choices=audit_trail.action_choices())


@bp.route("/log-akses.csv", methods=["POST"])
@login_required
def export():
    f, _errors = _filter(request.form)
    text = audit_trail.export_csv(db.unit_of_work(), me(), f)
    # The BOM lets spreadsheet programs read the file as UTF-8.
    return Response("\ufeff" + text, mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="log-audit.csv"',
    })


def _filter(args: MultiDict) -> tuple[TrailFilter, list[str]]:
    dari, sampai, errors = parse_range(args.get("dari"), args.get("sampai"))
    f = TrailFilter(
        pengguna=args.get("pengguna", "").strip()[:120], nomor=args.get("nomor", "").strip()[:120],
        jenis=args.get("jenis", "").strip()[:40], dari=dari, sampai=sampai,
        page=args.get("page", 1, type=int) or 1,
        setelah=args.get("setelah", "")[:100], sebelum=args.get("sebelum", "")[:100],
    )
    return f, errors
