"""Issued letters, their public verification page, the identity check."""

from flask import Blueprint

bp = Blueprint("letters", __name__)

from . import views  # noqa: F401
