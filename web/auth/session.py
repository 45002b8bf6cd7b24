"""Who is signed in: Flask-Login backed by the user's session counter, so revocation is instant."""

from __future__ import annotations

from functools import wraps

from flask import Flask, abort, session
from flask_login import LoginManager, UserMixin, current_user
from flask_wtf import CSRFProtect

from processes.accounts.models import User
from processes.accounts.sign_ins import record_session_end
from processes.accounts.users import load_session_user

from .. import db

login_manager = LoginManager()
csrf = CSRFProtect()


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
    csrf.init_app(app)


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
    return SignedIn(user)


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

        return wrapped

    return decorator
