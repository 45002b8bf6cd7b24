"""Chart.js served straight from node_modules (installed by npm at setup, never committed)."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, send_from_directory

bp = Blueprint("charts", __name__)

CHART_JS_DIST = Path(__file__).resolve().parent.parent / "node_modules" / "chart.js" / "dist"


@bp.route("/vendor/chart.js/<path:filename>")
def chart_js(filename: str):
    if not CHART_JS_DIST.is_dir():
        abort(404)
    return send_from_directory(CHART_JS_DIST, filename, max_age=86400)
