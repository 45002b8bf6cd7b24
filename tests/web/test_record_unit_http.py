"""A record belongs to its unit, not to the operator who submitted it (issue 14, point 1):
any operator of the record's Polres, and the Polda's operators, submit its next tahap.
Continuing is not reading: the record page still follows the need-to-know grounds, and
the colleague reads the submission they made on the process page (as its starter)."""

from __future__ import annotations

from sqlalchemy import select

from processes.accounts.models import User
from processes.db.audit_actions import AKSES_DITOLAK
from processes.records.models import Submission
from tests.support.actors import extra_user
from tests.support.audit import entries
from tests.support.data import UPDATE_I, pemutakhiran
from tests.support.flows import record_in_proses
from tests.support.pages import instance_of, start_url
from tests.support.web_flows import footprint, start_update


def _waiting(session, record_id: int) -> list[tuple[str, int]]:
    session.expire_all()
    rows = session.scalars(
        select(Submission).where(Submission.record_id == record_id, Submission.status == "MENUNGGU")
    ).all()
    return [(s.tahap, s.submitted_by) for s in rows]


def test_another_operator_of_the_same_polres_submits_update_i_without_reading_the_record(
    client, auth, session
):
    record = record_in_proses(session, username="op.kapuas")
    colleague = extra_user(session, "tmp-op2.kapuas", "OPERATOR", "POLRES-KAPUAS")
    auth.login("tmp-op2.kapuas")
    page = client.get(start_url("update_i", record.id))
    assert page.status_code == 200
    assert record.person.nama not in page.get_data(as_text=True)  # continuing is not reading
    instance = instance_of(start_update(client, "update_i", record.id, UPDATE_I))
    assert _waiting(session, record.id) == [("UPDATE_I", colleague.id)]
    assert client.get(f"/proses/{instance}").status_code == 200  # their own submission
    assert client.get(f"/catatan/{record.id}").status_code == 403  # the record: still not


def test_the_polda_operator_continues_a_polres_record(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("operator")
    instance_of(start_update(client, "pemutakhiran", record.id, pemutakhiran("TIDAK_TERBUKTI")))
    assert [tahap for tahap, _ in _waiting(session, record.id)] == ["PEMUTAKHIRAN"]


def test_a_disabled_submitter_does_not_lock_the_record(client, auth, session):
    submitter = extra_user(session, "tmp-op3.kapuas", "OPERATOR", "POLRES-KAPUAS")
    record = record_in_proses(session, username="tmp-op3.kapuas")
    submitter = session.get(User, submitter.id)
    submitter.is_active = False
    session.commit()
    extra_user(session, "tmp-op2.kapuas", "OPERATOR", "POLRES-KAPUAS")
    auth.login("tmp-op2.kapuas")
    instance_of(start_update(client, "update_i", record.id, UPDATE_I))
    assert [tahap for tahap, _ in _waiting(session, record.id)] == ["UPDATE_I"]


def test_an_operator_of_another_polres_is_refused_and_the_refusal_audited(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    before = footprint(session)
    assert client.get(start_url("update_i", record.id)).status_code == 403
    assert start_update(client, "update_i", record.id, UPDATE_I).status_code == 403
    assert footprint(session) == before
    refusals = [e for e in entries(session, AKSES_DITOLAK) if f"catatan={record.id}" in e.target
                or e.target.startswith("/ajukan/update_i")]
    assert refusals and "satuan kerja catatan ini" in refusals[-1].outcome
