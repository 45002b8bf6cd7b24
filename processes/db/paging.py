"""Paging and date ranges for list queries, safe at the edges of what a user can type.

A page past the last one is empty without asking the database (an offset of 2**63 would
overflow its integer), and a date range may end on 31 December 9999. The national-size
lists (catatan, log audit) page by key (`keyset_rows`: the rows after the last one shown,
by an index, as fast on page 4,000 as on page 1) and count up to a cap (`capped_count`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.orm import Session


def page_window(total: int, page: int, size: int) -> tuple[int, int | None]:
    """The page asked for (at least 1) and its row offset; None past the last page."""
    page = max(1, page)
    last = max(1, -(-total // size))
    return page, (page - 1) * size if page <= last else None


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


def after_day(day: date) -> datetime | None:
    """The first moment after `day`, or None when `day` is the last the calendar has."""
    return datetime.combine(day + timedelta(days=1), time.min) if day < date.max else None


# -- keyset paging and capped counts -------------------------------------------------------

#: A list counts its rows up to this many; past it the page says "lebih dari 1.000".
COUNT_CAP = 1000


def capped_count(session: Session, query: Select, cap: int = COUNT_CAP) -> int:
    """How many rows `query` selects, reading at most `cap + 1` of them (a count over a
    national table would grow with it): a result above `cap` means "more than cap"."""
    return session.scalar(select(func.count()).select_from(query.limit(cap + 1).subquery())) or 0


@dataclass(frozen=True)
class KeysetPage:
    rows: list
    has_next: bool
    has_prev: bool


def keyset_rows(
    session: Session, query: Select, order: tuple[ColumnElement, ...], size: int, *,
    after: tuple | None = None, before: tuple | None = None, offset: int = 0,
) -> KeysetPage:
    """A page of `query` newest first by the columns `order` (unique together): the rows
    after the key `after`, or those before `before`, or (neither) at `offset`. Each is one
    walk of an index on `order` that stops at `size + 1` rows, at any depth."""
    key = tuple_(*order)
    if before is not None:
        rows = session.execute(
            query.where(key > _bound(order, before)).order_by(*(c.asc() for c in order))
            .limit(size + 1)).all()
        return KeysetPage(rows[:size][::-1], True, len(rows) > size)
    if after is not None:
        query = query.where(key < _bound(order, after))
    rows = session.execute(
        query.order_by(*(c.desc() for c in order)).limit(size + 1).offset(offset)).all()
    return KeysetPage(rows[:size], len(rows) > size, after is not None or offset > 0)


def _bound(order: tuple[ColumnElement, ...], values: tuple) -> ColumnElement:
    return tuple_(*(literal(v, c.type) for c, v in zip(order, values, strict=True)))


def encode_key(values: tuple) -> str:
    """A row's key as a form field: `2026-12-02T10:00:00+00:00_123`."""
    return "_".join(v.isoformat() if isinstance(v, datetime) else str(v) for v in values)


def decode_key(text: str, kinds: tuple[type, ...]) -> tuple | None:
    """A key typed back (datetime and int parts); None for anything else, never an error."""
    parts = (text or "").split("_")
    if len(parts) != len(kinds) or len(text) > 100:
        return None
    try:
        return tuple(datetime.fromisoformat(p) if k is datetime else k(p)
                     for p, k in zip(parts, kinds, strict=True))
    except (ValueError, OverflowError):
        return None
