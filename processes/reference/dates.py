"""Dates as an Indonesian reader writes them: "2 Desember 2026", or 02-12-2026 in dense tables.

The one place pages, task summaries and letters format a date, so none prints an ISO date.
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def long_date(value: date | datetime | str | None) -> str:
    """'2 Desember 2026'; an empty value is '–'; text that is no date is shown as it is."""
    day = _as_date(value)
    if day is None:
        return "–" if value in (None, "") else str(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(value: date | datetime | str | None) -> str:
    """'02-12-2026', for dense tables."""
    day = _as_date(value)
    if day is None:
        return "–" if value in (None, "") else str(value)
    return day.strftime("%d-%m-%Y")
