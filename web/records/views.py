"""Record page, instance page (timeline), document download."""

from __future__ import annotations

from datetime import date

from flask import Response, render_template, request
from flask_login import login_required

import engine
from processes.reading import reads, record_view, search
from processes.reading.dashboard import summary as dashboard_summary
from processes.reference import lists as reference
from processes.reference.ranks import RANK_GROUPS
from processes.work import record_flows

from .. import db
from ..auth.session import me
from ..pdf import pdf_response
from . import bp


@bp.route("/catatan/<int:record_id>")
@login_required
def record(record_id: int):
    view = reads.read_record(db.unit_of_work(), me(), record_id)
    offers = record_flows.offered(db.session(), me(), view.record)
    return render_template("records/record.html", view=view, offers=offers)


@bp.route("/catatan/<int:record_id>/dokumen/<tahap>")
@login_required
def record_document(record_id: int, tahap: str):
    stored = reads.read_record_document(db.unit_of_work(), me(), record_id, tahap)
    return pdf_response(stored.content, f"{tahap.lower()}-{record_id}.pdf")


def _readable_instance(instance_id: int) -> engine.InstanceInfo:
    session = db.session()
    info = engine.instance_info(session, instance_id)
    record_view.check_instance_access(session, me(), instance_id, info.started_by)
    return info


@bp.route("/proses/<int:instance_id>")
@login_required
def instance(instance_id: int):
    session, info = db.session(), _readable_instance(instance_id)
    return render_template(
        "records/instance.html",
        info=info,
        timeline=engine.timeline(session, instance_id),
        open_tasks=engine.instance_tasks(session, instance_id),
        record=record_view.readable_record_of_instance(session, me(), instance_id),
    )


@bp.route("/proses/<int:instance_id>/diagram.bpmn")
@login_required
def instance_diagram(instance_id: int):
    _readable_instance(instance_id)
    xml = engine.diagram_xml(db.session(), instance_id)
    return Response(xml, mimetype="application/xml", headers={"Cache-Control": "private"})


@bp.route("/personel/<nomor>")
@login_required
def person(nomor: str):
    view = reads.read_person(db.unit_of_work(), me(), nomor)
    return render_template("records/person.html", person=view.person, views=view.records)


@bp.route("/catatan")
@login_required
def record_list():
    session = db.session()
    form, errors = _filter_from(request.args)
    page = reads.list_records(db.unit_of_work(), me(), form)
    return render_template(
        "records/list.html", page=page, f=form, errors=errors,
        groups=RANK_GROUPS,
        jenis=reference.options(session, "jenis_pelanggaran"),
        units=reference.options(session, "unit"),
    )


def _filter_from(args) -> tuple[search.RecordFilter, list[str]]:
    errors = []
    f = search.RecordFilter(
        status=args.get("status", ""), jenis=args.get("jenis", ""), unit=args.get("unit", ""),
        kelompok=args.get("kelompok", ""), q=args.get("q", "")[:100],
        page=args.get("page", 1, type=int) or 1,
    )
    for name in ("dari", "sampai"):
        raw = args.get(name, "")
        if raw:
            try:
                setattr(f, name, date.fromisoformat(raw))
            except ValueError:
                errors.append(f"Tanggal '{raw}' tidak valid (format TTTT-BB-HH).")
    return f, errors


@bp.route("/dasbor")
@login_required
def dashboard():
    return render_template("records/dashboard.html", d=dashboard_summary(db.session(), me()))
