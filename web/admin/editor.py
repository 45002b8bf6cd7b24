"""The diagram editor page and its JSON endpoints (process owners): the diagram of a version,
the pick lists, checking an edit and deploying it."""

from __future__ import annotations

from flask import Response, flash, jsonify, render_template, request, url_for

from engine.validation import Problem
from processes.accounts.roles import PROCESS_OWNERS
from processes.setup import editor, form_editor

from .. import db
from ..auth.session import me, role_required
from . import bp

NOT_A_DIAGRAM = "Permintaan tidak berisi diagram (XML BPMN)."


def _problems(problems: list[Problem]) -> list[dict[str, str]]:
    return [{"element_id": p.element_id, "element_name": p.element_name,
             "message": p.message, "text": str(p)} for p in problems]


def _texts(value) -> dict[str, str] | None:
    """A name → text mapping from the request (None when it is not one)."""
    value = value or {}
    if not isinstance(value, dict) or not all(
            isinstance(n, str) and isinstance(x, str) for n, x in value.items()):
        return None
    return value


def _posted() -> tuple[editor.Edit, str] | None:
    """The edit in the request's JSON: `xml`, optional `tables` (name → DMN), `forms`
    (name → form JSON text) and `komentar`."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("xml"), str) or not body["xml"]:
        return None
    tables, forms = _texts(body.get("tables")), _texts(body.get("forms"))
    if tables is None or forms is None:
        return None
    comment = body.get("komentar")
    edit = editor.Edit(body["xml"].encode("utf-8"),
                       {n: x.encode("utf-8") for n, x in tables.items()}, forms)
    return edit, comment if isinstance(comment, str) else ""


def _answer(outcome, status: int):
    return jsonify(ok=outcome.ok, message=outcome.message,
                   problems=_problems(outcome.problems)), status


@bp.route("/katalog/<int:version_id>/ubah")
@role_required(*PROCESS_OWNERS)
def edit(version_id: int):
    bundle = editor.edited_version(db.session(), me(), version_id)
    forms = form_editor.editable_forms(bundle)
    return render_template("admin/editor.html", bundle=bundle, version_id=version_id,
                           name=bundle.name, tables=editor.tables_of(bundle),
                           forms=[(n, f.get("title") or n, n in bundle.forms)
                                  for n, f in forms.items()],
                           lists=form_editor.pick_lists())


@bp.route("/katalog/<int:version_id>/diagram.bpmn")
@role_required(*PROCESS_OWNERS)
def diagram(version_id: int):
    bundle = editor.edited_version(db.session(), me(), version_id)
    return Response(bundle.bpmn_xml, mimetype="application/xml")


@bp.route("/katalog/<int:version_id>/tabel/<name>")
@role_required(*PROCESS_OWNERS)
def table(version_id: int, name: str):
    return Response(editor.table_xml(db.session(), me(), version_id, name),
                    mimetype="application/xml")


@bp.route("/katalog/pilihan")
@role_required(*PROCESS_OWNERS)
def editor_options():
    return jsonify(editor.editor_options(db.session(), me()))


@bp.route("/katalog/<int:version_id>/periksa", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def check_edit(version_id: int):
    posted = _posted()
    if posted is None:
        return jsonify(ok=False, message=NOT_A_DIAGRAM, problems=[]), 400
    return _answer(editor.check_edit(db.session(), me(), version_id, posted[0]), 200)


@bp.route("/katalog/<int:version_id>/pasang-suntingan", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def deploy_edit(version_id: int):
    posted = _posted()
    if posted is None:
        return jsonify(ok=False, message=NOT_A_DIAGRAM, problems=[]), 400
    outcome = editor.deploy_edit(db.unit_of_work(), me(), version_id, *posted)
    if not outcome.ok:
        return _answer(outcome, 422)
    flash(outcome.message, "success")
    return jsonify(ok=True, message=outcome.message, redirect=url_for("admin.catalogue"))
