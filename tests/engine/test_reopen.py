"""Kabid Propam authorises the correction of a closed record (issue 14, point 4): the
unit's operator asks to reopen it with a reason and a reference document
(bpmn-models/buka_kembali.bpmn, lanes Operator → Kabid Propam); authorised, the record
runs again in its last running status and is corrected through pemutakhiran."""

from __future__ import annotations

import engine
from processes.db.audit_actions import UBAH_STATUS_CATATAN
from processes.records import statuses
from processes.work import record_flows
from processes.work.runtime import RUNTIME
from tests.support.actors import user
from tests.support.audit import entries
from tests.support.data import UPDATE_I, pemutakhiran, putusan
from tests.support.flows import (
    actor,
    approve,
    decide,
    record_in_proses,
    refreshed,
    submit_update,
    task_of,
)

REASON = {"alasan_buka_kembali": "Pemutakhiran keliru: putusan banding belum inkracht"}


def _closed(session, jenis="TIDAK_TERBUKTI"):
    record = record_in_proses(session)
    approve(session, submit_update(session, "pemutakhiran", record, pemutakhiran(jenis)))
    return refreshed(session, record)


def _offered(session, record) -> list[str]:
    return [o.process_id for o in record_flows.offered(session, user(session, "operator"), record)]


def test_kabid_propam_authorises_a_reopen_and_the_record_is_corrected_by_pemutakhiran(session):
    record = _closed(session)
    assert record.status == statuses.TIDAK_TERBUKTI
    assert _offered(session, record) == ["buka_kembali"]
    instance = submit_update(session, "buka_kembali", record, REASON)
    assert refreshed(session, record).status == statuses.DIAJUKAN_PEMUTAKHIRAN
    assert [t.instance_id for t in engine.inbox(session, actor(session, "kaurlitpers"))
            if t.instance_id == instance] == []  # Kabid Propam's decision, not Kaurlitpers'
    assert task_of(session, "kabid", instance).lane == "Kabid Propam"
    decide(session, "kabid", instance, "SETUJU")
    record = refreshed(session, record)
    assert record.status == statuses.PROSES
    assert _offered(session, record) == ["update_i", "pemutakhiran"]
    approve(session, submit_update(session, "pemutakhiran", record,
                                   pemutakhiran("DIHENTIKAN", "PERDAMAIAN_RJ")))
    assert refreshed(session, record).status == statuses.DIHENTIKAN
    changes = [e.detail for e in entries(session, UBAH_STATUS_CATATAN)
               if e.detail.get("proses") == instance]
    assert [c["perubahan"]["status"][1] for c in changes] == [
        statuses.DIAJUKAN_PEMUTAKHIRAN, statuses.PROSES]


def test_a_reopened_record_returns_to_pengawasan_when_it_was_under_sanction(session):
    record = record_in_proses(session)
    approve(session, submit_update(session, "update_i", record, UPDATE_I))
    approve(session, submit_update(session, "update_ii", record, putusan("DISIPLIN_PATSUS")))
    approve(session, submit_update(session, "pemutakhiran", record,
                                   pemutakhiran("BERAKHIRNYA_HUKUMAN")))
    assert refreshed(session, record).status == statuses.SELESAI
    instance = submit_update(session, "buka_kembali", record, REASON)
    decide(session, "kabid", instance, "SETUJU")
    assert refreshed(session, record).status == statuses.PENGAWASAN


def test_kabid_propam_refuses_and_the_record_stays_closed(session):
    record = _closed(session)
    instance = submit_update(session, "buka_kembali", record, REASON)
    decide(session, "kabid", instance, "TOLAK", "Dasar koreksi tidak cukup")
    record = refreshed(session, record)
    assert record.status == statuses.TIDAK_TERBUKTI
    assert _offered(session, record) == ["buka_kembali"]


def test_a_running_record_is_not_reopened(session):
    record = record_in_proses(session)
    problem = record_flows.refusal(session, user(session, "operator"), record, "buka_kembali")
    assert problem.startswith("Hanya catatan yang sudah ditutup")
    assert "buka_kembali" not in _offered(session, record)


def test_kabid_s_form_needs_a_reason_to_refuse(session):
    record = _closed(session)
    instance = submit_update(session, "buka_kembali", record, REASON)
    task = task_of(session, "kabid", instance)
    try:
        RUNTIME.complete_task(session, actor(session, "kabid"), task.id, {"keputusan": "TOLAK"})
    except engine.FormInvalid as err:
        assert "catatan" in err.errors
    else:
        raise AssertionError("a refusal without a reason was accepted")
