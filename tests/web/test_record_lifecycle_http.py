"""A record's life after Pencatatan, through HTTP, as the SOP tells it.

Update I (dokumen referensi + nomor DP3D/BP3KEPP + limpah), Update II (putusan and a
hukuman of the record's jenis), Update III and IV for KEPP only, and Pemutakhiran; each
submitted by an operator, checked by Kaurlitpers, approved by Kasubbid Paminal, with
return for correction. The record page offers only what the diagrams allow, and a forged
request for anything else is refused without writing a row.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from processes.records import statuses
from processes.records.models import Record, Submission
from tests.support.data import (
    KEPP,
    MINIMAL_PDF,
    UPDATE_I,
    pemutakhiran,
    putusan,
    reference_document,
)
from tests.support.flows import (
    approve,
    decide,
    record_in_proses,
    submit_update,
    submitted_record,
)
from tests.support.pages import (
    inbox,
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
    list_page,
    read_list,
    read_person,
    read_record,
    start_update,
    text_by_id,
)

PIDANA = {"nomor_identitas": "88110987", "nama": "Rudi Santoso", "pangkat": "AKP",
          "jenis_pelanggaran": "PIDANA", "wujud_perbuatan": "PENGANIAYAAN", "pasal": "KUHP-351",
          "unit_kerja": "POLRES-BARITO-SELATAN"}
ASN = {"personel": "ASN", "nomor_identitas": "199002152015032001", "jenis_kelamin": "P",
       "nama": "Siti Aminah", "pangkat": "III/a", "jabatan": "Staf Urmin",
       "unit_kerja": "SATKER-BIDPROPAM", "wujud_perbuatan": "TIDAK_MASUK_DINAS_TANPA_KETERANGAN",
       "pasal": "PP94-2021-P3-a"}

DISIPLIN_SANKSI = {
    "DISIPLIN_TEGURAN_TERTULIS", "DISIPLIN_TUNDA_PENDIDIKAN", "DISIPLIN_TUNDA_KGB",
    "DISIPLIN_TUNDA_PANGKAT", "DISIPLIN_DEMOSI", "DISIPLIN_BEBAS_JABATAN", "DISIPLIN_PATSUS",
}
KEPP_SANKSI = {
    "KEPP_PERBUATAN_TERCELA", "KEPP_MEMINTA_MAAF", "KEPP_PEMBINAAN", "KEPP_DEMOSI",
    "KEPP_TUNDA_PANGKAT", "KEPP_TUNDA_PENDIDIKAN", "KEPP_PATSUS", "KEPP_PTDH",
}


def hukuman_choices(page) -> set[str]:
    return {o.get("value") for o in page.xpath('//select[@id="f-hukuman"]/option') if o.get("value")}


def refreshed(session, record: Record) -> Record:
    session.expire_all()
    return session.get(Record, record.id)


# -- Update I -------------------------------------------------------------------------


def test_update_i_returned_by_kaurlitpers_fixed_and_approved_shows_proses_and_tahap_update_i(
    client, auth, session
):
    record = record_in_proses(session)
    auth.login("operator")
    page = read_record(client, record.id)
    assert page.status == "PROSES"
    assert page.offers == ["update_i", "update_ii", "pemutakhiran"]
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
    assert ("UPDATE_I", "SPRIN/45/XI/2026") in page.documents
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
    assert tahap.lines["Tanggal putusan"] == "2026-11-10"
    assert tahap.lines["Hukuman"] == "Penempatan dalam tempat khusus (patsus) paling lama 21 hari"
    assert "KHD/5/XI/2026" in tahap.document
    assert page.history[-2:] == [statuses.DIAJUKAN_UPDATE, statuses.PENGAWASAN]
    # A DISIPLIN record has no banding: only Pemutakhiran is left; Update I is past.
    assert page.offers == ["pemutakhiran"]
    assert client.get(start_url("update_i", record.id)).status_code == 403
    assert refreshed(session, record).tahap == "UPDATE_II"


def test_hukuman_of_another_jenis_is_refused_inline_and_typed_values_stay(client, auth, session):
    record = record_in_proses(session)
    auth.login("operator")
    before = footprint(session)
    response = start_update(
        client, "update_ii", record.id,
        putusan("KEPP_PTDH", nomor="KEP/99/XI/2026", isi="Dinyatakan bersalah oleh sidang."),
    )
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "err-hukuman") == "Pilihan Hukuman tidak dikenal; pilih dari daftar."
    assert page.xpath('//input[@id="f-putusan_nomor"]/@value') == ["KEP/99/XI/2026"]
    assert page.xpath('//input[@id="f-putusan_tanggal"]/@value') == ["2026-11-10"]
    assert text_by_id(page, "f-putusan_isi") == "Dinyatakan bersalah oleh sidang."
    assert hukuman_choices(page) == DISIPLIN_SANKSI
    assert "Pilih ulang berkas PDF" in text_by_id(page, "err-dokumen_file")
    assert footprint(session) == before
    assert refreshed(session, record).status == "PROSES"


# -- Update III and IV: KEPP only -----------------------------------------------------


def test_kepp_record_goes_through_update_ii_iii_and_iv(client, auth, session):
    record = record_in_proses(session, **KEPP)
    auth.login("operator")
    assert read_record(client, record.id).offers == ["update_i", "update_ii", "pemutakhiran"]
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
        TITLE["PENCATATAN"], TITLE["UPDATE_II"], TITLE["UPDATE_III"], TITLE["UPDATE_IV"],
    ]
    assert page.tahap("UPDATE_IV").lines["Hukuman"] == (
        "Penempatan pada tempat khusus (patsus) paling lama 30 hari kerja"
    )
    assert [d for d in page.documents if d[0].startswith("UPDATE")] == [
        ("UPDATE_II", "DOK-KEP/1/XI/2026"), ("UPDATE_III", "DOK-KEP/2/XI/2026"),
        ("UPDATE_IV", "DOK-KEP/3/XI/2026"),
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
    assert page.offers == []
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
    assert read_record(client, record.id).offers == ["update_i", "update_ii", "pemutakhiran"]

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


# -- person page ------------------------------------------------------------------------


def test_person_page_shows_every_record_with_its_status_and_tahapan(client, auth, session):
    first = record_in_proses(session)
    approve(session, submit_update(session, "update_i", first, UPDATE_I))
    approve(session, submit_update(session, "update_ii", first, putusan("DISIPLIN_TUNDA_KGB")))
    second = record_in_proses(session, jenis_pelanggaran="PIDANA", wujud_perbuatan="PENGANIAYAAN",
                              pasal="KUHP-351")
    submit_update(session, "update_i", second, {"nomor_berkas": "LP/B/3/XI/2026", "limpah": "MABES"})
    third = record_in_proses(session, jenis_pelanggaran="KEPP", pasal="PERPOL7-2022-P10")
    approve(session, submit_update(session, "pemutakhiran", third, pemutakhiran("TIDAK_BERSALAH")))
    kapuas = record_in_proses(session, username="op.kapuas", jenis_pelanggaran="PIDANA",
                              wujud_perbuatan="PENGANIAYAAN", pasal="KUHP-170")

    auth.login("kaurlitpers")  # of the Polda: reads every catpers of the Polda and its Polres
    budi = person_path(session, "85051234")
    heading, sections = read_person(client, budi)
    assert "Budi Hartono" in heading and "85051234" in heading
    assert [s.record_id for s in sections] == [first.id, second.id, third.id, kapuas.id]
    by_id = {s.record_id: s for s in sections}

    assert by_id[first.id].status == "PENGAWASAN"
    assert by_id[first.id].heading.startswith("Disiplin")
    assert [s.title for s in by_id[first.id].tahapan] == [
        TITLE["PENCATATAN"], TITLE["UPDATE_I"], TITLE["UPDATE_II"],
    ]
    assert by_id[first.id].tahapan[2].lines["Hukuman"] == "Penundaan kenaikan gaji berkala"
    assert by_id[first.id].waiting is None

    assert by_id[second.id].status == statuses.DIAJUKAN_UPDATE
    assert by_id[second.id].heading.startswith("Pidana")
    assert [s.title for s in by_id[second.id].tahapan] == [TITLE["PENCATATAN"]]
    assert TITLE["UPDATE_I"] in by_id[second.id].waiting

    assert by_id[third.id].status == statuses.TIDAK_BERSALAH
    assert [s.title for s in by_id[third.id].tahapan] == [
        TITLE["PENCATATAN"], TITLE["PEMUTAKHIRAN"],
    ]
    assert "4 catatan" in client.get(budi).get_data(as_text=True)

    for username in ("kabid", "kapolda", "kasubbid"):
        auth.login(username)
        everything = read_person(client, budi)[1]
        assert [s.record_id for s in everything] == [first.id, second.id, third.id, kapuas.id]
        assert [s.status for s in everything] == [
            "PENGAWASAN", statuses.DIAJUKAN_UPDATE, statuses.TIDAK_BERSALAH, "PROSES",
        ], username
    # Submitting records about a person is no ground to read the person: their records only.
    for username in ("operator", "op.kapuas", "op.barsel"):
        auth.login(username)
        assert client.get(budi).status_code == 403, username
    assert client.get("/personel/85051234").status_code == 403  # an NRP is no address
    assert client.get("/personel/tidak-ada-token-begini").status_code == 403  # no hint


# -- record list ----------------------------------------------------------------------


@pytest.fixture
def four_records(session):
    """Budi (DISIPLIN, BINTARA, Kapuas) PROSES and Andika (KEPP, BINTARA) PENGAWASAN by
    op.kapuas; Rudi (PIDANA, PAMA, Barito Selatan) DIAJUKAN by op.barsel; Siti (ASN, PNS,
    Bidpropam) TIDAK TERBUKTI by operator. Recorded on different days."""
    budi = record_in_proses(session, username="op.kapuas")
    andika = record_in_proses(session, username="op.kapuas", **KEPP)
    approve(session, submit_update(session, "update_ii", andika, putusan("KEPP_DEMOSI"),
                                   username="op.kapuas"))
    rudi = submitted_record(session, username="op.barsel", **PIDANA)
    siti = record_in_proses(session, **ASN)
    approve(session, submit_update(session, "pemutakhiran", siti, pemutakhiran("TIDAK_TERBUKTI")))
    days = {budi: (2026, 3, 10), andika: (2026, 6, 20), rudi: (2026, 6, 21), siti: (2026, 9, 1)}
    for record, day in days.items():
        record.created_at = datetime(*day, 12, 0, tzinfo=UTC)
    session.commit()
    return {"budi": budi, "andika": andika, "rudi": rudi, "siti": siti}


ALL = {"Budi Hartono", "Andika Prasetyo", "Rudi Santoso", "Siti Aminah"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ALL),
        ({"status": "PENGAWASAN"}, {"Andika Prasetyo"}),
        ({"status": "PROSES"}, {"Budi Hartono"}),
        ({"status": "DIAJUKAN (DICATAT)"}, {"Rudi Santoso"}),
        ({"status": "TIDAK TERBUKTI"}, {"Siti Aminah"}),
        ({"status": "SELESAI"}, set()),
        ({"jenis": "KEPP"}, {"Andika Prasetyo"}),
        ({"jenis": "DISIPLIN"}, {"Budi Hartono", "Siti Aminah"}),
        ({"jenis": "PIDANA"}, {"Rudi Santoso"}),
        ({"unit": "POLRES-BARITO-SELATAN"}, {"Rudi Santoso"}),
        ({"unit": "POLRES-KAPUAS"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"kelompok": "PAMA"}, {"Rudi Santoso"}),
        ({"kelompok": "BINTARA"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"kelompok": "PNS"}, {"Siti Aminah"}),
        ({"kelompok": "PATI"}, set()),
        ({"q": "hartono"}, {"Budi Hartono"}),
        ({"q": "8811"}, {"Rudi Santoso"}),
        ({"q": "199002152015032001"}, {"Siti Aminah"}),
        ({"q": "1234"}, set()),  # NRP/NIP match from the start, not in the middle
        ({"dari": "2026-06-20"}, {"Andika Prasetyo", "Rudi Santoso", "Siti Aminah"}),
        ({"sampai": "2026-06-20"}, {"Budi Hartono", "Andika Prasetyo"}),
        ({"dari": "2026-06-20", "sampai": "2026-06-21"}, {"Andika Prasetyo", "Rudi Santoso"}),
        ({"jenis": "DISIPLIN", "kelompok": "PNS"}, {"Siti Aminah"}),
        ({"jenis": "DISIPLIN", "unit": "POLRES-BARITO-SELATAN"}, set()),
    ],
)
def test_each_filter_of_the_record_list_narrows_it(client, auth, four_records, params, expected):
    auth.login("kabid")
    page = read_list(client, **params)
    assert set(page.names) == expected
    assert page.total == len(expected)
    assert page.errors == []


def test_list_rows_show_status_jenis_and_link_to_record_and_person(
    client, auth, session, four_records
):
    auth.login("kapolda")
    response = client.post("/catatan", data={"q": "Andika"})
    page = parse(response)
    row = list_page(response).rows[0]
    assert row["status"] == "PENGAWASAN" and row["jenis"] == "KEPP" and row["pangkat"] == "BRIPTU"
    links = page.xpath('//table[@id="records"]//a/@href')
    assert links == [f"/catatan/{four_records['andika'].id}", person_path(session, "90030456")]
    assert page.xpath('//select[@id="jenis"]/option[@selected]/@value') == []  # nothing chosen
    page = parse(client.post("/catatan", data={"jenis": "KEPP", "q": "Andika"}))
    assert page.xpath('//select[@id="jenis"]/option[@selected]/@value') == ["KEPP"]
    assert page.xpath('//input[@id="q"]/@value') == ["Andika"]
    assert page.xpath('//form[@id="filters"]/@method') == ["post"]


def test_an_operator_s_list_links_the_record_never_the_person(client, auth, four_records):
    auth.login("op.kapuas")
    page = parse(client.post("/catatan", data={"q": "Andika"}))
    assert page.xpath('//table[@id="records"]//a/@href') == [f"/catatan/{four_records['andika'].id}"]


def test_a_search_in_the_address_is_not_run(client, auth, four_records):
    # A name or NRP/NIP typed into the list goes by POST; one put into the address is ignored.
    auth.login("kabid")
    response = client.get("/catatan", query_string={"q": "Andika", "jenis": "KEPP"})
    assert list_page(response).names == ["Andika Prasetyo"]  # the other filters still apply
    assert parse(response).xpath('//input[@id="q"]/@value') == [""]
    assert set(list_page(client.get("/catatan", query_string={"q": "Andika"})).names) == ALL


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("op.kapuas", {"Budi Hartono", "Andika Prasetyo"}),
        ("op.barsel", {"Rudi Santoso"}),
        ("operator", {"Siti Aminah"}),
        ("kabid", ALL),
        ("kapolda", ALL),
        # The AKSES CATPERS table: Kaurlitpers and Kasubbid Paminal of the Polda read them all.
        ("kaurlitpers", ALL),
        ("kasubbid", ALL),
        ("admin", set()),
    ],
)
def test_the_record_list_is_scoped_to_what_each_user_may_read(
    client, auth, four_records, username, expected
):
    auth.login(username)
    page = read_list(client)
    assert set(page.names) == expected
    assert page.total == len(expected)


def test_an_invalid_date_in_the_list_filter_gets_an_indonesian_message(client, auth, four_records):
    auth.login("kabid")
    page = read_list(client, dari="2026-13-45", jenis="KEPP")
    assert page.errors == ["Tanggal '2026-13-45' tidak valid (format TTTT-BB-HH)."]
    assert set(page.names) == {"Andika Prasetyo"}  # the other filters still apply
    page = read_list(client, sampai="kemarin")
    assert page.errors == ["Tanggal 'kemarin' tidak valid (format TTTT-BB-HH)."]


def test_the_record_list_pages_by_25_and_keeps_the_filters(client, auth, session):
    for i in range(27):
        submitted_record(session, nomor_identitas=f"850512{i:02d}", nama=f"Personel Uji {i:02d}")
    submitted_record(session, nomor_identitas="90030499", nama="Personel Kode Etik",
                     jenis_pelanggaran="KEPP", pasal="PERPOL7-2022-P10")
    auth.login("operator")
    first = read_list(client, jenis="DISIPLIN")
    assert first.total == 27
    assert len(first.rows) == 25
    assert "Halaman 1 dari 2" in first.pager
    assert first.prev_form is None and first.next_form
    assert first.next_form["jenis"] == "DISIPLIN" and first.next_form["page"] == "2"

    second_response = client.post("/catatan", data=first.next_form)
    second = parse(second_response)
    rows = second.xpath('//table[@id="records"]/tbody/tr')
    assert len(rows) == 2
    assert "Halaman 2 dari 2" in second.xpath('//div[@class="pager"]')[0].text_content()
    names = set(first.names) | {
        " ".join(tr.xpath("./td")[0].text_content().split()) for tr in rows
    }
    assert names == {f"Personel Uji {i:02d}" for i in range(27)}
    assert list_page(second_response).prev_form["page"] == "1"
    assert read_list(client).total == 28
    assert read_list(client, page="99").rows == []


def test_a_search_by_name_pages_without_putting_the_name_in_any_address(client, auth, session):
    for i in range(27):
        submitted_record(session, nomor_identitas=f"850512{i:02d}", nama=f"Personel Uji {i:02d}")
    auth.login("operator")
    first = read_list(client, q="Personel Uji")
    assert (first.total, len(first.rows)) == (27, 25)
    assert first.next_form["q"] == "Personel Uji"
    response = client.post("/catatan", data=first.next_form)
    assert len(list_page(response).rows) == 2
    page = response.get_data(as_text=True)
    addresses = parse(page).xpath("//@href | //@action | //@src")
    assert [a for a in addresses if "Uji" in a or "85051" in a] == []
