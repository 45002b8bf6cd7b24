"""The audit log in tests: its rows, and lifting its triggers as someone with full access to
the database could (to empty it between tests, and to tamper with it on purpose).

PostgreSQL: `session_replication_role = replica` for one transaction stops ordinary
triggers from firing (a superuser's power). SQLite: the triggers are dropped and made
again from their own stored SQL. Either way they are back when the block ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, func, select, text
from sqlalchemy.orm import Session

from processes.db.audit import AuditEntry
from processes.db.audit_actions import label


@contextmanager
def triggers_lifted(engine: Engine) -> Iterator[Connection]:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            yield conn
            return
        saved = conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        )).all()
        for name, _sql in saved:
            conn.execute(text(f'DROP TRIGGER "{name}"'))
        try:
            yield conn
        finally:
            for _name, sql in saved:
                conn.execute(text(sql))


def empty_audit_log(engine: Engine) -> None:
    with triggers_lifted(engine) as conn:
        conn.execute(AuditEntry.__table__.delete())


def entries(session: Session, action: str | None = None) -> list[AuditEntry]:
    """The log in chain order (optionally one action), read afresh."""
    session.expire_all()
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))


def reads(session: Session) -> list[tuple[str, str, str]]:
    """(what was read, ground, NRP/NIP) of each read, in order: what the read log held."""
    return [(e.action.removeprefix("BACA_"), e.outcome, e.target)
            for e in entries(session) if e.action.startswith("BACA_")]


@dataclass(frozen=True)
class Read:
    what: str
    ref: str
    ground: str
    nomor: str


def read_rows(session: Session, user_id: int | None = None, after: int = 0) -> list[Read]:
    """The reads logged after entry `after` (of one user, if given), as the read log had them."""
    session.expire_all()
    query = select(AuditEntry).where(AuditEntry.id > after, AuditEntry.action.startswith("BACA_"))
    if user_id is not None:
        query = query.where(AuditEntry.user_id == user_id)
    return [Read(e.action.removeprefix("BACA_"), str((e.detail or {}).get("ref", "")), e.outcome,
                 e.target) for e in session.scalars(query.order_by(AuditEntry.id))]


def last_entry_id(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.max(AuditEntry.id))) or 0


__all__ = ["Read", "empty_audit_log", "entries", "label", "last_entry_id", "read_rows", "reads",
           "triggers_lifted"]
