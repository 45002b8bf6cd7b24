"""What the Dasbor's figures are summed from: a `Tally` of one unit and period, taken
from the counters (an office that reads every catpers of the Polda) or from the records
the viewer may read (anyone else).

From the counters it is three grouped queries over a few hundred counter rows, whatever
the number of records: the whole Polda is its roll-up ("/POLDA-X/*"), one unit its own
rows, the per-Polres table an IN on the units' ids. From the rows it is the readable
records themselves, at most `OWN_LIMIT` of them, and the viewer's own permohonan, counted
with the same facts as the counters (`counters.record_facts`, `request_facts`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from engine import in_units
from processes.access.grounds import Viewer, readable_records
from processes.access.models import AccessRequest
from processes.access.request_counts import request_facts
from processes.db.paging import after_day, day_start
from processes.records.counters import (
    CATPERS,
    PERMOHONAN,
    RECORD_ATTRS,
    DashboardCount,
    Facts,
    record_facts,
)
from processes.records.models import Record

OWN_LIMIT = 5000


@dataclass
class Tally:
    totals: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # kind, field, value
    by_month: Counter[str] = field(default_factory=Counter)  # catpers per month
    by_unit: Counter[tuple[str, str]] = field(default_factory=Counter)  # (unit, status): catpers
    capped: bool = False

    def add(self, facts: Facts) -> None:
        for name, value in facts.values.items():
            self.totals[(facts.kind, name, value)] += 1
        if facts.kind == CATPERS:
            self.by_month[facts.bulan] += 1
            self.by_unit[(facts.unit_path, facts.values["status"])] += 1

    def n(self, kind: str, name: str, test: Callable[[str], bool]) -> int:
        """How many of `kind` have a value of field `name` that passes `test`."""
        return sum(n for (k, f, value), n in self.totals.items()
                   if k == kind and f == name and test(value))


def from_counters(session: Session, viewer: Viewer, unit: str, start: str, end: str,
                  units: list[str]) -> Tally:
    """Months `start`..`end` of `unit` (its own rows) or, for "", of the viewer's whole
    scope; `by_unit` for each of `units` (their own rows)."""
    t = DashboardCount
    months = (t.bulan >= start, t.bulan <= end)
    place = t.unit_path == unit if unit else in_units(t.unit_path, viewer.scope.unit_path, False)
    tally = Tally()
    totals = (select(t.kind, t.field, t.value, func.sum(t.n))
              .where(t.kind.in_((CATPERS, PERMOHONAN)), place, *months)
              .group_by(t.kind, t.field, t.value))
    tally.totals.update({(k, f, v): int(n) for k, f, v, n in session.execute(totals)})
    trend = (select(t.bulan, func.sum(t.n))
             .where(t.kind == CATPERS, place, t.field == "status", *months).group_by(t.bulan))
    tally.by_month.update({bulan: int(n) for bulan, n in session.execute(trend)})
    if units:
        per_unit = (select(t.unit_path, t.value, func.sum(t.n))
                    .where(t.kind == CATPERS, t.unit_path.in_(units), t.field == "status", *months)
                    .group_by(t.unit_path, t.value))
        tally.by_unit.update({(u, v): int(n) for u, v, n in session.execute(per_unit)})
    return tally


def from_rows(session: Session, viewer: Viewer, unit: str, start: str, end: str,
              first_day, last_day) -> Tally:
    """What a viewer who reads only some records counts: those records (capped) and their
    own permohonan."""
    records = readable_records(viewer).where(
        Record.created_at >= day_start(first_day), Record.created_at < after_day(last_day),
    )
    if unit:
        records = records.where(Record.unit_path == unit)
    columns = [getattr(Record, a) for a in RECORD_ATTRS]
    rows = session.execute(records.with_only_columns(*columns).limit(OWN_LIMIT + 1)).all()
    tally = Tally(capped=len(rows) > OWN_LIMIT)
    for row in rows[:OWN_LIMIT]:
        tally.add(record_facts(dict(zip(RECORD_ATTRS, row, strict=True)).get))
    requests = select(AccessRequest.jenis, AccessRequest.status, AccessRequest.created_at).where(
        AccessRequest.requested_by == viewer.user.id)
    for jenis, status, created in session.execute(requests):
        facts = request_facts("", {"jenis": jenis, "status": status, "created_at": created}.get)
        if facts and start <= facts.bulan <= end:
            tally.add(facts)
    return tally
