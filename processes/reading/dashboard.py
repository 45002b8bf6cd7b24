"""The Dasbor's figures (spec: DASHBOARD) for one unit and period, over what the viewer
may count.

An office that reads every catpers of the Polda (Kapolda, Kabid Propam, Kasubbid,
Kaurlitpers: `akses_catpers.dmn`) sums the counters (`records/counters.py`) and never
scans records. Anyone else counts only the records they may read (as submitter, or
through akses khusus), taken from the readable-records query itself, at most
`OWN_LIMIT` of them, and only their own permohonan. Each figure says which record-list
filters show its records (the drill-down).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from processes.access.grounds import Viewer, readable_records, viewer_of
from processes.access.models import AccessRequest
from processes.accounts import roles
from processes.accounts.models import Unit, User
from processes.db.paging import after_day, day_start
from processes.records import counters
from processes.records import statuses as st
from processes.records.counters import CATPERS, PERMOHONAN, CountKey, DashboardCount
from processes.records.models import Record
from processes.records.stages import PENCATATAN
from processes.reference.ranks import RANK_GROUPS, group_of_pangkat

OWN_LIMIT = 5000
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


def _counter_rows(
    session: Session, viewer: Viewer, unit: str, period: Period, fields: tuple[str, ...],
) -> Counter[CountKey]:
    """The counters of the viewer's Polda (or `unit`) summed in SQL over `fields` (the
    key's other fields left empty), so a figure adds up a handful of rows."""
    t = DashboardCount
    columns = [getattr(t, f) for f in fields]
    query = (
        select(t.kind, *columns, func.sum(t.n))
        .where(t.bulan >= period.start, t.bulan <= period.end)
        .group_by(t.kind, *columns)
    )
    if unit:  # one unit's own records (the Polda's, not its Polres')
        query = query.where(t.unit_path == unit)
    else:
        query = query.where(t.unit_path.startswith(viewer.scope.unit_path, autoescape=True))
    found: Counter[CountKey] = Counter()
    for row in session.execute(query):
        values = dict.fromkeys(CountKey._fields, "") | dict(zip(("kind", *fields), row, strict=False))
        found[CountKey(**values)] += int(row[-1])
    return found


def _project(rows: Counter[CountKey], fields: tuple[str, ...]) -> Counter[CountKey]:
    found: Counter[CountKey] = Counter()
    for key, n in rows.items():
        found[CountKey(**{f: getattr(key, f) if f in ("kind", *fields) else ""
                          for f in CountKey._fields})] += n
    return found


def _own_rows(session: Session, viewer: Viewer, unit: str, period: Period) -> tuple[Counter, bool]:
    """What a viewer who reads only some records counts: those records, capped."""
    records = readable_records(viewer).where(
        Record.created_at >= day_start(period.first_day),
        Record.created_at < after_day(period.last_day),
    )
    if unit:
        records = records.where(Record.unit_path == unit)
    rows = session.execute(records.with_only_columns(
        Record.unit_path, Record.created_at, Record.status, Record.tahap,
        Record.jenis_pelanggaran, Record.pangkat,
    ).limit(OWN_LIMIT + 1)).all()
    found: Counter[CountKey] = Counter()
    for path, created, status, tahap, jenis, pangkat in rows[:OWN_LIMIT]:
        found[CountKey(CATPERS, path, counters.month_of(created), status, tahap, jenis, pangkat)] += 1
    requests = session.execute(
        select(AccessRequest.jenis, AccessRequest.status, AccessRequest.created_at)
        .where(AccessRequest.requested_by == viewer.user.id)
    ).all()
    for jenis, status, created in requests:
        bulan = counters.month_of(created)
        if period.start <= bulan <= period.end:
            found[CountKey(PERMOHONAN, "", bulan, status, "", jenis, "")] += 1
    return found, len(rows) > OWN_LIMIT


def _sum(rows: Counter[CountKey], kind: str, test) -> int:
    return sum(n for k, n in rows.items() if k.kind == kind and test(k))


def _outcome_test(filters: dict[str, str]):
    if filters.get("fase"):
        return lambda k: k.status in st.in_phase(filters["fase"])
    if filters.get("diupdate"):
        return lambda k: k.tahap != PENCATATAN
    return lambda k: k.status == filters["status"]


def summary(session: Session, user: User | Viewer, unit: str, period: Period) -> Dashboard:
    viewer = viewer_of(user)
    counts_all = viewer.scope.reads_all
    capped = False
    if counts_all:
        def by(*fields: str) -> Counter[CountKey]:
            return _counter_rows(session, viewer, unit, period, fields)
    else:
        own, capped = _own_rows(session, viewer, unit, period)

        def by(*fields: str) -> Counter[CountKey]:
            return _project(own, fields)
    rows = {f: by(*f) for f in (("pangkat",), ("status", "tahap"), ("status", "jenis"), ("bulan",))}
    groups = group_of_pangkat(session)
    base = {"satuan": unit, "dari": period.first_day.isoformat(), "sampai": period.last_day.isoformat()}

    def fig(key, label, test, fields, kind=CATPERS, **filters) -> Figure:
        n = _sum(rows[fields], kind, test)
        return Figure(key, label, n, {**base, **filters} if kind == CATPERS else {})

    pangkat, outcome, jenis = ("pangkat",), ("status", "tahap"), ("status", "jenis")

    return Dashboard(
        period, unit,
        [fig(g, g, lambda k, g=g: groups.get(k.pangkat, "PNS") == g, pangkat,
             kelompok=g) for g in RANK_GROUPS],
        [fig(label, label, _outcome_test(flt), outcome, **flt)
         for label, flt in OUTCOMES],
        [fig(j, label, lambda k, j=j: k.jenis == j, jenis, jenis=j) for j, label in JENIS.items()],
        [fig(j, label, lambda k, j=j: k.jenis == j, jenis, kind=PERMOHONAN) for j, label in REQUESTS.items()],
        [fig(code, st.STATUSES[code].description, lambda k, c=code: k.status == c, jenis,
             status=code)
         for code in st.STATUSES if st.STATUSES[code].waiting]
        + [fig("PERMOHONAN_MENUNGGU", "Permohonan menunggu", lambda k: k.status == "MENUNGGU",
               jenis, kind=PERMOHONAN)],
        [Figure(m, m, _sum(rows[("bulan",)], CATPERS, lambda k, m=m: k.bulan == m),
                {**base, "dari": Period(m, m).first_day.isoformat(),
                 "sampai": Period(m, m).last_day.isoformat()}) for m in months_between(period)],
        _per_polres(session, viewer, by("unit_path", "status"), base) if counts_all and viewer_leads(viewer) else None,
        counts_all, capped,
    )


def _waiting(status: str) -> bool:
    found = st.STATUSES.get(status)
    return bool(found and found.waiting)


def viewer_leads(viewer: Viewer) -> bool:
    """Kapolda and Kabid Propam see the per-Polres table."""
    return viewer.user.role in (roles.ALL_VIEW, roles.DIREKTUR)


def _per_polres(session: Session, viewer: Viewer, rows: Counter[CountKey], base: dict) -> list[dict]:
    table = []
    for unit in units_in_scope(session, viewer):
        own = lambda k, p=unit.path: k.unit_path == p
        table.append({
            "unit": unit, "filters": {**base, "satuan": unit.path},
            "total": _sum(rows, CATPERS, own),
            "menunggu": _sum(rows, CATPERS, lambda k, o=own: o(k) and _waiting(k.status)),
            "aktif": _sum(rows, CATPERS, lambda k, o=own: o(k) and k.status in st.in_phase(st.AKTIF)),
            "tutup": _sum(rows, CATPERS, lambda k, o=own: o(k) and k.status in st.in_phase(st.TUTUP)),
        })
    return table


def units_in_scope(session: Session, viewer: Viewer) -> list[Unit]:
    """The units the viewer may choose: the whole Polda for an office that reads all,
    else only the viewer's own unit."""
    if not viewer.scope.reads_all:
        return [viewer.user.unit]
    query = select(Unit).where(Unit.path.startswith(viewer.scope.unit_path, autoescape=True))
    return list(session.scalars(query.order_by(Unit.path)))


__all__ = ["Dashboard", "Figure", "Period", "summary", "units_in_scope"]
