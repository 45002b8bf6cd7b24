"""The Anev page: a unit and a period of months, as charts with their numbers beside them
(the Dasbor's Chart.js setup, `static/dashboard.js`)."""

from __future__ import annotations

from flask import flash, render_template, request, url_for
from flask_login import login_required

from engine import utcnow
from processes.access.grounds import viewer_of
from processes.errors import Refused
from processes.reading.anev import anev as build_anev
from processes.reading.dashboard import units_in_scope
from processes.reading.dashboard_filters import period_from, unit_for

from .. import db
from ..auth.session import me
from . import bp


def series(labels: list[str], values: list, links: list[str] | None = None) -> dict[str, list]:
    """What a chart draws (data- attributes): labels, numbers, where each one leads."""
    return {"labels": labels, "values": values, "links": links or [""] * len(labels)}


@bp.route("/anev")
@login_required
def anev():
    session, viewer, now = db.session(), viewer_of(me()), utcnow()
    unit = unit_for(session, viewer, request.args.get("satuan", "")[:400])
    try:
        period = period_from(request.args.get("dari", "")[:20], request.args.get("sampai", "")[:20],
                             now.date())
    except Refused as err:
        flash(str(err), "error")
        period = period_from("", "", now.date())
    a = build_anev(session, viewer, unit, period, now)
    charts = {
        "months": series([m.label for m in a.months], [m.n for m in a.months],
                         [url_for("records.record_list", **m.filters) for m in a.months]),
        "last_year": [m.last_year for m in a.months],
        "wujud": series([w for w, _ in a.top_wujud], [n for _, n in a.top_wujud]),
        "pasal": series([p for p, _ in a.top_pasal], [n for _, n in a.top_pasal]),
        "lanes": series([w.label for w in a.lanes], [w.median_hours for w in a.lanes]),
    }
    return render_template("records/anev.html", a=a, charts=charts,
                           units=units_in_scope(session, viewer))
