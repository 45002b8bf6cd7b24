"""Record, person and process pages, documents, the record list, and the
access table (Hak Akses). Person pages are addressed by token; the list is searched by POST."""

from __future__ import annotations

from flask import Response, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_required

import engine
from processes.access import policy
from processes.access import rights as access_rights
from processes.access.audit_trail import AUDIT_READERS
from processes.errors import Refused
from processes.letters.listing import person_letters
from processes.reading import reads, record_view, search
from processes.records.sanction_dates import office_today
from processes.records.sanctions import NEVER
from processes.reference import lists as reference
from processes.reference.dates import parse_range
from processes.reference.ranks import RANK_GROUPS
from processes.work import record_flows, withdrawal

from .. import db
from ..access_pages import pages_by_role
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


@bp.route("/proses/<int:instance_id>")
@login_required
def instance(instance_id: int):
    view = reads.read_instance(db.unit_of_work(), me(), instance_id)
    can_withdraw = withdrawal.withdrawable(db.session(), me(), instance_id) is not None
    return render_template("records/instance.html", view=view, info=view.info,
                           can_withdraw=can_withdraw)


@bp.route("/proses/<int:instance_id>/tarik", methods=["POST"])
@login_required
def withdraw(instance_id: int):
    try:
        record = withdrawal.withdraw(db.unit_of_work(), me(), instance_id,
                                     request.form.get("alasan", "")[:2000])
    except Refused as err:
        flash(str(err), "error")
        return redirect(url_for("records.instance", instance_id=instance_id))
    flash(f"Pengajuan ditarik; catatan kini berstatus {record.status}.", "success")
    return redirect(url_for("work.inbox"))


@bp.route("/proses/<int:instance_id>/diagram.bpmn")
@login_required
def instance_diagram(instance_id: int):
    session = db.session()
    record_view.check_instance_access(session, me(), engine.instance_info(session, instance_id))
    xml = engine.diagram_xml(session, instance_id)
    return Response(xml, mimetype="application/xml", headers={"Cache-Control": "private"})


@bp.route("/personel/<token>")
@login_required
def person(token: str):
    view = reads.read_person(db.unit_of_work(), me(), token[:64])
    letters = person_letters(db.session(), me(), view.person.nomor_identitas)
    return render_template("records/person.html", view=view, person=view.person, views=view.records,
                           letters=letters, never=NEVER, today=office_today())


@bp.route("/catatan", methods=["GET", "POST"])
@login_required
def record_list():
    """The list; a search by name or NRP/NIP comes by POST (paging too), so what was typed
    never goes into an address, a proxy log or the browser history."""
    session = db.session()
    posted = request.method == "POST"
    form, errors = _filter_from(request.form if posted else request.args, with_text=posted)
    page = reads.list_records(db.unit_of_work(), me(), form)
    return render_template(
        "records/list.html", page=page, f=form, errors=errors,
        groups=RANK_GROUPS,
        jenis=reference.options(session, "jenis_pelanggaran"),
        units=reference.options(session, "unit"),
    )


def _filter_from(args, with_text: bool) -> tuple[search.RecordFilter, list[str]]:
    f = search.RecordFilter(
        status=args.get("status", ""), jenis=args.get("jenis", ""), unit=args.get("unit", ""),
        kelompok=args.get("kelompok", ""), q=args.get("q", "")[:100] if with_text else "",
        page=args.get("page", 1, type=int) or 1,
        setelah=args.get("setelah", "")[:100], sebelum=args.get("sebelum", "")[:100],
        satuan=args.get("satuan", "")[:400], fase=args.get("fase", "")[:20],
        diupdate=args.get("diupdate", "") == "1",
    )
    f.dari, f.sampai, errors = parse_range(args.get("dari"), args.get("sampai"))
    return f, errors


@bp.route("/hak-akses")
@login_required
def access_policy():
    pages = pages_by_role(current_app)
    for role in AUDIT_READERS:
        pages[role].append("Log audit")
    return render_template("records/access_policy.html", rows=policy.policy_rows(),
                           levels=policy.TINGKAT.values(),
                           rights=access_rights.rights(db.session(), pages),
                           unlaned=access_rights.unlaned_steps(db.session()))
