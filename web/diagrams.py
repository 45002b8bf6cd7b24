"""bpmn-js served straight from node_modules (installed by npm at setup, never committed)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, send_from_directory

bp = Blueprint("diagrams", __name__)

BPMN_JS_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "bpmn-js" / "dist"


@bp.route("/vendor/bpmn-js/<path:filename>")
def bpmn_js(filename: str):
    if not BPMN_JS_DIST.is_dir():
        abort(404)
    return send_from_directory(BPMN_JS_DIST, filename, max_age=86400)
