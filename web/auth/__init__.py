"""Signing in and out, changing one's password; the login manager and CSRF protection."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import password, views  # noqa: F401
from .session import init_app

__all__ = ["bp", "init_app"]
