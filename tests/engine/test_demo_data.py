"""The demo data `make run` loads goes through the real flows."""

from sqlalchemy import select

from processes.records import statuses
from processes.records.models import Record
from processes.setup import demo


def test_demo_records_run_through_pencatatan(session):
    assert demo.load_demo_records(session) == 4
    session.commit()
    found = sorted(r.status for r in session.scalars(select(Record)))
    assert found == sorted([statuses.PROSES] * 3 + [statuses.DIAJUKAN_DICATAT])
    assert demo.load_demo_records(session) == 0  # loaded once only
