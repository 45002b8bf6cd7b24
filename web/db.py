"""Database wiring: one engine per app, a read session per request, units of work for writes."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from processes.db.database import make_engine, make_session_factory
from processes.db.uow import UnitOfWork


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["ecatpers_engine"] = engine
    app.extensions["ecatpers_db"] = make_session_factory(engine)
    app.teardown_appcontext(_close)


def session() -> Session:
    """The request's session for reads (and for loading the current user)."""
    if "db" not in g:
        g.db = current_app.extensions["ecatpers_db"]()
    return g.db


def unit_of_work() -> UnitOfWork:
    return UnitOfWork(current_app.extensions["ecatpers_db"])


def _close(_exc: BaseException | None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.rollback()
        db.close()


def dispose(app: Flask) -> None:
    """Close the app's pooled connections (tests and shutdown)."""
    app.extensions["ecatpers_engine"].dispose()
