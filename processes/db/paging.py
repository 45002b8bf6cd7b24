"""Paging and date ranges for list queries, safe at the edges of what a user can type.

A page past the last one is empty without asking the database (an offset of 2**63 would
overflow its integer), and a date range may end on 31 December 9999.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


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
