"""Inbox, start page and task page."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import login_required

import engine
from forms import PASSWORD_FIELD
from processes.access.grounds import record_ground
from processes.records.updates import FACTS, record_facts
from processes.work import record_flows, task_page, tasks
from processes.work.inbox import inbox_page, parse_after
from processes.work.summary import identity_differences, submission_summary

from .. import db
from ..auth.session import me
from ..forms_io import sections, submitted_fields, submitted_uploads
from ..inputs import row_id
from ..pdf import pdf_response
from . import bp


@bp.route("/", methods=["GET", "POST"])
@login_required
def inbox():
    """The inbox; filters, a search by name or NRP/NIP and paging come by POST, so what was
    typed never goes into an address."""
    session = db.session()
    query = _inbox_query(request.form if _is_post() else {})
    return render_template(
        "work/inbox.html", page=inbox_page(session, me(), query), q=query,
        startable=tasks.startable(session, me()),
    )


def _inbox_query(form) -> engine.InboxQuery:
    return engine.InboxQuery(
        process_id=form.get("proses", "")[:100] or None,
        task_name=form.get("tahap", "")[:100] or None,
        unit_path=form.get("satuan", "")[:400] or None,
        overdue=form.get("terlambat") == "1",
        search=form.get("cari", "").strip()[:100] or None,
        oldest_first=form.get("urut") == "terlama",
        after=parse_after(form.get("setelah")),
    )


@bp.route("/ajukan/<process_id>", methods=["GET", "POST"])
@login_required
def start(process_id: str):
    session = db.session()
    record_id = request.args.get("catatan", type=row_id)
    record = record_flows.record_to_continue(session, me(), record_id) if record_id else None
    name, form = tasks.start_form(session, me(), process_id, record)
    values, errors, staged = {}, {}, {}
    if _is_post():
        values = submitted_fields(form)
        outcome = tasks.start_submission(
            db.unit_of_work(), me(), process_id, values, submitted_uploads(form), record_id,
            request.form.get(PASSWORD_FIELD),
        )
        if outcome.ok:
            flash(f"{name} berhasil diajukan.", "success")
            return redirect(url_for("records.instance", instance_id=outcome.instance_id))
        flash(outcome.message, "error")
        if outcome.stopped:
            return redirect(url_for("work.inbox"))
        errors, staged = outcome.errors, outcome.staged
    context = {FACTS: record_facts(record)} if record else {}
    return render_template(
        "work/start.html", name=name, form=form, process_id=process_id, record=record,
        reads_record=bool(record and record_ground(session, me(), record)),
        sections=sections(form, values, errors, context, staged),
    ), (422 if _is_post() else 200)


@bp.route("/tugas/<task_id>", methods=["GET", "POST"])
@login_required
def task(task_id: str):
    session = db.session()
    values, errors, staged = {}, {}, {}
    if _is_post():
        # The task is completed first, in one pass; the page is built only to show errors.
        outcome = tasks.complete_submitted(
            db.unit_of_work(), me(), task_id,
            lambda form: (submitted_fields(form), submitted_uploads(form)),
            request.form.get(PASSWORD_FIELD),
        )
        if outcome.ok:
            flash(f"Tugas \u201c{outcome.task.title}\u201d selesai.", "success")
            return redirect(url_for("work.inbox"))
        flash(outcome.message, "error")
        if outcome.stopped:
            return redirect(url_for("work.inbox"))
        errors, staged = outcome.errors, outcome.staged
    try:
        page = task_page.open_task_page(session, me(), task_id)
    except engine.TaskNotOpen as err:
        if not _is_post():  # a POST's outcome has said why already
            flash(str(err), "error")
        return redirect(url_for("work.inbox"))
    if _is_post():
        values = {**page.values, **submitted_fields(page.form)}
    else:
        values = page.values
    task_page.log_task_view(db.unit_of_work(), me(), page, opened=not _is_post())
    return render_template(
        "work/task.html", page=page, summary=submission_summary(session, page),
        identity=identity_differences(session, me(), page),
        sections=sections(page.form, values, errors, page.context, staged),
    ), (422 if _is_post() else 200)


def _is_post() -> bool:
    return request.method == "POST"


@bp.route("/tugas/<task_id>/berkas/<field>")
@login_required
def task_file(task_id: str, field: str):
    stored = task_page.read_task_file(db.unit_of_work(), me(), task_id, field)
    return pdf_response(stored.content, f"{field}.pdf")
