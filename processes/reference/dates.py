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


def month_name(value: date) -> str:
    """'Desember 2026'."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def range_problem(dari: date | None, sampai: date | None, by_month: bool = False) -> str | None:
    """Why a range "dari".."sampai" cannot be: its start falls after its end (an open end is
    fine). The one rule for every range the application takes: lists, log, Dasbor."""
    if dari is None or sampai is None or dari <= sampai:
        return None
    if by_month:
        return (f"Bulan \u201cdari\u201d ({month_name(dari)}) jatuh setelah bulan \u201csampai\u201d "
                f"({month_name(sampai)}); tukar atau perbaiki salah satunya.")
    return (f"Tanggal \u201cdari\u201d ({long_date(dari)}) jatuh setelah tanggal \u201csampai\u201d "
            f"({long_date(sampai)}); tukar atau perbaiki salah satunya.")


def parse_range(dari: str | None, sampai: str | None) -> tuple[date | None, date | None, list[str]]:
    """The two ends of a date range typed as TTTT-BB-HH, and the messages for what is wrong;
    a range whose start falls after its end is dropped whole (it is no range)."""
    errors: list[str] = []
    ends: list[date | None] = []
    for raw in (dari, sampai):
        raw = (raw or "").strip()[:20]
        try:
            ends.append(date.fromisoformat(raw) if raw else None)
        except ValueError:
            errors.append(f"Tanggal '{raw}' tidak valid (format TTTT-BB-HH).")
            ends.append(None)
    problem = range_problem(ends[0], ends[1])
    if problem:
        return None, None, [problem]
    return ends[0], ends[1], errors
