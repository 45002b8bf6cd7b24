"""The Dasbor: figures for a unit and a period, as charts with their numbers; each figure
links to the record list it counts (filters in the address carry no NRP/NIP or name)."""

from __future__ import annotations

from flask import flash, render_template, request, url_for
from flask_login import login_required

from engine import utcnow
from processes.access.grounds import viewer_of
from processes.errors import Refused
from processes.reading import dashboard as dasbor
from processes.reading.dashboard_filters import period_from, unit_for

from .. import db
from ..auth.session import me
from . import bp


def chart(figures: list[dasbor.Figure]) -> dict[str, list]:
    """What a chart draws (data- attributes): labels, numbers, where each one leads."""
    return {
        "labels": [f.label for f in figures],
        "values": [f.n for f in figures],
        "links": [url_for("records.record_list", **f.filters) if f.filters else "" for f in figures],
    }


@bp.route("/dasbor")
@login_required
def dashboard():
    session, viewer = db.session(), viewer_of(me())
    unit = unit_for(session, viewer, request.args.get("satuan", "")[:400])
    try:
        period = period_from(request.args.get("dari", "")[:20], request.args.get("sampai", "")[:20],
                             utcnow().date())
    except Refused as err:
        flash(str(err), "error")
        period = period_from("", "", utcnow().date())
    d = dasbor.summary(session, viewer, unit, period)
    return render_template("records/dashboard.html", d=d, chart=chart,
                           units=dasbor.units_in_scope(session, viewer))
