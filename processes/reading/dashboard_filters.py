"""What the Dasbor, Laporan and Anev are asked for: a unit the viewer may see and a
period of whole months. Bad input gets a clear message; a unit outside the viewer's
scope is a refusal (and the web layer logs it)."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy.orm import Session

from processes.access.grounds import Viewer
from processes.errors import Forbidden, Refused
from processes.reading.dashboard import Period, units_in_scope
from processes.reference.dates import range_problem

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
UNIT_REFUSED = "Anda tidak berwenang melihat angka satuan ini."


def period_from(dari: str, sampai: str, today: date) -> Period:
    """Months `dari`..`sampai` ("YYYY-MM"); by default January of this year to this month."""
    start = dari.strip() or f"{today.year:04d}-01"
    end = sampai.strip() or f"{today.year:04d}-{today.month:02d}"
    for value in (start, end):
        if not MONTH.match(value):
            raise Refused(f"Bulan '{value[:20]}' tidak valid (format TTTT-BB).")
    problem = range_problem(_first_day(start), _first_day(end), by_month=True)
    if problem:
        raise Refused(problem)
    if int(end[:4]) - int(start[:4]) > 10:
        raise Refused("Periode paling panjang sepuluh tahun.")
    return Period(start, end)


def _first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def unit_for(session: Session, viewer: Viewer, unit: str) -> str:
    """`unit` ("" for all the viewer may count), refused when outside their scope."""
    if unit and unit not in {u.path for u in units_in_scope(session, viewer)}:
        raise Forbidden(UNIT_REFUSED)
    return unit
