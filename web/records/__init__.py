"""Record pages, instance timelines and document downloads."""

from flask import Blueprint

bp = Blueprint("records", __name__)

from . import anev_views, dashboard_views, report_views, views  # noqa: F401
