"""Anev (analisis dan evaluasi): the period against the same months a year before, the
most frequent wujud perbuatan and pasal, the Polres side by side (per 100 personnel where
the count is known), and how long each SOP step waits.

Only an office that reads every catpers of its Polda (`akses_catpers.dmn`: Kapolda, Kabid
Propam, Kasubbid, Kaurlitpers) sees the Anev, over its Polda (or one unit of it); the
per-Polres comparison is, as on the Dasbor, for Kapolda and Kabid Propam. Nothing here
scans records or task history: months, units, wujud and pasal come from
`offence_counts` (a Polda's totals from its roll-up rows), waits from the engine's wait histograms, and the requests waiting
now from the oldest open tasks of each lane (an index read per lane).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

import engine
from processes.access.grounds import Viewer, viewer_of
from processes.accounts import roles
from processes.accounts.models import User
from processes.errors import Forbidden
from processes.reading.dashboard import Period, months_between, units_in_scope
from processes.reading.dashboard import viewer_leads as leads
from processes.reading.personnel import personnel_by_unit
from processes.records import offence_counts
from processes.reference.dates import MONTHS
from processes.reference.lists import labels

REFUSED = "Anev hanya untuk pejabat yang membaca seluruh catatan personel Polda."
#: The SOP's order of the lanes: submission, Kaurlitpers, Kasubbid, Kabid.
LANE_ORDER = ("Operator", "Kaurlitpers", "Kasubbid Paminal", "Kabid Propam")
STEP_LABELS = {
    "Task_IsiData": "Pengisian data", "Task_Isi": "Pengisian data", "Task_Perbaiki": "Perbaikan",
    "Task_IsiMabes": "Pengisian data", "Task_PerbaikiMabes": "Perbaikan",
    "Task_PeriksaKaurlitpers": "Pemeriksaan Kaurlitpers",
    "Task_PersetujuanKasubbid": "Persetujuan Kasubbid Paminal",
    "Task_PersetujuanKabid": "Persetujuan Kabid Propam", "Task_Putuskan": "Keputusan Kabid Propam",
}
WHOLE_RUN_LABEL = "Seluruh proses (pengajuan sampai selesai)"


@dataclass
class MonthRow:
    bulan: str
    label: str
    n: int
    last_year: int
    filters: dict[str, str]


@dataclass
class UnitRow:
    name: str
    path: str
    n: int
    last_year: int
    personnel: int | None
    per_100: float | None


@dataclass
class WaitRow:
    label: str
    lane: str
    n: int
    median: str
    longest: str
    median_hours: float


@dataclass
class Anev:
    period: Period
    unit: str
    months: list[MonthRow]
    top_wujud: list[tuple[str, int]]
    top_pasal: list[tuple[str, int]]
    per_polres: list[UnitRow] | None
    personnel_known: bool
    lanes: list[WaitRow]
    steps: list[WaitRow]
    waiting_now: list[tuple[engine.TaskInfo, str]]


def duration(seconds: float) -> str:
    """A wait as people say it: "45 menit", "5 jam", "3 hari 4 jam"."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{max(minutes, 1)} menit"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours} jam"
    days, rest = divmod(hours, 24)
    return f"{days} hari {rest} jam" if rest else f"{days} hari"


def year_before(period: Period) -> Period:
    return Period(f"{int(period.start[:4]) - 1:04d}{period.start[4:]}",
                  f"{int(period.end[:4]) - 1:04d}{period.end[4:]}")


def month_label(bulan: str) -> str:
    return f"{MONTHS[int(bulan[5:]) - 1]} {bulan[:4]}"


def _month_totals(session, viewer: Viewer, unit: str, period: Period) -> Counter:
    path, exact = _scope(viewer, unit)
    return offence_counts.totals(session, "bulan", [path], exact, period.start, period.end)


def _months(session, viewer, unit: str, period: Period) -> list[MonthRow]:
    now, before = _month_totals(session, viewer, unit, period), _month_totals(
        session, viewer, unit, year_before(period))
    rows = []
    for bulan in months_between(period):
        earlier = f"{int(bulan[:4]) - 1:04d}{bulan[4:]}"
        one = Period(bulan, bulan)
        rows.append(MonthRow(bulan, month_label(bulan), now[bulan], before[earlier], {
            "satuan": unit, "dari": one.first_day.isoformat(), "sampai": one.last_day.isoformat()}))
    return rows


def _per_polres(session, viewer: Viewer, period: Period) -> tuple[list[UnitRow], bool]:
    units = units_in_scope(session, viewer)
    paths = [u.path for u in units]
    now, before = (offence_counts.totals(session, "unit_path", paths, True, p.start, p.end)
                   for p in (period, year_before(period)))
    personnel = personnel_by_unit(session)
    rows = []
    for unit in units:
        count = personnel.get(unit.path)
        per_100 = round(100 * now[unit.path] / count, 2) if count else None
        rows.append(UnitRow(unit.name, unit.path, now[unit.path], before[unit.path], count, per_100))
    return rows, bool(personnel)


def _scope(viewer: Viewer, unit: str) -> tuple[str, bool]:
    return (unit, True) if unit else (viewer.scope.unit_path, False)


def _lane_rank(lane: str) -> int:
    return LANE_ORDER.index(lane) if lane in LANE_ORDER else len(LANE_ORDER)


def _wait_row(label: str, lane: str, figure: engine.WaitFigure) -> WaitRow:
    return WaitRow(label, lane, figure.n, duration(figure.median), duration(figure.longest),
                   round(figure.median / 3600, 1))


def _waits(session, viewer: Viewer, unit: str, period: Period) -> tuple[list, list]:
    path, exact = _scope(viewer, unit)
    steps, lanes = engine.wait_figures(session, path, exact, period.start, period.end,
                                       by=(engine.waits.STEP, ("lane",)))
    lane_rows = sorted((f for f in lanes if f.lane), key=lambda f: _lane_rank(f.lane))
    runs = [f for f in lanes if not f.lane]
    found = [_wait_row(f.lane, f.lane, f) for f in lane_rows]
    found += [_wait_row(WHOLE_RUN_LABEL, "", f) for f in runs]
    names = {v.process_id: v.name for v in engine.current_versions(session)}
    steps.sort(key=lambda f: (names.get(f.process_id, f.process_id), not f.task_name,
                              _lane_rank(f.lane), f.task_name))
    step_rows = [_wait_row(f"{names.get(f.process_id, f.process_id)}: "
                           f"{STEP_LABELS.get(f.task_name, f.task_name) or 'seluruh proses'}",
                           f.lane, f) for f in steps]
    return found, step_rows


def _waiting_now(session, viewer: Viewer, unit: str, now: datetime) -> list:
    path, exact = _scope(viewer, unit)
    lanes = {lane for role in roles.ROLES.values() for lane in role.lanes}
    tasks = engine.longest_open(session, lanes, path, exact, limit=10)
    return [(t, duration(_age(t.created_at, now))) for t in tasks]


def _age(since: datetime, now: datetime) -> float:
    if since.tzinfo is None:
        now = now.replace(tzinfo=None)
    return max(0.0, (now - since).total_seconds())


def _top(session, viewer: Viewer, unit: str, period: Period, field: str) -> list[tuple[str, int]]:
    path, exact = _scope(viewer, unit)
    names = labels(session, field)
    found = offence_counts.top(session, field, path, exact, period.start, period.end)
    return [(names.get(code, code) or "(tidak diisi)", n) for code, n in found]


def anev(session: Session, user: User | Viewer, unit: str, period: Period, now: datetime) -> Anev:
    """The Anev of `unit` ("" for the viewer's whole Polda) over `period`."""
    viewer = viewer_of(user)
    if not viewer.scope.reads_all:
        raise Forbidden(REFUSED)
    per_polres, known = _per_polres(session, viewer, period) if leads(viewer) else (None, False)
    lanes, steps = _waits(session, viewer, unit, period)
    return Anev(
        period, unit, _months(session, viewer, unit, period),
        _top(session, viewer, unit, period, "wujud_perbuatan"),
        _top(session, viewer, unit, period, "pasal"),
        per_polres, known, lanes, steps, _waiting_now(session, viewer, unit, now),
    )
