"""The audit log's viewer and CSV export, for Kabid Propam."""

from flask import Blueprint

bp = Blueprint("audit", __name__)

from . import views  # noqa: F401
