"""The Anev's counters of what was done: how many catpers there are per unit, month of
recording and wujud perbuatan (or pasal), kept in the same transaction as every change.

The Dasbor's counters (`counters.py`) carry status, tahap and pangkat; these carry the
offence, so "top wujud perbuatan and pasal" sums a few hundred rows instead of grouping
the records, which grow with the years. Same shape, same listener style: a flush takes
one from a record's old keys and adds one to its new keys. Each record counts under its
unit and under its Polda's roll-up (`engine.rollup_path`, "/POLDA-X/*"), and wujud
and pasal are counted apart (not their pairs), so the whole Polda's top ten reads at most
months x list entries rows, however many records there are. `recount` rebuilds them with one
grouped query (after a migration, a restore or a bulk load).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

from sqlalchemy import Integer, String, UniqueConstraint, event, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from engine import in_units, rollup_path
from processes.db.base import DomainBase
from processes.db.upsert import add_to_counters, replace_counts, stored_counts
from processes.records.counters import month_of, old_value
from processes.records.models import Record


class OffenceCount(DomainBase):
    """How many catpers of this unit (or roll-up) and month have this wujud or pasal."""

    __tablename__ = "offence_count"
    __table_args__ = (
        # Its index answers every read: one unit (or roll-up), one field, a range of months.
        UniqueConstraint("unit_path", "field", "bulan", "value", name="uq_offence_count_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_path: Mapped[str] = mapped_column(String(400))
    bulan: Mapped[str] = mapped_column(String(7))  # of created_at (UTC)
    field: Mapped[str] = mapped_column(String(20))  # "wujud_perbuatan", "pasal", "" (all)
    value: Mapped[str] = mapped_column(String(60))
    n: Mapped[int] = mapped_column(Integer, default=0)


class OffenceKey(NamedTuple):
    unit_path: str
    field: str
    bulan: str
    value: str


ALL = ""  # the field (and value) under which every record counts once: the month's total
FIELDS = ("wujud_perbuatan", "pasal")


def _keys(get) -> list[OffenceKey]:
    path = get("unit_path")
    if path is None:
        return []
    bulan = month_of(get("created_at"))
    return [OffenceKey(unit, f, bulan, get(f) or "" if f else ALL)
            for unit in (path, rollup_path(path)) for f in (ALL, *FIELDS)]


def _after_flush(session: Session, flush_context: Any) -> None:
    deltas: Counter[OffenceKey] = Counter()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if not isinstance(obj, Record):
            continue
        old = [] if obj in session.new else _keys(lambda a, o=obj: old_value(o, a))
        new = [] if obj in session.deleted else _keys(lambda a, o=obj: getattr(o, a))
        if old != new:
            deltas.subtract(old)
            deltas.update(new)
    changed = {k: n for k, n in deltas.items() if n}
    if changed:
        add_to_counters(session, OffenceCount, changed)


def rows_now(session: Session) -> Counter[OffenceKey]:
    """Every record's key, counted from the records themselves."""
    found: Counter[OffenceKey] = Counter()
    query = select(Record.unit_path, Record.created_at, Record.wujud_perbuatan, Record.pasal)
    for path, created, wujud, pasal in session.execute(query).yield_per(10000):
        values = {"unit_path": path, "created_at": created, "wujud_perbuatan": wujud, "pasal": pasal}
        found.update(_keys(values.get))
    return found


def stored(session: Session) -> Counter[OffenceKey]:
    return stored_counts(session, OffenceCount, OffenceKey)


def recount(session: Session) -> int:
    """Rebuild the counters from the records; how many counters there are now."""
    session.flush()
    counts = rows_now(session)
    replace_counts(session, OffenceCount, counts)
    return len(counts)


def top(session: Session, field: str, unit_path: str, exact: bool, start: str, end: str,
        limit: int = 10) -> list[tuple[str, int]]:
    """The `limit` most frequent values of `field` (wujud_perbuatan or pasal) recorded in
    months `start`..`end` of `unit_path` (with its sub-units unless `exact`)."""
    t = OffenceCount
    total = func.sum(t.n)
    query = (select(t.value, total)
             .where(t.field == field, t.bulan >= start, t.bulan <= end,
                    in_units(t.unit_path, unit_path, exact))
             .group_by(t.value).having(total > 0).order_by(total.desc(), t.value).limit(limit))
    return [(value, int(n)) for value, n in session.execute(query)]


def totals(session: Session, by: str, units: list[str], exact: bool, start: str,
           end: str) -> Counter[str]:
    """How many catpers were recorded in months `start`..`end`: per month (`by` "bulan")
    of `units[0]` (with its sub-units unless `exact`), or per unit (`by` "unit_path") of
    each of `units`, its own records."""
    t = OffenceCount
    column = getattr(t, by)
    where = in_units(t.unit_path, units[0], exact) if by == "bulan" else t.unit_path.in_(units)
    query = (select(column, func.sum(t.n))
             .where(t.field == ALL, t.bulan >= start, t.bulan <= end, where).group_by(column))
    return Counter({key: int(n) for key, n in session.execute(query)})


def register() -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)


register()
