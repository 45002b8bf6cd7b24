"""Issued letters, their public verification page, and the read log."""

from flask import Blueprint

bp = Blueprint("letters", __name__)

from . import views  # noqa: F401
