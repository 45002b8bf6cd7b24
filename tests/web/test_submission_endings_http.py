"""Withdraw, refuse, reopen through HTTP (issue 14, point 4), as the SOP office works:
an approver refuses outright with a reason the operator reads in the record's Tahapan;
the submitting unit withdraws a submission waiting for correction; Kabid Propam
authorises the correction of a closed record."""

from __future__ import annotations

from processes.db.audit_actions import AKSES_DITOLAK
from processes.records import statuses
from tests.support.audit import entries
from tests.support.data import UPDATE_I, pemutakhiran
from tests.support.flows import (
    approve,
    decide,
    record_in_proses,
    refreshed,
    submit_update,
    submitted_record,
)
from tests.support.pages import inbox, instance_of, parse, post_decision, start_url, task_of
from tests.support.web_flows import TITLE, read_record, start_update, text_by_id

REOPEN = {"alasan_buka_kembali": "Pemutakhiran keliru: putusan belum berkekuatan hukum tetap"}


def test_kaurlitpers_refuses_an_update_and_the_operator_reads_why_in_the_tahapan(
    client, auth, session
):
    record = record_in_proses(session)
    auth.login("operator")
    instance = instance_of(start_update(client, "update_i", record.id, UPDATE_I))
    auth.login("kaurlitpers")
    task = task_of(client, instance)
    form = parse(client.get(f"/tugas/{task.task_id}"))
    assert form.xpath('//input[@name="keputusan"][@value="TOLAK"]')  # the third outcome
    refused = client.post(f"/tugas/{task.task_id}", data={"keputusan": "TOLAK"})
    assert refused.status_code == 422  # a refusal needs its reason
    assert refreshed(session, record).status == statuses.DIAJUKAN_UPDATE
    post_decision(client, instance, "TOLAK", "Berkas DP3D milik anggota lain")

    auth.login("operator")
    assert [t for t in inbox(client) if t.instance_id == instance] == []  # nothing to fix
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.tahap_titles == [TITLE["PENCATATAN"], TITLE["UPDATE_I"]]
    assert page.tahapan[-1].lines["Alasan penolakan"] == "Berkas DP3D milik anggota lain"
    assert "ditolak" in parse(client.get(f"/catatan/{record.id}")).xpath(
        '//ol[contains(@class, "tahapan")]/li[last()]/small')[0].text_content()
    assert page.offers == ["update_i", "pemutakhiran"]  # Update I may be submitted anew


def test_the_operator_withdraws_a_returned_pencatatan_and_the_record_is_dibatalkan(
    client, auth, session
):
    record = submitted_record(session, username="op.kapuas")
    decide(session, "kaurlitpers", record.instance_id, "KEMBALIKAN", "Lengkapi uraian")

    auth.login("op.barsel")  # another Polres: no withdrawing, and the refusal is kept
    assert client.post(f"/proses/{record.instance_id}/tarik",
                       data={"alasan": "Bukan catatan saya"}).status_code == 403
    assert entries(session, AKSES_DITOLAK)[-1].target == f"/proses/{record.instance_id}/tarik"

    auth.login("op.kapuas")
    page = parse(client.get(f"/proses/{record.instance_id}"))
    assert page.xpath('//*[@id="withdraw"]//textarea[@name="alasan"]')
    short = client.post(f"/proses/{record.instance_id}/tarik", data={"alasan": "x"})
    assert short.status_code == 302 and refreshed(session, record).status == "DIAJUKAN (DICATAT)"
    done = client.post(f"/proses/{record.instance_id}/tarik",
                       data={"alasan": "Pelanggar ternyata bukan anggota Polres Kapuas"})
    assert done.status_code == 302
    assert refreshed(session, record).status == statuses.DIBATALKAN
    assert [t for t in inbox(client) if t.instance_id == record.instance_id] == []
    page = parse(client.get(f"/proses/{record.instance_id}"))
    assert not page.xpath('//*[@id="withdraw"]')
    assert "Pelanggar ternyata bukan anggota Polres Kapuas" in text_by_id(page, "timeline")
    assert client.get(start_url("update_i", record.id)).status_code == 403  # never a case


def test_kabid_propam_authorises_reopening_a_closed_record(client, auth, session):
    record = record_in_proses(session)
    approve(session, submit_update(session, "pemutakhiran", record, pemutakhiran("TIDAK_TERBUKTI")))
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.offers == ["buka_kembali"]
    assert "Ajukan Pembukaan Kembali Catatan (Koreksi)" in page.offer_labels
    instance = instance_of(start_update(client, "buka_kembali", record.id, REOPEN))
    assert read_record(client, record.id).status == statuses.DIAJUKAN_PEMUTAKHIRAN

    auth.login("kaurlitpers")
    assert [t for t in inbox(client) if t.instance_id == instance] == []
    auth.login("kabid")
    post_decision(client, instance, "SETUJU")

    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.offers == ["update_i", "pemutakhiran"]
    assert page.tahapan[-1].lines["Alasan koreksi"] == REOPEN["alasan_buka_kembali"]
    corrected = instance_of(start_update(client, "pemutakhiran", record.id,
                                         pemutakhiran("DIHENTIKAN", "PERDAMAIAN_RJ")))
    approve(session, corrected)
    assert refreshed(session, record).status == statuses.DIHENTIKAN
