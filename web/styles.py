"""The status colours as a style sheet: one class per record and letter status.

Pages carry no inline style (the Content-Security-Policy allows none), so a status badge
says `class="status {{ code|status_class }}"` and its colour comes from here, generated
from the one table of statuses (`processes/records/statuses.py`).
"""

from __future__ import annotations

import re

from flask import Blueprint, Flask, Response

from processes.records.statuses import STATUSES

bp = Blueprint("styles", __name__)

#: The states of an issued letter (the verification page and the letters list).
LETTER_COLOURS = {"BERLAKU": "#2e7d32", "KEDALUWARSA": "#8a5300", "DICABUT": "#b3261e"}


#: The three DIAJUKAN statuses differ by more than a shade: each has its own border style,
#: so they are told apart in print and by a reader who does not see the colours.
WAITING_BORDERS = {"DIAJUKAN (DICATAT)": "solid", "DIAJUKAN (UPDATE)": "dashed",
                   "DIAJUKAN (PEMUTAKHIRAN)": "dotted"}


def status_class(code: str) -> str:
    return "status-" + re.sub(r"[^a-z0-9]+", "-", str(code).lower()).strip("-")


def init_app(app: Flask) -> None:
    app.add_template_filter(status_class, "status_class")
    app.register_blueprint(bp)


@bp.route("/gaya/status.css")
def status_css() -> Response:
    colours = {**{code: s.colour for code, s in STATUSES.items()}, **LETTER_COLOURS}
    css = "".join(f".{status_class(code)} {{ --c: {colour}; }}\n" for code, colour in colours.items())
    css += "".join(f".{status_class(code)} {{ border: 2px {style} #fff; outline: 1px solid var(--c); }}\n"
                   for code, style in WAITING_BORDERS.items())
    response = Response(css, mimetype="text/css")
    response.cache_control.public = True
    response.cache_control.max_age = 3600
    return response
