"""Administration: users (with temporary passwords and the four-eyes approvals of
privileged accounts), reference lists and office settings."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import accounts, backups, catalogue, editor, maintenance, personnel, views  # noqa: F401
