"""A record's life after Pencatatan, through HTTP, as the SOP tells it.

Update I (dokumen referensi + nomor DP3D/BP3KEPP + limpah), Update II (putusan and a
hukuman of the record's jenis), Update III and IV for KEPP only, and Pemutakhiran; each
submitted by an operator, checked by Kaurlitpers, approved by Kasubbid Paminal, with
return for correction. The record page offers only what the diagrams allow, and a forged
request for anything else is refused without writing a row.
"""

from __future__ import annotations

import pytest

from processes.records import statuses
from tests.support.data import (
    KEPP,
    MINIMAL_PDF,
    UPDATE_I,
    putusan,
    reference_document,
)
from tests.support.flows import (
    approve,
    record_in_proses,
    refreshed,
    submit_update,
)
from tests.support.pages import (
    hukuman_choices,
    inbox,
    instance_of,
    parse,
    post_decision,
    start_url,
    task_of,
)
from tests.support.web_flows import (
    TITLE,
    approve_both,
    footprint,
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


# -- Update I -------------------------------------------------------------------------


def test_update_i_returned_by_kaurlitpers_fixed_and_approved_shows_proses_and_tahap_update_i(
    client, auth, session
):
    record = record_in_proses(session)
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.offers == ["update_i", "pemutakhiran"]  # Update II only after Update I
    assert "Ajukan Update I Catatan Personel" in page.offer_labels

    form = parse(client.get(start_url("update_i", record.id)))
    assert "Budi Hartono" in text_by_id(form, "about-record")
    assert {"f-nomor_berkas", "f-limpah", "f-dokumen_nomor", "f-dokumen_file"} <= set(
        form.xpath("//form//@id")
    )

    response = start_update(
        client, "update_i", record.id, UPDATE_I, reference_document(nomor="SPRIN/45/XI/2026")
    )
    instance_id = instance_of(response)
    landing = parse(client.get(f"/proses/{instance_id}"))  # where the submission lands
    assert text_by_id(landing, "record-status") == statuses.DIAJUKAN_UPDATE
    assert landing.xpath(f'//a[@href="/catatan/{record.id}"]')
    page = read_record(client, record.id)
    assert page.status == statuses.DIAJUKAN_UPDATE
    assert page.offers == []  # one waiting submission per record
    assert TITLE["UPDATE_I"] in page.waiting
    assert page.tahap_titles == [TITLE["PENCATATAN"]]  # not approved yet

    auth.login("kaurlitpers")
    task = task_of(client, instance_id)
    assert task.title == "Periksa Update I (Kaurlitpers)"
    review = parse(client.get(f"/tugas/{task.task_id}"))
    summary = text_by_id(review, "summary")
    assert "DP3D/12/XI/2026" in summary and "SPRIN/45/XI/2026" in summary
    assert client.get(f"/tugas/{task.task_id}/berkas/dokumen_file").data == MINIMAL_PDF
    post_decision(client, instance_id, "KEMBALIKAN", "Nomor DP3D kurang satu digit")

    auth.login("operator")
    fix = task_of(client, instance_id)
    assert fix.title == "Perbaiki data Update I"
    fix_page = parse(client.get(f"/tugas/{fix.task_id}"))
    assert "Nomor DP3D kurang satu digit" in text_by_id(fix_page, "return-reason")
    assert fix_page.xpath('//input[@id="f-nomor_berkas"]/@value') == ["DP3D/12/XI/2026"]
    response = client.post(
        f"/tugas/{fix.task_id}", data={"nomor_berkas": "DP3D/123/XI/2026"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert read_record(client, record.id).status == statuses.DIAJUKAN_UPDATE

    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title="Periksa Update I (Kaurlitpers)")
    auth.login("kasubbid")
    task = task_of(client, instance_id)
    assert "DP3D/123/XI/2026" in text_by_id(parse(client.get(f"/tugas/{task.task_id}")), "summary")
    post_decision(client, instance_id, "SETUJU")

    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.waiting is None
    assert page.tahap_titles == [TITLE["PENCATATAN"], TITLE["UPDATE_I"]]
    tahap = page.tahap("UPDATE_I")
    assert tahap.lines == {"Nomor DP3D/BP3KEPP": "DP3D/123/XI/2026", "Limpah": "Polda"}
    assert "SPRIN/45/XI/2026" in tahap.document
    assert ("Update I (DP3D/BP3KEPP)", "SPRIN/45/XI/2026") in page.documents
    assert page.history[-2:] == [statuses.DIAJUKAN_UPDATE, statuses.PROSES]
    assert page.offers == ["update_ii", "pemutakhiran"]  # Update I only once
    pdf = client.get(f"/catatan/{record.id}/dokumen/UPDATE_I")
    assert pdf.status_code == 200 and pdf.data == MINIMAL_PDF
    assert refreshed(session, record).tahap == "UPDATE_I"


def test_update_i_needs_its_fields_and_a_pdf_and_writes_nothing_without_them(
    client, auth, session
):
    record = record_in_proses(session)
    auth.login("operator")
    before = footprint(session)
    response = start_update(client, "update_i", record.id, {"nomor_berkas": "", "limpah": "POLDA"},
                            reference_document(nomor="SPRIN/9/XI/2026"), pdf=None)
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-nomor_berkas") == "Nomor DP3D / BP3KEPP wajib diisi."
    assert "wajib diisi" in text_by_id(page, "err-dokumen_file")
    assert page.xpath('//input[@id="f-dokumen_nomor"]/@value') == ["SPRIN/9/XI/2026"]
    assert footprint(session) == before
    assert refreshed(session, record).status == "PROSES"


# -- Update II ------------------------------------------------------------------------


def test_update_ii_corrected_at_kasubbid_then_approved_puts_the_record_under_pengawasan(
    client, auth, session
):
    record = record_in_proses(session)
    approve(session, submit_update(session, "update_i", record, UPDATE_I))
    auth.login("operator")
    form = parse(client.get(start_url("update_ii", record.id)))
    assert hukuman_choices(form) == DISIPLIN_SANKSI  # filtered by the record's jenis

    response = start_update(
        client, "update_ii", record.id, putusan("DISIPLIN_PATSUS", tanggal="2026-11-01"),
        reference_document(nomor="KHD/5/XI/2026", jenis="PUTUSAN_SIDANG"),
    )
    instance_id = instance_of(response)
    assert read_record(client, record.id).status == statuses.DIAJUKAN_UPDATE

    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title="Periksa Update II (Kaurlitpers)")
    auth.login("kasubbid")
    post_decision(client, instance_id, "KOREKSI", "Tanggal putusan tidak sesuai KHD")

    auth.login("kaurlitpers")
    assert [t for t in inbox(client) if t.instance_id == instance_id] == []
    auth.login("operator")
    fix = task_of(client, instance_id)
    assert fix.title == "Perbaiki data Update II"
    fix_page = parse(client.get(f"/tugas/{fix.task_id}"))
    assert "Tanggal putusan tidak sesuai KHD" in text_by_id(fix_page, "return-reason")
    assert hukuman_choices(fix_page) == DISIPLIN_SANKSI
    response = client.post(
        f"/tugas/{fix.task_id}", data={"putusan_tanggal": "2026-11-10"},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302

    approve_both(auth, client, instance_id)
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PENGAWASAN"
    assert page.tahap_titles == [TITLE["PENCATATAN"], TITLE["UPDATE_I"], TITLE["UPDATE_II"]]
    tahap = page.tahap("UPDATE_II")
    assert tahap.lines["Nomor putusan"] == "KEP/77/XI/2026"
    assert tahap.lines["Tanggal putusan"] == "10 November 2026"
    assert tahap.lines["Hukuman"] == (
        "Penempatan dalam tempat khusus (patsus) paling lama 21 hari (1 hari, mulai 1 November 2026)")
    assert "KHD/5/XI/2026" in tahap.document
    assert page.history[-2:] == [statuses.DIAJUKAN_UPDATE, statuses.PENGAWASAN]
    # A DISIPLIN record has no banding: only Pemutakhiran is left; Update I is past.
    assert page.offers == ["pemutakhiran"]
    assert client.get(start_url("update_i", record.id)).status_code == 403
    assert refreshed(session, record).tahap == "UPDATE_II"


def test_hukuman_of_another_jenis_is_refused_inline_and_typed_values_stay(client, auth, session):
    record = record_in_proses(session)
    approve(session, submit_update(session, "update_i", record, UPDATE_I))
    auth.login("operator")
    before = footprint(session)
    response = start_update(
        client, "update_ii", record.id,
        putusan("KEPP_PTDH", nomor="KEP/99/XI/2026", isi="Dinyatakan bersalah oleh sidang."),
    )
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-daftar_hukuman") == (
        "Hukuman baris 1: jenis hukuman ini tidak dikenal atau tidak berlaku untuk catatan ini.")
    assert page.xpath('//input[@name="daftar_hukuman-0-mulai"]/@value') == ["2026-11-10"]
    assert page.xpath('//input[@id="f-putusan_nomor"]/@value') == ["KEP/99/XI/2026"]
    assert page.xpath('//input[@id="f-putusan_tanggal"]/@value') == ["2026-11-10"]
    assert text_by_id(page, "f-putusan_isi") == "Dinyatakan bersalah oleh sidang."
    assert hukuman_choices(page) == DISIPLIN_SANKSI
    assert text_by_id(page, "file-dokumen_file").startswith("Berkas tersimpan: dokumen.pdf")
    assert footprint(session) == before
    assert refreshed(session, record).status == "PROSES"


# -- Update III and IV: KEPP only -----------------------------------------------------


def test_kepp_record_goes_through_update_ii_iii_and_iv(client, auth, session):
    record = record_in_proses(session, **KEPP)
    auth.login("operator")
    assert read_record(client, record.id).offers == ["update_i", "pemutakhiran"]
    approve(session, submit_update(session, "update_i", record, UPDATE_I))  # BP3KEPP first
    assert hukuman_choices(parse(client.get(start_url("update_ii", record.id)))) == KEPP_SANKSI

    steps = [
        ("update_ii", "KEPP_DEMOSI", "KEP/1/XI/2026", ["update_iii", "pemutakhiran"]),
        ("update_iii", "KEPP_TUNDA_PANGKAT", "KEP/2/XI/2026", ["update_iv", "pemutakhiran"]),
        ("update_iv", "KEPP_PATSUS", "KEP/3/XI/2026", ["pemutakhiran"]),
    ]
    for process_id, hukuman, nomor, then_offered in steps:
        auth.login("operator")
        response = start_update(client, process_id, record.id, putusan(hukuman, nomor=nomor),
                                reference_document(nomor=f"DOK-{nomor}"))
        instance_id = instance_of(response)
        assert read_record(client, record.id).status == statuses.DIAJUKAN_UPDATE
        auth.login("kaurlitpers")
        assert task_of(client, instance_id).title == (
            f"Periksa {TITLE[process_id.upper()].split(' (')[0]} (Kaurlitpers)"
        )
        approve_both(auth, client, instance_id)
        auth.login("operator")
        page = read_record(client, record.id)
        assert page.status == "PENGAWASAN", process_id
        assert page.offers == then_offered, process_id
        assert page.tahap(process_id.upper()).lines["Nomor putusan"] == nomor

    assert page.tahap_titles == [
        TITLE["PENCATATAN"], TITLE["UPDATE_I"], TITLE["UPDATE_II"], TITLE["UPDATE_III"],
        TITLE["UPDATE_IV"],
    ]
    assert page.tahap("UPDATE_IV").lines["Hukuman"] == (
        "Penempatan pada tempat khusus (patsus) paling lama 30 hari kerja "
        "(1 hari kerja, mulai 10 November 2026)"
    )
    assert [d for d in page.documents if d[0].startswith("Update")] == [
        ("Update I (DP3D/BP3KEPP)", "DOK/1/XI/2026"),
        ("Update II (Putusan sidang)", "DOK-KEP/1/XI/2026"),
        ("Update III (Putusan banding KEPP)", "DOK-KEP/2/XI/2026"),
        ("Update IV (Peninjauan kembali KEPP)", "DOK-KEP/3/XI/2026"),
    ]
    assert refreshed(session, record).tahap == "UPDATE_IV"


@pytest.mark.parametrize("process_id", ["update_iii", "update_iv"])
def test_a_disiplin_record_is_not_offered_update_iii_or_iv_and_a_forged_request_is_refused(
    client, auth, session, process_id
):
    record = record_in_proses(session)
    approve(session, submit_update(session, "update_ii", record, putusan("DISIPLIN_DEMOSI")))
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PENGAWASAN" and page.offers == ["pemutakhiran"]
    assert not any("Update III" in label for label in page.offer_labels)

    before = footprint(session)
    assert client.get(start_url(process_id, record.id)).status_code == 403
    response = start_update(client, process_id, record.id, putusan("DISIPLIN_DEMOSI"))
    assert response.status_code == 403
    assert "hanya untuk catatan KEPP" in text_by_id(parse(response), "error-message")
    assert footprint(session) == before
    assert refreshed(session, record).status == "PENGAWASAN"


def test_update_iii_is_refused_for_a_kepp_record_before_update_ii(client, auth, session):
    record = record_in_proses(session, **KEPP)
    auth.login("operator")
    assert "update_iii" not in read_record(client, record.id).offers
    before = footprint(session)
    assert start_update(client, "update_iii", record.id, putusan("KEPP_DEMOSI")).status_code == 403
    assert footprint(session) == before
