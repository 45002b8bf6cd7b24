"""The task inbox, starting a submission, and working a task."""

from flask import Blueprint

bp = Blueprint("work", __name__)

from . import views  # noqa: F401
