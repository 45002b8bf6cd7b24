"""Record pages, instance timelines and document downloads."""

from flask import Blueprint

bp = Blueprint("records", __name__)

from . import views  # noqa: F401
