"""Administration: users (with temporary passwords and the four-eyes approvals of
privileged accounts), reference lists and office settings."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import (  # noqa: F401
    accounts,
    backups,
    catalogue,
    editor,
    form_editor,
    maintenance,
    personnel,
    views,
)
