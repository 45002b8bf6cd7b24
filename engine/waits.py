"""How long user tasks wait: a small table of wait histograms, kept when a task completes.

Each completed task adds one to the histogram of its (process, task, lane, unit, month of
completion): how long it waited, from the moment it opened to its completion, falls in
one bucket of a geometric scale (each bucket ~9% wider than the one before). A finished
instance adds its whole run (task name and lane left empty). So the median and the
longest wait of any step, lane, unit and period come from a few hundred rows, never from
scanning the history, which grows with the years. Each completion counts twice: under
its unit, and under its tree's root marked "*" (`rollup_path`: "/A/B/" rolls up into
"/A/*"), so a whole tree's figures read a root's few rows, not every unit's. The median is the bucket's middle
(within ~5%); the longest is exact.

`rebuild` fills the table from the history itself (after a migration or a restore): a
task's wait is then the time since the instance's previous completion, or its start.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, String, UniqueConstraint, case, delete, func, insert, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from .models import EngineBase, Instance, OpenTask, TaskHistory, utcnow
from .tasks import to_info
from .values import TaskInfo

STEPS_PER_DOUBLING = 8
WHOLE_RUN = ""  # task name and lane of an instance's whole run


class TaskWait(EngineBase):
    """How many completed tasks of one key waited about `bucket`, and the longest of them."""

    __tablename__ = "wf_task_wait"
    __table_args__ = (
        # Its index answers every read: one unit (or roll-up), a range of months.
        UniqueConstraint("unit_path", "bulan", "process_id", "task_name", "lane", "bucket",
                         name="uq_wf_task_wait_key"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[str] = mapped_column(String(100))
    task_name: Mapped[str] = mapped_column(String(100))
    lane: Mapped[str] = mapped_column(String(100))
    unit_path: Mapped[str] = mapped_column(String(400))
    bulan: Mapped[str] = mapped_column(String(7))  # month of completion, "2026-12"
    bucket: Mapped[int] = mapped_column(Integer)
    n: Mapped[int] = mapped_column(Integer, default=0)
    longest: Mapped[int] = mapped_column(Integer, default=0)  # seconds


Key = tuple[str, str, str, str, str, int]  # process, task, lane, unit, month, bucket


def rollup_path(unit_path: str) -> str:
    """Where a unit's figures are summed with its whole tree's: "/A/B/" -> "/A/*"."""
    root = unit_path.strip("/").split("/", 1)[0]
    return f"/{root}/*"


def in_units(column, unit_path: str, exact: bool):
    """Rows of one unit (`exact`), or of a tree: its root's roll-up, or its units."""
    if exact:
        return column == unit_path
    if rollup_path(unit_path) == unit_path.rstrip("/") + "/*":
        return column == rollup_path(unit_path)
    return column.startswith(unit_path, autoescape=True) & ~column.endswith("*", autoescape=True)


def bucket_of(seconds: float) -> int:
    """0 for under a minute, then eight buckets per doubling of minutes."""
    if seconds < 60:
        return 0
    return 1 + int(STEPS_PER_DOUBLING * math.log2(seconds / 60))


def middle_of(bucket: int) -> float:
    """The geometric middle of a bucket, in seconds."""
    if bucket == 0:
        return 30.0
    return 60 * 2 ** ((bucket - 0.5) / STEPS_PER_DOUBLING)


def _month(moment: datetime) -> str:
    return moment.strftime("%Y-%m")


def _seconds(start: datetime, end: datetime) -> int:
    if (start.tzinfo is None) != (end.tzinfo is None):  # SQLite hands back naive UTC
        start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return max(0, int((end - start).total_seconds()))


def add(session: Session, waits: dict[Key, tuple[int, int]]) -> None:
    """Add (count, longest seconds) to each histogram row: one statement, its rows in key
    order (two transactions never lock crosswise)."""
    if not waits:
        return
    connection = session.connection()
    upsert = postgresql_insert if connection.dialect.name == "postgresql" else sqlite_insert
    table = TaskWait.__table__
    names = ("process_id", "task_name", "lane", "unit_path", "bulan", "bucket")
    statement = upsert(table).values([
        {**dict(zip(names, key, strict=True)), "n": waits[key][0], "longest": waits[key][1]}
        for key in sorted(waits)])
    excluded = statement.excluded
    connection.execute(statement.on_conflict_do_update(
        index_elements=list(names),
        set_={"n": table.c.n + excluded.n,
              "longest": case((table.c.longest > excluded.longest, table.c.longest),
                              else_=excluded.longest)},
    ))


def note_completion(
    session: Session, instance: Instance, task_name: str, lane: str, opened: datetime,
) -> None:
    """Count the completed task's wait, and the instance's whole run if it has finished.
    Called by the runtime in the completing transaction, after the instance advanced."""
    now = utcnow()
    waits: dict[Key, tuple[int, int]] = {}
    waited = _seconds(opened, now)
    run = _seconds(instance.created_at, now) if instance.status == "complete" else None
    for unit in (instance.unit_path, rollup_path(instance.unit_path)):
        waits[(instance.process_id, task_name, lane, unit, _month(now), bucket_of(waited))] = (1, waited)
        if run is not None:
            waits[(instance.process_id, WHOLE_RUN, WHOLE_RUN, unit, _month(now), bucket_of(run))] = (1, run)
    add(session, waits)


def rebuild(session: Session, batch: int = 20000) -> int:
    """Refill the table from the task history and the finished instances; how many rows."""
    session.flush()
    session.execute(delete(TaskWait))
    found: Counter[Key] = Counter()
    longest: dict[Key, int] = {}

    def count(key: Key, seconds: int) -> None:
        for unit in (key[3], rollup_path(key[3])):
            one = (*key[:3], unit, *key[4:])
            found[one] += 1
            longest[one] = max(longest.get(one, 0), seconds)

    rows = session.execute(
        select(TaskHistory.instance_id, TaskHistory.task_name, TaskHistory.lane,
               TaskHistory.completed_at, Instance.process_id, Instance.unit_path, Instance.created_at)
        .join(Instance, Instance.id == TaskHistory.instance_id)
        .order_by(TaskHistory.instance_id, TaskHistory.completed_at, TaskHistory.id)
    ).yield_per(batch)
    previous: tuple[int, datetime] | None = None
    for instance_id, task, lane, done, process, unit, started in rows:
        since = previous[1] if previous and previous[0] == instance_id else started
        waited = _seconds(since, done)
        count((process, task, lane or "", unit, _month(done), bucket_of(waited)), waited)
        previous = (instance_id, done)
    finished = session.execute(
        select(Instance.process_id, Instance.unit_path, Instance.created_at, Instance.updated_at)
        .where(Instance.status == "complete")
    ).yield_per(batch)
    for process, unit, started, ended in finished:
        run = _seconds(started, ended)
        count((process, WHOLE_RUN, WHOLE_RUN, unit, _month(ended), bucket_of(run)), run)
    names = ("process_id", "task_name", "lane", "unit_path", "bulan", "bucket")
    rows = [dict(zip(names, k, strict=True), n=n, longest=longest[k]) for k, n in found.items()]
    if rows:  # the table is empty now: one bulk insert, not an upsert per row
        session.connection().execute(insert(TaskWait.__table__), rows)
    return len(found)


@dataclass(frozen=True)
class WaitFigure:
    """The waits of one step (or lane, or whole run) over a period."""

    process_id: str
    task_name: str
    lane: str
    n: int
    median: float  # seconds
    longest: int  # seconds


def _median(histogram: Counter[int]) -> float:
    total, seen = sum(histogram.values()), 0
    for bucket in sorted(histogram):
        seen += histogram[bucket]
        if 2 * seen >= total:
            return middle_of(bucket)
    return 0.0


STEP = ("process_id", "task_name", "lane")


def wait_figures(
    session: Session, unit_path: str, exact: bool, start: str, end: str,
    by: Iterable[tuple[str, ...]] = (STEP,),
) -> list[list[WaitFigure]]:
    """Median and longest wait per key of each grouping in `by` (e.g. per step, per lane),
    for tasks completed in months `start`..`end` of the unit `unit_path` (with its
    sub-units unless `exact`); one read of the histograms serves every grouping."""
    t = TaskWait
    query = (
        select(t.process_id, t.task_name, t.lane, t.bucket, func.sum(t.n), func.max(t.longest))
        .where(in_units(t.unit_path, unit_path, exact), t.bulan >= start, t.bulan <= end)
        .group_by(t.process_id, t.task_name, t.lane, t.bucket)
    )
    rows = [(dict(zip(STEP, row[:3], strict=True)), *row[3:]) for row in session.execute(query)]
    return [_grouped(rows, tuple(grouping)) for grouping in by]


def _grouped(rows: list[tuple], by: tuple[str, ...]) -> list[WaitFigure]:
    histograms: dict[tuple, Counter[int]] = {}
    longest: dict[tuple, int] = {}
    for step, bucket, n, most in rows:
        key = tuple(step[name] for name in by)
        histograms.setdefault(key, Counter())[bucket] += int(n)
        longest[key] = max(longest.get(key, 0), int(most))
    figures = []
    for key, histogram in histograms.items():
        values = dict.fromkeys(STEP, "") | dict(zip(by, key, strict=True))
        figures.append(WaitFigure(**values, n=sum(histogram.values()), median=_median(histogram),
                                  longest=longest[key]))
    return figures


def longest_open(
    session: Session, lanes: Iterable[str], unit_path: str, exact: bool, limit: int = 10,
) -> list[TaskInfo]:
    """The open tasks of `lanes` waiting longest now: per lane the oldest `limit` (the
    lane-and-age index answers each), merged."""
    found: list[OpenTask] = []
    for lane in sorted(set(lanes)):
        query = select(OpenTask).where(OpenTask.lane == lane)
        query = query.where(OpenTask.unit_path == unit_path) if exact else query.where(
            OpenTask.unit_path.startswith(unit_path, autoescape=True))
        found.extend(session.scalars(query.order_by(OpenTask.created_at, OpenTask.id).limit(limit)))
    found.sort(key=lambda row: (row.created_at, row.id))
    return [to_info(row) for row in found[:limit]]
