"""Database wiring: one engine per app, one session per request, shared by reads and writes."""

from __future__ import annotations

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy.orm import Session, sessionmaker

from processes.db import audit
from processes.db.database import make_engine, make_session_factory
from processes.db.uow import UnitOfWork

from .config import audit_key


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["ecatpers_engine"] = engine
    # Tests and deployments may give the key in the config; else the environment or a file.
    key = app.config.get("AUDIT_KEY") or audit_key(app.instance_path)
    app.config["AUDIT_KEY"] = key = key.encode() if isinstance(key, str) else key
    app.extensions["ecatpers_db"] = make_session_factory(engine, key)
    app.teardown_appcontext(_close)


def session() -> Session:
    """The request's one session: the signed-in user, the page's reads and its use case."""
    if "db" not in g:
        g.db = current_app.extensions["ecatpers_db"]()
        if has_request_context():  # the audit log notes where each request came from
            g.db.info[audit.ADDRESS] = request.remote_addr
    return g.db


class RequestUnitOfWork(UnitOfWork):
    """A unit of work on the request's session.

    Sharing the session means one connection per request, and the use case sees the very
    user object the request signed in with. Leaving the block still rolls back what was not
    committed, but does not close the session: the page rendered afterwards reads through it
    (objects a rollback expired are loaded again on first use).
    """

    def __init__(self) -> None:
        super().__init__(session)

    def __exit__(self, *exc: object) -> None:
        self.session.rollback()


def unit_of_work() -> UnitOfWork:
    """The unit of work for a request's write use case."""
    return RequestUnitOfWork()


def standalone_unit_of_work() -> UnitOfWork:
    """A unit of work with a session of its own, for commands run outside a request."""
    return UnitOfWork(current_app.extensions["ecatpers_db"])


def standalone_factory() -> sessionmaker[Session]:
    """Sessions apart from the request's, for a progress note another request reads while
    this one's transaction is still open."""
    return current_app.extensions["ecatpers_db"]


def rollback() -> None:
    """Undo whatever the request left uncommitted (before an error page is shown)."""
    if "db" in g:
        g.db.rollback()


def _close(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.rollback()
        db.close()


def dispose(app: Flask) -> None:
    """Close the app's pooled connections (tests and shutdown)."""
    app.extensions["ecatpers_engine"].dispose()
