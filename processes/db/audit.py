"""The audit log: one append-only, hash-chained table every area records into.

A use case calls `record` (a read, a refusal, a write with before → after, a sign-in)
inside its transaction. The rows join the chain when that transaction commits, in a
`before_commit` hook on the session factory: the hook takes the chain's lock, reads the
head, hashes each row onto it (`audit_chain`) and inserts it. So an audit row commits or
rolls back with the work it describes, and the lock is the last one a transaction takes
and is held only for its commit, which keeps it out of any lock cycle with domain rows.

Appends are serialised so the chain never forks: PostgreSQL takes a transaction-level
advisory lock; SQLite has one writer at a time, and a write statement makes sure this
transaction is that writer before the head is read. Triggers made by migration 0007
refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) on the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, String, event, insert, inspect, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from processes.db.audit_actions import ACTIONS
from processes.db.audit_chain import GENESIS, ChainCheck, chain_hash, check_rows
from processes.db.base import DomainBase, utcnow

KEY, ADDRESS, _PENDING = "audit_key", "audit_address", "audit_pending"
#: Any fixed number: the advisory lock every append on PostgreSQL takes.
PG_LOCK = 7_245_219_001
TARGET_LEN, OUTCOME_LEN, ADDRESS_LEN = 120, 200, 64


class AuditEntry(DomainBase):
    """One event. `id` is gapless (given under the chain's lock), so a removed row shows."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    # No foreign key: the log outlives and never constrains what it mentions. NULL for a
    # failed sign-in with an unknown username (the name typed is the target).
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str] = mapped_column(String(TARGET_LEN), index=True)
    outcome: Mapped[str] = mapped_column(String(OUTCOME_LEN))
    detail: Mapped[dict] = mapped_column(JSON)
    address: Mapped[str | None] = mapped_column(String(ADDRESS_LEN))
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))


def attach(factory: sessionmaker, key: bytes | None) -> None:
    """Make every session of `factory` chain what it records, with `key`, on commit."""
    factory.kw.setdefault("info", {})[KEY] = key
    event.listen(factory, "before_commit", _append_pending)
    event.listen(factory, "after_soft_rollback", _forget_pending)


def record(
    session: Session, action: str, *, user_id: int | None, target: str = "", outcome: str = "",
    detail: dict[str, Any] | None = None,
) -> None:
    """Note an event; it joins the chain when this session's transaction commits."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if not session.in_transaction():
        session.begin()  # so that a rollback forgets it, as it forgets the work
    session.info.setdefault(_PENDING, []).append({
        "user_id": user_id, "action": action, "target": _text(target, TARGET_LEN),
        "outcome": _text(outcome, OUTCOME_LEN), "detail": json_safe(detail or {}),
        "address": _text(session.info.get(ADDRESS), ADDRESS_LEN) or None,
    })


def _append_pending(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    key = session.info.get(KEY)
    if not key:
        raise RuntimeError("Kunci log audit belum diatur (ECATPERS_AUDIT_KEY).")
    _lock_chain(session)
    head = session.execute(
        select(AuditEntry.id, AuditEntry.row_hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    last_id, last_hash = (head.id, head.row_hash) if head else (0, GENESIS)
    rows, now = [], utcnow()
    for entry in pending:
        last_id += 1
        row = {**entry, "id": last_id, "at": now, "prev_hash": last_hash}
        row["row_hash"] = last_hash = chain_hash(key, last_hash, row)
        rows.append(row)
    session.execute(insert(AuditEntry), rows)


def _lock_chain(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK})
    else:
        # A write that changes nothing: SQLite makes this transaction the one writer (or
        # waits for it), and from then on reads see the latest committed head.
        session.execute(text("UPDATE audit_log SET id = id WHERE 0"))


def _forget_pending(session: Session, previous_transaction) -> None:
    if not previous_transaction.nested:
        session.info.pop(_PENDING, None)


# -- reading the chain --------------------------------------------------------------


_COLUMNS = [AuditEntry.__table__.c[name] for name in (
    "id", "at", "user_id", "action", "target", "outcome", "detail", "address", "prev_hash",
    "row_hash")]


def verify(session: Session, key: bytes, first_id: int = 1, last_id: int | None = None) -> ChainCheck:
    """Recompute the chain in id order (all of it, or from `first_id` to `last_id`, linked
    to the row before), streaming it."""
    before = session.execute(
        select(AuditEntry.id, AuditEntry.row_hash).where(AuditEntry.id < first_id)
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    query = select(*_COLUMNS).where(AuditEntry.id >= first_id).order_by(AuditEntry.id)
    if last_id is not None:
        query = query.where(AuditEntry.id <= last_id)
    rows = session.execute(query.execution_options(yield_per=2000))
    try:
        start = (before.id, before.row_hash) if before else (0, GENESIS)
        return check_rows(key, (row._mapping for row in rows), *start)
    finally:
        rows.close()  # the walk may stop early; PostgreSQL's server-side cursor must close


@dataclass(frozen=True)
class Head:
    id: int
    row_hash: str
    at: dt.datetime | None


def head(session: Session) -> Head:
    row = session.execute(
        select(AuditEntry.id, AuditEntry.row_hash, AuditEntry.at)
        .order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return Head(row.id, row.row_hash, row.at) if row else Head(0, GENESIS, None)


def row_hash_of(session: Session, entry_id: int) -> str | None:
    return session.scalar(select(AuditEntry.row_hash).where(AuditEntry.id == entry_id))


# -- before → after of a write ---------------------------------------------------------


def snapshot(obj: object, fields: Iterable[str] | None = None,
             exclude: Iterable[str] = ()) -> dict[str, Any]:
    """`obj`'s column values (or only `fields`), as the audit log stores them."""
    names = list(fields) if fields is not None else [a.key for a in inspect(obj).mapper.column_attrs]
    skipped = set(exclude)
    return {name: json_safe(getattr(obj, name)) for name in names if name not in skipped}


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for each field that differs."""
    return {k: [before.get(k), after.get(k)] for k in sorted(set(before) | set(after))
            if before.get(k) != after.get(k)}


def record_change(
    session: Session, action: str, *, user_id: int | None, target: str,
    before: dict[str, Any], after: dict[str, Any], **context: Any,
) -> None:
    """Record a write with what it changed; a write that changed nothing is not an event."""
    diff = changes(before, after)
    if diff:
        record(session, action, user_id=user_id, target=target,
               detail={**context, "perubahan": diff})


def json_safe(value: Any) -> Any:
    """A value as JSON keeps it, and as both databases store it (no NUL characters)."""
    if isinstance(value, str):
        return _text(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_safe(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bita>"
    if isinstance(value, Decimal):
        return str(value)
    return _text(str(value))


def _text(value: str | None, limit: int | None = None) -> str:
    if value is None:
        return ""
    cleaned = value.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")
    return cleaned[:limit] if limit else cleaned
