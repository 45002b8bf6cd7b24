"""Who is signed in: Flask-Login backed by the user's session counter, so revocation is
instant, and by the session's times, so an idle or too old session ends on the server.

The session cookie is signed with the app's key: it carries when the user signed in and
when they were last seen, and every request checks both against the configured limits
(`SESSION_IDLE_MINUTES`, `SESSION_MAX_HOURS`). A user whose password an administrator
chose reaches nothing but the page to choose their own.
"""

from __future__ import annotations

import time
from datetime import timedelta
from functools import wraps

from flask import Flask, abort, current_app, flash, g, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user
from flask_login.utils import login_url
from flask_wtf import CSRFProtect

from processes.accounts.models import User
from processes.accounts.sessions import SessionLimits, end_reason
from processes.accounts.sign_ins import BATAS_WAKTU, record_session_end
from processes.accounts.users import load_session_user

from .. import db

login_manager = LoginManager()
csrf = CSRFProtect()

SIGNED_IN_AT, SEEN_AT = "_signed_in_at", "_seen_at"
#: Pages a user who must first choose a new password may still reach.
BEFORE_NEW_PASSWORD = {
    "auth.change_password", "auth.logout", "static", "styles.status_css", "diagrams.bpmn_js",
}


class SignedIn(UserMixin):
    """The signed-in user; its id carries the session counter it was issued with."""

    def __init__(self, user: User) -> None:
        self.user = user

    def get_id(self) -> str:
        return f"{self.user.id}:{self.user.session_counter}"


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Silakan masuk terlebih dahulu."
    login_manager.session_protection = "strong"
    login_manager.unauthorized_handler(_unauthorized)
    csrf.init_app(app)
    app.before_request(_own_password_first)


def now() -> float:
    """Seconds since the epoch; tests give the app a `CLOCK` of their own."""
    return current_app.config.get("CLOCK", time.time)()


def start_session(user: User) -> None:
    """Sign `user` in on a fresh session (a session id an attacker planted is dropped)."""
    session.clear()
    login_user(SignedIn(user))
    session[SIGNED_IN_AT] = session[SEEN_AT] = now()


def renew_session(user: User) -> None:
    """Keep the current session after the user's other sessions were ended (same start time)."""
    login_user(SignedIn(user))


@login_manager.user_loader
def _load(value: str) -> SignedIn | None:
    try:
        user_id, counter = (int(part) for part in value.split(":"))
    except ValueError:
        return None
    user = load_session_user(db.session(), user_id, counter)
    if user is None:
        # Logged once: the cookie stops naming the user, so the next request is anonymous.
        record_session_end(db.unit_of_work(), user_id)
        session.pop("_user_id", None)
        return None
    reason = end_reason(_limits(), session.get(SIGNED_IN_AT), session.get(SEEN_AT), now())
    if reason:
        record_session_end(db.unit_of_work(), user_id, BATAS_WAKTU)
        session.clear()
        flash(reason, "info")
        g.session_ended = True
        return None
    if now() - session[SEEN_AT] > 30:  # a fresh cookie at most every half minute
        session[SEEN_AT] = now()
    return SignedIn(user)


def _limits() -> SessionLimits:
    config = current_app.config
    return SessionLimits(idle=timedelta(minutes=config["SESSION_IDLE_MINUTES"]),
                         lifetime=timedelta(hours=config["SESSION_MAX_HOURS"]))


def _unauthorized():
    if not g.get("session_ended"):
        flash(login_manager.login_message, "message")
    return redirect(login_url(login_manager.login_view, next_url=request.url))


def _own_password_first():
    if request.endpoint in BEFORE_NEW_PASSWORD or request.endpoint is None:
        return None
    if current_user.is_authenticated and me().must_change_password:
        return redirect(url_for("auth.change_password"))
    return None

def me() -> User:
    return current_user.user


def role_required(*roles: str):
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if me().role not in roles:
                abort(403)
            return view(*args, **kwargs)

        # Read by the Hak akses page, so it lists exactly the roles this check lets in.
        wrapped.required_roles = frozenset(roles)
        return wrapped

    return decorator
