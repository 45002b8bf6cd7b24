"""Each completed task counts its wait in the wait histograms, in the completing
transaction; a finished instance counts its whole run; a rebuild from the history gives
the same counts."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from engine import waits
from engine.models import OpenTask
from engine.waits import TaskWait, bucket_of, middle_of
from tests.support.flows import decide, record_in_proses, submitted_record


def counted(session) -> Counter:
    rows = session.scalars(select(TaskWait)).all()
    found: Counter = Counter()
    for r in rows:  # each unit's own rows (the roll-up rows repeat them)
        if not r.unit_path.endswith("*"):
            found[(r.process_id, r.task_name, r.lane)] += r.n
    return found


def test_a_completion_counts_its_wait_and_a_finished_instance_its_run(session):
    record = submitted_record(session)
    opened = datetime.now(UTC) - timedelta(hours=5)
    session.execute(update(OpenTask).where(OpenTask.instance_id == record.instance_id)
                    .values(created_at=opened))
    decide(session, "kaurlitpers", record.instance_id, "SETUJU")
    row = session.scalar(select(TaskWait).where(TaskWait.lane == "Kaurlitpers"))
    assert row.n == 1 and 5 * 3600 <= row.longest < 5 * 3600 + 60
    assert abs(middle_of(row.bucket) - 5 * 3600) < 0.05 * 5 * 3600
    assert counted(session)[("pencatatan", waits.WHOLE_RUN, waits.WHOLE_RUN)] == 0
    decide(session, "kasubbid", record.instance_id, "SETUJU")
    assert counted(session)[("pencatatan", waits.WHOLE_RUN, waits.WHOLE_RUN)] == 1


def test_a_rebuild_from_the_history_counts_the_same(session):
    record_in_proses(session)
    record_in_proses(session, username="op.kapuas", nomor_identitas="91110077", nama="Lain")
    kept = counted(session)
    rolled = {(r.unit_path, r.n) for r in session.scalars(select(TaskWait).where(
        TaskWait.task_name == "Task_PeriksaKaurlitpers"))}
    assert ("/POLDA-KALTENG/*", 2) in rolled  # both units' completions, in the Polda's roll-up
    assert kept[("pencatatan", "Task_PeriksaKaurlitpers", "Kaurlitpers")] == 2
    waits.rebuild(session)
    session.commit()
    assert counted(session) == kept


def test_buckets_grow_geometrically_and_a_middle_stays_within_five_percent():
    assert bucket_of(0) == 0 and bucket_of(59) == 0
    for seconds in (60, 3600, 7200, 36000, 86400 * 30, 86400 * 400):
        assert abs(middle_of(bucket_of(seconds)) - seconds) <= 0.05 * seconds
