"""Paging and date ranges for list queries, safe at the edges of what a user can type.

A page number past the last page shows the last page (an offset of 2**63 would overflow
the database's integer), and a date range may end on 31 December 9999.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta


def page_window(total: int, page: int, size: int) -> tuple[int, int]:
    """The page to show (1 .. last) and its row offset."""
    last = max(1, -(-total // size))
    shown = min(max(1, page), last)
    return shown, (shown - 1) * size


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


def after_day(day: date) -> datetime | None:
    """The first moment after `day`, or None when `day` is the last the calendar has."""
    return datetime.combine(day + timedelta(days=1), time.min) if day < date.max else None
