"""Record page, instance page (timeline), document download."""

from __future__ import annotations

from flask import Response, abort, render_template
from flask_login import login_required

import engine
from processes import records
from processes.errors import Forbidden

from .. import db
from ..auth.session import me
from ..pdf import pdf_response
from . import bp


@bp.route("/catatan/<int:record_id>")
@login_required
def record(record_id: int):
    try:
        view = records.view_record(db.session(), me(), record_id)
    except Forbidden as err:
        abort(403, str(err))
    return render_template("records/record.html", view=view)


@bp.route("/catatan/<int:record_id>/dokumen/<stage>")
@login_required
def record_document(record_id: int, stage: str):
    try:
        stored = records.record_file(db.session(), me(), record_id, stage)
    except Forbidden as err:
        abort(403, str(err))
    return pdf_response(stored.content, f"{stage.lower()}-{record_id}.pdf")


@bp.route("/proses/<int:instance_id>")
@login_required
def instance(instance_id: int):
    session = db.session()
    try:
        info = engine.instance_info(session, instance_id)
        records.check_instance_access(session, me(), instance_id, info.started_by)
    except engine.NotFound:
        abort(404)
    except Forbidden as err:
        abort(403, str(err))
    return render_template(
        "records/instance.html",
        info=info,
        timeline=engine.timeline(session, instance_id),
        open_tasks=engine.instance_tasks(session, instance_id),
        record=records.record_of_instance(session, instance_id),
    )


@bp.route("/proses/<int:instance_id>/diagram.bpmn")
@login_required
def instance_diagram(instance_id: int):
    session = db.session()
    try:
        info = engine.instance_info(session, instance_id)
        records.check_instance_access(session, me(), instance_id, info.started_by)
    except engine.NotFound:
        abort(404)
    except Forbidden as err:
        abort(403, str(err))
    xml = engine.instance_version(session, instance_id).bpmn_xml
    return Response(xml, mimetype="application/xml", headers={"Cache-Control": "private"})
