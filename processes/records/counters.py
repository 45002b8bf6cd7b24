"""The Dasbor's counters: how many catpers (and permohonan) of a unit and month have
each status, tahap, jenis and pangkat, kept in the same transaction as every change.

One place keeps them: a flush listener that, for each tracked row inserted, changed or
deleted, takes one from the counters of its old facts and adds one to its new facts. So
every status change (`writes.set_status`), every correction of a pencatatan and every
permohonan moves its counters with it, whoever wrote it; the Dasbor sums counters and
never scans records. `recount` rebuilds the table from the rows themselves (after a
restore, or to check it: the tests compare both after random changes).

The key is small, as the Anev's (`offence_counts.py`): each field is counted apart (not
their combinations), and each row counts under its unit and under its Polda's roll-up
(`engine.rollup_path`, "/POLDA-X/*"). So the table holds units x months x (statuses +
tahap + jenis + pangkat) rows whatever the number of records, and the whole Polda's
figures for a year are an equality on one unit: a few hundred rows.

The pangkat is counted, not its rank group: a group is reference data the administrator
may change, so the Dasbor maps pangkat to group when it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, UniqueConstraint, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from engine import rollup_path
from processes.db.base import DomainBase, utcnow
from processes.db.upsert import add_to_counters, replace_counts, stored_counts
from processes.records.models import Record

CATPERS, PERMOHONAN = "CATPERS", "PERMOHONAN"


class DashboardCount(DomainBase):
    """How many rows of `kind` of this unit (or roll-up) and month have this `field` value."""

    __tablename__ = "dashboard_count"
    __table_args__ = (
        # Its index answers every read: one kind, a unit (or a few), one field, months.
        UniqueConstraint("kind", "unit_path", "field", "bulan", "value",
                         name="uq_dashboard_count_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_path: Mapped[str] = mapped_column(String(400))
    field: Mapped[str] = mapped_column(String(20))  # "status", "tahap", "jenis", "pangkat"
    bulan: Mapped[str] = mapped_column(String(7))  # "2026-12", of created_at (UTC)
    value: Mapped[str] = mapped_column(String(40))
    n: Mapped[int] = mapped_column(Integer, default=0)


class CountKey(NamedTuple):
    kind: str
    unit_path: str
    field: str
    bulan: str
    value: str


@dataclass(frozen=True)
class Facts:
    """What one tracked row counts as: its kind, unit, month and a value per field."""

    kind: str
    unit_path: str
    bulan: str
    values: dict[str, str] = field(default_factory=dict)

    def keys(self) -> list[CountKey]:
        units = (self.unit_path, rollup_path(self.unit_path)) if self.unit_path else ("",)
        return [CountKey(self.kind, unit, name, self.bulan, value)
                for unit in units for name, value in sorted(self.values.items())]


def month_of(moment: datetime | None) -> str:
    return (moment or utcnow()).strftime("%Y-%m")


#: Gives a tracked row's facts from a reader of its attributes (old or new values).
FactsOf = Callable[[Session, Callable[[str], Any]], Facts | None]


@dataclass(frozen=True)
class Tracked:
    model: type
    attrs: tuple[str, ...]
    facts: FactsOf


RECORD_ATTRS = ("unit_path", "created_at", "status", "tahap", "jenis_pelanggaran", "pangkat")


def record_facts(get: Callable[[str], Any]) -> Facts | None:
    """A catpers' facts; the Dasbor's own-records count uses it too."""
    if get("status") is None:
        return None
    return Facts(CATPERS, get("unit_path") or "", month_of(get("created_at")), {
        "status": get("status"), "tahap": get("tahap") or "",
        "jenis": get("jenis_pelanggaran") or "", "pangkat": get("pangkat") or "",
    })


TRACKED: list[Tracked] = [
    Tracked(Record, RECORD_ATTRS, lambda session, get: record_facts(get)),
]


def track(model: type, attrs: tuple[str, ...], facts: FactsOf) -> None:
    """Count another table's rows too (the access area registers its permohonan)."""
    if all(t.model is not model for t in TRACKED):
        TRACKED.append(Tracked(model, attrs, facts))


def old_value(obj: object, attr: str) -> Any:
    history = inspect(obj).attrs[attr].history
    if history.deleted:
        return history.deleted[0]
    return history.unchanged[0] if history.unchanged else None


def _deltas(session: Session) -> Counter[CountKey]:
    deltas: Counter[CountKey] = Counter()
    for tracked in TRACKED:
        for obj in (*session.new, *session.dirty, *session.deleted):
            if not isinstance(obj, tracked.model):
                continue
            old = None if obj in session.new else tracked.facts(
                session, lambda a, o=obj: old_value(o, a))
            new = None if obj in session.deleted else tracked.facts(
                session, lambda a, o=obj: getattr(o, a))
            if old != new:
                deltas.subtract(old.keys() if old else [])
                deltas.update(new.keys() if new else [])
    return deltas


def _stamp_new(session: Session, flush_context: Any, instances: Any) -> None:
    # The month is part of the key, so a new row needs its created_at before it is counted.
    for obj in session.new:
        if any(isinstance(obj, t.model) for t in TRACKED) and obj.created_at is None:
            obj.created_at = utcnow()


def _after_flush(session: Session, flush_context: Any) -> None:
    deltas = {key: n for key, n in _deltas(session).items() if n}
    if deltas:
        add_to_counters(session, DashboardCount, deltas)


def rows_now(session: Session) -> Counter[CountKey]:
    """Every tracked row's key, counted from the rows themselves."""
    found: Counter[CountKey] = Counter()
    for tracked in TRACKED:
        columns = [getattr(tracked.model, a) for a in tracked.attrs]
        for row in session.execute(select(*columns)).yield_per(5000):
            values = dict(zip(tracked.attrs, row, strict=True))
            facts = tracked.facts(session, values.get)
            if facts is not None:
                found.update(facts.keys())
    return found


def stored(session: Session) -> Counter[CountKey]:
    return stored_counts(session, DashboardCount, CountKey)


def recount(session: Session) -> int:
    """Rebuild every counter from the rows; how many counters there are now."""
    session.flush()
    counts = rows_now(session)
    replace_counts(session, DashboardCount, counts)
    return len(counts)


def register(sessions: Iterable[type[Session]] = (Session,)) -> None:
    for cls in sessions:
        if not event.contains(cls, "after_flush", _after_flush):
            event.listen(cls, "before_flush", _stamp_new)
            event.listen(cls, "after_flush", _after_flush)


register()
