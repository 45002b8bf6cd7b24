"""How long a sanction runs: its last day from its start, length and unit.

Reading of the SOP (silent here): a sanction of `lama` units starting on `mulai` runs
through `mulai` itself; a month or year ends the day before the same date a month or year
later, or on the last day of that month when it has no such date (31 Januari + 1 bulan
ends 28/29 Februari); hari kerja are Monday to Friday (national
holidays are not known to the system and are counted as working days).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, time, timedelta, timezone

from processes.reference.seed_putusan import BULAN, HARI, HARI_KERJA, TAHUN

#: Kalimantan Tengah keeps WIB: a sanction's day begins at midnight there.
OFFICE_TZ = timezone(timedelta(hours=7), "WIB")


def office_today() -> date:
    """Today in Kalimantan Tengah (WIB)."""
    return datetime.now(OFFICE_TZ).date()


def start_of(day: date) -> str:
    """Midnight (WIB) of `day`, as a BPMN timeDate reads it."""
    return datetime.combine(day, time(0, 0), OFFICE_TZ).isoformat()


def _add_months(day: date, months: int) -> date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _working_days_end(start: date, count: int) -> date:
    day, counted = start, 0
    while True:
        if day.weekday() < 5:
            counted += 1
            if counted == count:
                return day
        day += timedelta(days=1)


def last_day(mulai: date, lama: int | None, satuan: str | None) -> date:
    """The last day served; a sanction without a length is served on the day it starts."""
    if not lama or not satuan:
        return mulai
    if satuan == HARI:
        return mulai + timedelta(days=lama - 1)
    if satuan == HARI_KERJA:
        return _working_days_end(mulai, lama)
    if satuan in (BULAN, TAHUN):
        months = lama if satuan == BULAN else 12 * lama
        same_date = _add_months(mulai, months)
        # No such date in that month (31 Januari + 1 bulan): its last day is the last.
        return same_date if same_date.day < mulai.day else same_date - timedelta(days=1)
    raise ValueError(f"Satuan lama hukuman tidak dikenal: {satuan}")
