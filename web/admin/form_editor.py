"""The form editor's endpoints (process owners): a form as the edited version holds it, and
the live preview — the edited form rendered by the task page's own fields template."""

from __future__ import annotations

from flask import abort, jsonify, render_template, request

from processes.accounts.roles import PROCESS_OWNERS
from processes.setup import editor, form_editor

from .. import db, forms_io
from ..auth.session import me, role_required
from . import bp

NOT_A_FORM = "Permintaan tidak berisi formulir (teks JSON)."


@bp.route("/katalog/<int:version_id>/formulir/<name>")
@role_required(*PROCESS_OWNERS)
def form(version_id: int, name: str):
    forms = form_editor.editable_forms(editor.edited_version(db.session(), me(), version_id))
    if name not in forms:
        abort(404)
    return jsonify(forms[name])


@bp.route("/katalog/pratinjau-formulir", methods=["POST"])
@role_required(*PROCESS_OWNERS)
def form_preview():
    body = request.get_json(silent=True)
    text = body.get("form") if isinstance(body, dict) else None
    if not isinstance(text, str):
        return jsonify(ok=False, message=NOT_A_FORM, problems=[]), 400
    checked = form_editor.check_form(me(), text)
    if checked.form is None:
        return jsonify(ok=False, message=checked.message, problems=checked.problems), 422
    html = render_template("work/_fields.html", sections=forms_io.sections(checked.form, {}, {}))
    return jsonify(ok=True, message=checked.message, problems=[], html=html)
