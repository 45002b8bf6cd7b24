"""The Dasbor's counters (and the Anev's offence counters) move with every record and
permohonan, in the same transaction, and always equal a recount of the rows (after any
sequence of changes); the Dasbor's sums of them equal a count of the records themselves,
for the whole Polda and for one unit; and their number does not grow with the records."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from sqlalchemy import func, select

from processes.access.grounds import viewer_of
from processes.access.models import AccessRequest
from processes.access.request_counts import request_facts
from processes.accounts.models import User
from processes.reading.dashboard_tally import Tally, from_counters
from processes.records import counters, offence_counts
from processes.records import statuses as st
from processes.records.models import Person, Record
from tests.support.flows import record_in_proses, submitted_record

INSTANCE_IDS = itertools.count(-1000, -1)
YEAR = datetime.now(UTC).year
UNITS = ("/POLDA-KALTENG/", "/POLDA-KALTENG/POLRES-KAPUAS/", "/POLDA-KALTENG/POLRES-BARSEL/")
CHANGE = hs.one_of(
    hs.tuples(hs.just("add"), hs.sampled_from(UNITS), hs.sampled_from(("AKP", "BRIPDA", "IPDA"))),
    hs.tuples(hs.just("status"), hs.integers(0, 20), hs.sampled_from(tuple(st.STATUSES))),
    hs.tuples(hs.just("unit"), hs.integers(0, 20), hs.sampled_from(UNITS)),
    hs.tuples(hs.just("tahap"), hs.integers(0, 20), hs.sampled_from(("PENCATATAN", "UPDATE_I"))),
    hs.tuples(hs.just("delete"), hs.integers(0, 20), hs.none()),
    hs.tuples(hs.just("wujud"), hs.integers(0, 20), hs.sampled_from(("W", "X", "Y"))),
    hs.tuples(hs.just("jenis"), hs.integers(0, 20), hs.sampled_from(("DISIPLIN", "KEPP", "PIDANA"))),
    hs.tuples(hs.just("pangkat"), hs.integers(0, 20), hs.sampled_from(("AKP", "KOMBES", "PENATA"))),
    hs.tuples(hs.just("month"), hs.integers(0, 20), hs.integers(1, 12)),
    hs.tuples(hs.just("permohonan"), hs.sampled_from(("SKHP", "REKAM_JEJAK")), hs.none()),
    hs.tuples(hs.just("flush"), hs.none(), hs.none()),
)


def _add(session, person, user, unit, pangkat) -> None:
    session.add(Record(
        person_id=person.id, instance_id=next(INSTANCE_IDS),
        status=st.DIAJUKAN_DICATAT, pangkat=pangkat, jabatan="BANIT", unit_kerja="POLDA",
        jenis_pelanggaran="DISIPLIN", wujud_perbuatan="W", pasal="P", ditangani_oleh="PROPAM",
        unit_path=unit, submitted_by=user.id,
    ))


def _apply(session, person, user, change) -> None:
    what, a, b = change
    records = session.scalars(select(Record).order_by(Record.id)).all()
    target = records[a % len(records)] if records and isinstance(a, int) else None
    if what == "add":
        _add(session, person, user, a, b)
    elif what == "permohonan":
        session.add(AccessRequest(instance_id=next(INSTANCE_IDS), jenis=a, nomor_identitas="91110001",
                                  nama="X", requested_by=user.id))
    elif what == "flush":
        session.flush()
    elif target is not None and what == "status":
        target.status = b
    elif target is not None and what == "unit":
        target.unit_path = b
    elif target is not None and what == "tahap":
        target.tahap = b
    elif target is not None and what == "wujud":
        target.wujud_perbuatan = b
    elif target is not None and what == "jenis":
        target.jenis_pelanggaran = b
    elif target is not None and what == "pangkat":
        target.pangkat = b
    elif target is not None and what == "month":
        target.created_at = datetime(YEAR, b, 15, tzinfo=UTC)
    elif target is not None and what == "delete":
        session.delete(target)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=hs.lists(CHANGE, min_size=1, max_size=25))
def test_counters_equal_a_recount_after_random_changes(session, changes):
    user = session.scalar(select(User).where(User.username == "operator"))
    person = session.scalar(select(Person).where(Person.nomor_identitas == "91110001"))
    if person is None:
        person = Person(personel="POLRI", nomor_identitas="91110001", nama="X")
        session.add(person)
        session.flush()
    for change in changes:
        _apply(session, person, user, change)
    session.commit()
    assert counters.stored(session) == counters.rows_now(session)
    assert offence_counts.stored(session) == offence_counts.rows_now(session)
    kapolda = viewer_of(session.scalar(select(User).where(User.username == "kapolda")))
    for unit in ("", *UNITS):
        read = from_counters(session, kapolda, unit, f"{YEAR - 1}-01", f"{YEAR}-12", list(UNITS))
        expected = _counted(session, unit)
        assert (read.totals, read.by_month) == (expected.totals, expected.by_month)
    assert read.by_unit == _counted(session, "").by_unit
    session.rollback()


def _counted(session, unit: str) -> Tally:
    """The Dasbor's sums, counted by hand from the records and permohonan of `unit` (all
    when ""), created since last January."""
    tally = Tally()
    for record in session.scalars(select(Record)):
        facts = counters.record_facts(lambda a, r=record: getattr(r, a))
        if facts.bulan >= f"{YEAR - 1}-01" and unit in ("", record.unit_path):
            tally.add(facts)
    for request in session.scalars(select(AccessRequest)):
        path = session.get(User, request.requested_by).unit.path
        if unit in ("", path):
            tally.add(request_facts(path, lambda a, r=request: getattr(r, a)))
    return tally


def test_the_counters_do_not_grow_with_the_records(session):
    user = session.scalar(select(User).where(User.username == "operator"))
    person = Person(personel="POLRI", nomor_identitas="91110009", nama="X")
    session.add(person)
    session.flush()
    _add(session, person, user, UNITS[1], "AKP")
    session.flush()
    rows = session.scalar(select(func.count()).select_from(counters.DashboardCount))
    for _ in range(40):
        _add(session, person, user, UNITS[1], "AKP")
    session.flush()
    assert session.scalar(select(func.count()).select_from(counters.DashboardCount)) == rows
    polda = counters.CountKey(counters.CATPERS, "/POLDA-KALTENG/*", "pangkat",
                              counters.month_of(None), "AKP")
    assert counters.stored(session)[polda] == 41


def test_a_rolled_back_change_leaves_the_counters_as_they_were(session):
    record = record_in_proses(session)
    before = counters.stored(session)
    record.status = st.SELESAI
    session.flush()
    session.rollback()
    assert counters.stored(session) == before == counters.rows_now(session)


def test_the_flows_move_the_counters_and_recount_rebuilds_them(session):
    waiting = submitted_record(session, nomor_identitas="91110002")
    running = record_in_proses(session, username="op.kapuas", nomor_identitas="91110003")
    stored = counters.stored(session)
    keys = {(k.unit_path, k.value): n for k, n in stored.items()
            if k.kind == counters.CATPERS and k.field == "status"}
    assert keys == {(waiting.unit_path, st.DIAJUKAN_DICATAT): 1, (running.unit_path, st.PROSES): 1,
                    ("/POLDA-KALTENG/*", st.DIAJUKAN_DICATAT): 1, ("/POLDA-KALTENG/*", st.PROSES): 1}
    session.execute(counters.DashboardCount.__table__.delete())
    assert counters.stored(session) == {}
    counters.recount(session)
    session.commit()
    assert counters.stored(session) == stored
