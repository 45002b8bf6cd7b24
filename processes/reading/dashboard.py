"""The Dasbor's figures (spec: DASHBOARD) for one unit and period, over what the viewer
may count.

An office that reads every catpers of the Polda (Kapolda, Kabid Propam, Kasubbid,
Kaurlitpers: `akses_catpers.dmn`) sums the counters (`records/counters.py`) and never
scans records. Anyone else counts only the records they may read (as submitter, or
through akses khusus), taken from the readable-records query itself, at most
`OWN_LIMIT` of them, and only their own permohonan (`dashboard_tally.py`). Each figure says which record-list
filters show its records (the drill-down).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.access.grounds import Viewer, viewer_of
from processes.accounts import roles
from processes.accounts.models import Unit, User
from processes.reading.dashboard_tally import OWN_LIMIT, Tally, from_counters, from_rows
from processes.records import statuses as st
from processes.records.counters import CATPERS, PERMOHONAN
from processes.records.stages import PENCATATAN
from processes.reference.dates import month_name
from processes.reference.ranks import RANK_GROUPS, group_of_pangkat

JENIS = {"DISIPLIN": "Disiplin", "KEPP": "Kode etik", "PIDANA": "Pidana"}
REQUESTS = {"SKHP": "Permohonan SKHP", "REKAM_JEJAK": "Permohonan rekam jejak"}
OUTCOMES = (  # label, record-list filter
    ("Diproses", {"fase": st.AKTIF}),
    ("Diupdate", {"diupdate": "1"}),
    ("Selesai", {"status": st.SELESAI}),
    ("Tidak terbukti", {"status": st.TIDAK_TERBUKTI}),
    ("Tidak bersalah", {"status": st.TIDAK_BERSALAH}),
    ("Dihentikan", {"status": st.DIHENTIKAN}),
)


@dataclass(frozen=True)
class Period:
    """Whole months, `start` to `end` inclusive, as "YYYY-MM"."""

    start: str
    end: str

    @property
    def first_day(self) -> date:
        return date.fromisoformat(self.start + "-01")

    @property
    def last_day(self) -> date:
        year, month = map(int, self.end.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1)


@dataclass
class Figure:
    key: str
    label: str
    n: int
    filters: dict[str, str] = field(default_factory=dict)


@dataclass
class Dashboard:
    period: Period
    unit: str
    by_group: list[Figure]
    outcomes: list[Figure]
    by_jenis: list[Figure]
    requests: list[Figure]
    waiting: list[Figure]
    trend: list[Figure]
    per_polres: list[dict[str, object]] | None
    counts_all: bool
    capped: bool = False


def months_between(period: Period) -> list[str]:
    year, month = map(int, period.start.split("-"))
    found = []
    while f"{year:04d}-{month:02d}" <= period.end and len(found) < 240:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def _outcome(tally: Tally, filters: dict[str, str]) -> int:
    if filters.get("fase"):
        return tally.n(CATPERS, "status", st.in_phase(filters["fase"]).__contains__)
    if filters.get("diupdate"):
        return tally.n(CATPERS, "tahap", lambda tahap: tahap != PENCATATAN)
    return tally.n(CATPERS, "status", lambda status: status == filters["status"])


def _tally(session: Session, viewer: Viewer, unit: str, period: Period,
           polres: list[Unit] | None) -> Tally:
    if not viewer.scope.reads_all:
        return from_rows(session, viewer, unit, period.start, period.end,
                         period.first_day, period.last_day)
    paths = [u.path for u in polres or ()]
    return from_counters(session, viewer, unit, period.start, period.end, paths)


def summary(session: Session, user: User | Viewer, unit: str, period: Period) -> Dashboard:
    viewer = viewer_of(user)
    counts_all = viewer.scope.reads_all
    polres = units_in_scope(session, viewer) if counts_all and viewer_leads(viewer) else None
    tally = _tally(session, viewer, unit, period, polres)
    groups = group_of_pangkat(session)
    base = {"satuan": unit, "dari": period.first_day.isoformat(), "sampai": period.last_day.isoformat()}

    def fig(key, label, n, **filters) -> Figure:
        return Figure(key, label, n, {**base, **filters})

    def same(value):
        return lambda v: v == value

    def month(m: str) -> Figure:
        within = Period(m, m)
        return Figure(m, month_name(within.first_day), tally.by_month[m],
                      {**base, "dari": within.first_day.isoformat(),
                       "sampai": within.last_day.isoformat()})

    return Dashboard(
        period, unit,
        [fig(g, g, tally.n(CATPERS, "pangkat", lambda p, g=g: groups.get(p, "PNS") == g),
             kelompok=g) for g in RANK_GROUPS],
        [fig(label, label, _outcome(tally, flt), **flt) for label, flt in OUTCOMES],
        [fig(j, label, tally.n(CATPERS, "jenis", same(j)), jenis=j) for j, label in JENIS.items()],
        [Figure(j, label, tally.n(PERMOHONAN, "jenis", same(j))) for j, label in REQUESTS.items()],
        [fig(code, st.STATUSES[code].description, tally.n(CATPERS, "status", same(code)),
             status=code) for code in st.STATUSES if st.STATUSES[code].waiting]
        + [Figure("PERMOHONAN_MENUNGGU", "Permohonan menunggu",
                  tally.n(PERMOHONAN, "status", same("MENUNGGU")))],
        [month(m) for m in months_between(period)],
        None if polres is None else _per_polres(polres, tally, base),
        counts_all, tally.capped,
    )


def _waiting(status: str) -> bool:
    found = st.STATUSES.get(status)
    return bool(found and found.waiting)


def viewer_leads(viewer: Viewer) -> bool:
    """Kapolda and Kabid Propam see the per-Polres table."""
    return viewer.user.role in (roles.ALL_VIEW, roles.DIREKTUR)


def _per_polres(polres: list[Unit], tally: Tally, base: dict) -> list[dict]:
    table = []
    for unit in polres:
        own = Counter({status: n for (path, status), n in tally.by_unit.items() if path == unit.path})
        table.append({
            "unit": unit, "filters": {**base, "satuan": unit.path},
            "total": sum(own.values()),
            "menunggu": sum(n for status, n in own.items() if _waiting(status)),
            "aktif": sum(n for status, n in own.items() if status in st.in_phase(st.AKTIF)),
            "tutup": sum(n for status, n in own.items() if status in st.in_phase(st.TUTUP)),
        })
    return table


def units_in_scope(session: Session, viewer: Viewer) -> list[Unit]:
    """The units the viewer may choose: the whole Polda for an office that reads all,
    else only the viewer's own unit."""
    if not viewer.scope.reads_all:
        return [viewer.user.unit]
    query = select(Unit).where(Unit.path.startswith(viewer.scope.unit_path, autoescape=True))
    return list(session.scalars(query.order_by(Unit.path)))


__all__ = ["OWN_LIMIT", "Dashboard", "Figure", "Period", "summary", "units_in_scope"]
