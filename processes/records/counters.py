"""The Dasbor's counters: how many catpers (and permohonan) there are per unit, month,
status, tahap, jenis and pangkat, kept in the same transaction as every change.

One place keeps them: a flush listener that, for each tracked row inserted, changed or
deleted, takes one from the counter of its old key and adds one to its new key. So every
status change (`writes.set_status`), every correction of a pencatatan and every
permohonan moves its counter with it, whoever wrote it; the Dasbor sums counters and
never scans records. `recount` rebuilds the table from the rows themselves (after a
restore, or to check it: the tests compare both after random changes).

The pangkat is counted, not its rank group: a group is reference data the administrator
may change, so the Dasbor maps pangkat to group when it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, UniqueConstraint, event, inspect, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from processes.db.base import DomainBase, utcnow
from processes.db.upsert import add_to_counters, replace_counts, stored_counts
from processes.records.models import Record

CATPERS, PERMOHONAN = "CATPERS", "PERMOHONAN"


class DashboardCount(DomainBase):
    """One counter: how many rows of `kind` have this key."""

    __tablename__ = "dashboard_count"
    __table_args__ = (
        UniqueConstraint("kind", "unit_path", "bulan", "status", "tahap", "jenis", "pangkat",
                         name="uq_dashboard_count_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    unit_path: Mapped[str] = mapped_column(String(400))
    bulan: Mapped[str] = mapped_column(String(7), index=True)  # "2026-12", of created_at (UTC)
    status: Mapped[str] = mapped_column(String(40))
    tahap: Mapped[str] = mapped_column(String(20))
    jenis: Mapped[str] = mapped_column(String(20))
    pangkat: Mapped[str] = mapped_column(String(20))
    n: Mapped[int] = mapped_column(Integer, default=0)


class CountKey(NamedTuple):
    kind: str
    unit_path: str
    bulan: str
    status: str
    tahap: str
    jenis: str
    pangkat: str


def month_of(moment: datetime | None) -> str:
    return (moment or utcnow()).strftime("%Y-%m")


#: Gives a tracked row's key from a reader of its attributes (old or new values).
KeyOf = Callable[[Session, Callable[[str], Any]], CountKey | None]


@dataclass(frozen=True)
class Tracked:
    model: type
    attrs: tuple[str, ...]
    key: KeyOf


def _record_key(session: Session, get: Callable[[str], Any]) -> CountKey | None:
    if get("status") is None:
        return None
    return CountKey(CATPERS, get("unit_path") or "", month_of(get("created_at")), get("status"),
                    get("tahap") or "", get("jenis_pelanggaran") or "", get("pangkat") or "")


TRACKED: list[Tracked] = [
    Tracked(Record, ("unit_path", "created_at", "status", "tahap", "jenis_pelanggaran", "pangkat"),
            _record_key),
]


def track(model: type, attrs: tuple[str, ...], key: KeyOf) -> None:
    """Count another table's rows too (the access area registers its permohonan)."""
    if all(t.model is not model for t in TRACKED):
        TRACKED.append(Tracked(model, attrs, key))


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
            old = None if obj in session.new else tracked.key(
                session, lambda a, o=obj: old_value(o, a))
            new = None if obj in session.deleted else tracked.key(
                session, lambda a, o=obj: getattr(o, a))
            if old != new:
                if old is not None:
                    deltas[old] -= 1
                if new is not None:
                    deltas[new] += 1
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
            key = tracked.key(session, values.get)
            if key is not None:
                found[key] += 1
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
