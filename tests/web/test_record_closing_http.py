"""Closing a record and the guards around its updates, through HTTP: pemutakhiran, one
waiting submission per record, and who may start an update."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from processes.records import statuses
from processes.records.models import Submission
from tests.support.data import (
    UPDATE_I,
    pemutakhiran,
    putusan,
    reference_document,
)
from tests.support.flows import (
    approve,
    decide,
    record_in_proses,
    refreshed,
    submit_update,
    submitted_record,
)
from tests.support.pages import (
    instance_of,
    parse,
    person_path,
    post_decision,
    start_url,
    task_of,
)
from tests.support.web_flows import (
    TITLE,
    approve_both,
    footprint,
    read_list,
    read_record,
    start_update,
    text_by_id,
)

DISIPLIN_SANKSI = {
    "DISIPLIN_TEGURAN_TERTULIS", "DISIPLIN_TUNDA_PENDIDIKAN", "DISIPLIN_TUNDA_KGB",
    "DISIPLIN_TUNDA_PANGKAT", "DISIPLIN_DEMOSI", "DISIPLIN_BEBAS_JABATAN", "DISIPLIN_PATSUS",
}
KEPP_SANKSI = {
    "KEPP_PERBUATAN_TERCELA", "KEPP_MEMINTA_MAAF", "KEPP_PEMBINAAN", "KEPP_DEMOSI",
    "KEPP_TUNDA_PANGKAT", "KEPP_TUNDA_PENDIDIKAN", "KEPP_PATSUS", "KEPP_PTDH",
}


# -- Pemutakhiran -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "label", "final", "after_update_ii"),
    [
        (pemutakhiran("TIDAK_TERBUKTI"), "Tidak terbukti", statuses.TIDAK_TERBUKTI, False),
        (pemutakhiran("TIDAK_BERSALAH"), "Tidak bersalah", statuses.TIDAK_BERSALAH, False),
        (pemutakhiran("DIHENTIKAN", "PERDAMAIAN_RJ"), "Dihentikan", statuses.DIHENTIKAN, False),
        (pemutakhiran("DIHENTIKAN", "LAINNYA", "Dilimpahkan ke satuan lain"), "Dihentikan",
         statuses.DIHENTIKAN, True),
        (pemutakhiran("BERAKHIRNYA_HUKUMAN"), "Berakhirnya hukuman", statuses.SELESAI, True),
    ],
    ids=["tidak-terbukti", "tidak-bersalah", "dihentikan-rj", "dihentikan-lainnya", "selesai"],
)
def test_pemutakhiran_closes_the_record_and_it_refuses_any_further_update(
    client, auth, session, outcome, label, final, after_update_ii
):
    record = record_in_proses(session)
    if after_update_ii:
        approve(session, submit_update(session, "update_ii", record, putusan("DISIPLIN_PATSUS")))
    auth.login("operator")
    assert "pemutakhiran" in read_record(client, record.id).offers

    response = start_update(client, "pemutakhiran", record.id, outcome,
                            reference_document(nomor="SKEP/8/XI/2026"))
    instance_id = instance_of(response)
    page = read_record(client, record.id)
    assert page.status == statuses.DIAJUKAN_PEMUTAKHIRAN
    assert page.offers == []
    assert TITLE["PEMUTAKHIRAN"] in page.waiting

    auth.login("kaurlitpers")
    task = task_of(client, instance_id)
    assert task.title == "Periksa Pemutakhiran (Kaurlitpers)"
    assert label in text_by_id(parse(client.get(f"/tugas/{task.task_id}")), "summary")
    post_decision(client, instance_id, "KEMBALIKAN", "Lampirkan surat keputusan")
    auth.login("operator")
    fix = task_of(client, instance_id)
    assert client.post(f"/tugas/{fix.task_id}", data={"dokumen_nomor": "SKEP/9/XI/2026"},
                       content_type="multipart/form-data").status_code == 302
    approve_both(auth, client, instance_id)

    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == final
    assert page.offers == ["buka_kembali"]  # only a correction Kabid Propam authorises
    assert page.tahap_titles[-1] == TITLE["PEMUTAKHIRAN"]
    lines = page.tahap("PEMUTAKHIRAN").lines
    assert lines["Pemutakhiran"] == label
    if outcome.get("alasan_dihentikan") == "PERDAMAIAN_RJ":
        assert lines["Alasan dihentikan"] == "Perdamaian (RJ)"
    if outcome.get("keterangan"):
        assert lines["Keterangan"] == "Dilimpahkan ke satuan lain"
    assert "SKEP/9/XI/2026" in page.tahap("PEMUTAKHIRAN").document
    assert page.history[-2:] == [statuses.DIAJUKAN_PEMUTAKHIRAN, final]

    before = footprint(session)
    for process_id in ("update_i", "update_ii", "pemutakhiran"):
        assert client.get(start_url(process_id, record.id)).status_code == 403, process_id
    response = start_update(client, "update_ii", record.id, putusan("DISIPLIN_DEMOSI"))
    assert response.status_code == 403
    assert "sudah ditutup" in text_by_id(parse(response), "error-message")
    assert footprint(session) == before
    assert refreshed(session, record).status == final


def test_berakhirnya_hukuman_is_refused_while_no_sanction_is_being_served(client, auth, session):
    record = record_in_proses(session)
    auth.login("operator")
    before = footprint(session)
    response = start_update(client, "pemutakhiran", record.id,
                            pemutakhiran("BERAKHIRNYA_HUKUMAN"))
    assert response.status_code != 302
    assert "hanya untuk catatan berstatus PENGAWASAN" in response.get_data(as_text=True)
    assert footprint(session) == before
    assert read_record(client, record.id).status == "PROSES"


def test_dihentikan_needs_its_reason(client, auth, session):
    record = record_in_proses(session)
    auth.login("operator")
    before = footprint(session)
    response = start_update(client, "pemutakhiran", record.id, pemutakhiran("DIHENTIKAN"))
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-alasan_dihentikan") == "Alasan dihentikan wajib diisi."
    assert page.xpath('//input[@name="jenis_pemutakhiran"][@checked]/@value') == ["DIHENTIKAN"]
    assert footprint(session) == before


# -- one waiting submission per record ------------------------------------------------


def test_while_one_submission_waits_a_second_is_refused_and_nothing_is_written(
    client, auth, session
):
    record = record_in_proses(session)
    auth.login("operator")
    instance_of(start_update(client, "update_i", record.id, UPDATE_I))
    before = footprint(session)
    for process_id, fields in [
        ("update_i", UPDATE_I), ("update_ii", putusan("DISIPLIN_DEMOSI")),
        ("pemutakhiran", pemutakhiran("TIDAK_TERBUKTI")),
    ]:
        assert client.get(start_url(process_id, record.id)).status_code == 403, process_id
        response = start_update(client, process_id, record.id, fields)
        assert response.status_code == 403, process_id
        assert "masih memiliki pengajuan" in text_by_id(parse(response), "error-message")
    assert footprint(session) == before
    waiting = session.scalars(
        select(Submission).where(Submission.record_id == record.id, Submission.status == "MENUNGGU")
    ).all()
    assert [s.tahap for s in waiting] == ["UPDATE_I"]
    assert read_record(client, record.id).status == statuses.DIAJUKAN_UPDATE


def test_a_record_still_awaiting_its_pencatatan_cannot_be_updated(client, auth, session):
    record = submitted_record(session)
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == statuses.DIAJUKAN_DICATAT and page.offers == []
    before = footprint(session)
    assert start_update(client, "update_i", record.id, UPDATE_I).status_code == 403
    assert footprint(session) == before


# -- who may start an update ----------------------------------------------------------


@pytest.mark.parametrize("username", ["kaurlitpers", "kasubbid", "kabid", "kapolda"])
def test_approvers_and_viewers_read_the_record_but_cannot_start_an_update(
    client, auth, session, username
):
    record = record_in_proses(session)
    if username in ("kaurlitpers", "kasubbid"):
        # Need-to-know: an approver reads a person's catpers while a task about them waits.
        other = submitted_record(session, jenis_pelanggaran="PIDANA", pasal="KUHP-351",
                                 wujud_perbuatan="PENGANIAYAAN")
        if username == "kasubbid":
            decide(session, "kaurlitpers", other.instance_id, "SETUJU")
    auth.login(username)
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.offers == []
    before = footprint(session)
    for process_id, fields in [
        ("update_i", UPDATE_I), ("update_ii", putusan("DISIPLIN_DEMOSI")),
        ("pemutakhiran", pemutakhiran("TIDAK_TERBUKTI")),
    ]:
        assert client.get(start_url(process_id, record.id)).status_code == 403, process_id
        assert start_update(client, process_id, record.id, fields).status_code == 403, process_id
    assert footprint(session) == before
    assert refreshed(session, record).status == "PROSES"


def test_another_polres_operator_cannot_open_the_record_the_person_or_update_it(
    client, auth, session
):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("op.kapuas")
    assert read_record(client, record.id).offers == ["update_i", "pemutakhiran"]

    auth.login("op.barsel")
    assert client.get(f"/catatan/{record.id}").status_code == 403
    assert client.get(person_path(session, "85051234")).status_code == 403
    assert client.get(f"/catatan/{record.id}/dokumen/PENCATATAN").status_code == 403
    before = footprint(session)
    assert client.get(start_url("update_i", record.id)).status_code == 403
    assert start_update(client, "update_i", record.id, UPDATE_I).status_code == 403
    assert start_update(client, "pemutakhiran", record.id,
                        pemutakhiran("TIDAK_TERBUKTI")).status_code == 403
    assert footprint(session) == before
    assert read_list(client).total == 0
