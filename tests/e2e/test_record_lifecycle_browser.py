"""A record's life after Pencatatan in a real browser: Update I with corrections from both
approvers, Update II to PENGAWASAN and Pemutakhiran to SELESAI, Update III and IV of a
KEPP record, Pemutakhiran DIHENTIKAN, and the person page with the whole history.

Records start in PROSES through the runtime (tests/support/flows.py); what the issue is
about is then done by hand, page by page, by the operator, Kaurlitpers and Kasubbid.
"""

from __future__ import annotations

import re

import pytest

from tests.support.browser import attach_pdf, decide_in_browser, open_task
from tests.support.data import KEPP, UPDATE_I, pemutakhiran, putusan
from tests.support.flows import approve, record_in_proses, submit_update
from tests.support.pages import person_path
from tests.support.web_flows import TITLE

pytestmark = pytest.mark.e2e


def make_record(session_factory, *updates, **overrides) -> int:
    """A record in PROSES, then each (process_id, data) update approved; returns its id."""
    with session_factory() as session:
        record = record_in_proses(session, **overrides)
        for process_id, data in updates:
            approve(session, submit_update(session, process_id, record, data))
        return record.id


def fill_document(page, nomor, jenis="SURAT_PERINTAH", tanggal="2026-11-05",
                  perihal="Dokumen tahap"):
    page.fill("#f-dokumen_nomor", nomor)
    page.select_option("#f-dokumen_jenis", jenis)
    page.fill("#f-dokumen_tanggal", tanggal)
    page.fill("#f-dokumen_perihal", perihal)
    attach_pdf(page)


def fill_putusan(page, hukuman, nomor="KEP/77/XI/2026", tanggal="2026-11-10",
                 isi="Terbukti melanggar; dijatuhi hukuman.", lama: str = "1"):
    page.fill("#f-putusan_nomor", nomor)
    page.fill("#f-putusan_tanggal", tanggal)
    page.fill("#f-putusan_isi", isi)
    page.select_option("#f-amar_putusan", "DIHUKUM")
    page.select_option('[name="daftar_hukuman-0-kode"]', hukuman)
    if lama:  # a sanction without a length (PTDH) leaves it empty
        page.fill('[name="daftar_hukuman-0-lama"]', lama)
    page.fill('[name="daftar_hukuman-0-mulai"]', tanggal)


def offer_texts(page) -> list[str]:
    return page.locator("#offers a").all_inner_texts()


#: The record page's buttons, one per flow the diagrams allow now.
OFFER = {
    "update_i": "Ajukan Update I Catatan Personel",
    "update_ii": "Ajukan Update II Catatan Personel (Putusan Sidang)",
    "update_iii": "Ajukan Update III Catatan Personel (Banding KEPP)",
    "update_iv": "Ajukan Update IV Catatan Personel (Peninjauan Kembali KEPP)",
    "pemutakhiran": "Ajukan Pemutakhiran Catatan Personel",
    "buka_kembali": "Ajukan Pembukaan Kembali Catatan (Koreksi)",
}


def start_from_record(page, record_id, process_id):
    page.goto(f"/catatan/{record_id}")
    page.click(f"#offers a:text-is('{OFFER[process_id]}')")
    page.wait_for_url(re.compile(rf"/ajukan/{process_id}\?catatan={record_id}$"))


def submit_start(page, record_id, expected_status) -> str:
    """Submit the start form; the record then waits with `expected_status`. Returns the
    URL of the process page the submission landed on."""
    page.click("button:has-text('Ajukan')")
    page.wait_for_url("**/proses/*")
    assert "berhasil diajukan" in page.inner_text(".flash-success")
    landed = page.url
    page.goto(f"/catatan/{record_id}")
    assert page.inner_text("#record-status") == expected_status
    assert "Menunggu persetujuan" in page.inner_text("#waiting-submission")
    assert page.locator("#offers").count() == 0  # one waiting submission per record
    return landed


def approve_both(kaur, kasubbid, process_title):
    decide_in_browser(kaur.page, f"Periksa {process_title} (Kaurlitpers)", "SETUJU")
    decide_in_browser(kasubbid.page, "Persetujuan Kasubbid Paminal", "SETUJU")


def tahap_titles(page) -> list[str]:
    return page.locator("ol.tahapan > li > strong").all_inner_texts()


def test_update_i_goes_back_from_both_approvers_and_ends_in_proses(desk, session_factory):
    record_id = make_record(session_factory)
    operator = desk("operator")
    start_from_record(operator.page, record_id, "update_i")
    assert "Budi Hartono" in operator.page.inner_text("#about-record")
    fill_document(operator.page, "SPRIN/45/XI/2026")
    operator.page.fill("#f-nomor_berkas", "DP3D/12/XI/2026")
    operator.page.select_option("#f-limpah", "POLDA")
    process_url = submit_start(operator.page, record_id, "DIAJUKAN (UPDATE)")

    kaur = desk("kaurlitpers")
    open_task(kaur.page, "Periksa Update I (Kaurlitpers)")
    assert "DP3D/12/XI/2026" in kaur.page.inner_text("#summary")
    decide_in_browser(
        kaur.page, "Periksa Update I (Kaurlitpers)", "KEMBALIKAN", "Nomor DP3D kurang satu digit"
    )

    open_task(operator.page, "Perbaiki data Update I")
    assert "Nomor DP3D kurang satu digit" in operator.page.inner_text("#return-reason")
    assert operator.page.input_value("#f-nomor_berkas") == "DP3D/12/XI/2026"
    assert operator.page.input_value("#f-dokumen_nomor") == "SPRIN/45/XI/2026"
    operator.page.fill("#f-nomor_berkas", "DP3D/123/XI/2026")
    operator.page.click("button:has-text('Kirim')")

    decide_in_browser(kaur.page, "Periksa Update I (Kaurlitpers)", "SETUJU")
    kasubbid = desk("kasubbid")
    open_task(kasubbid.page, "Persetujuan Kasubbid Paminal")
    assert "DP3D/123/XI/2026" in kasubbid.page.inner_text("#summary")
    decide_in_browser(
        kasubbid.page, "Persetujuan Kasubbid Paminal", "KOREKSI", "Limpah seharusnya ke Mabes"
    )

    open_task(operator.page, "Perbaiki data Update I")
    assert "Limpah seharusnya ke Mabes" in operator.page.inner_text("#return-reason")
    operator.page.select_option("#f-limpah", "MABES")
    operator.page.click("button:has-text('Kirim')")

    approve_both(kaur, kasubbid, "Update I")
    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "PROSES"
    assert tahap_titles(operator.page) == [TITLE["PENCATATAN"], TITLE["UPDATE_I"]]
    tahapan = operator.page.inner_text("ol.tahapan")
    assert "DP3D/123/XI/2026" in tahapan and "Mabes Polri" in tahapan
    assert "SPRIN/45/XI/2026" in tahapan
    history = operator.page.locator("#status-history .status").all_inner_texts()
    assert history[-2:] == ["DIAJUKAN (UPDATE)", "PROSES"]
    assert offer_texts(operator.page) == [OFFER["update_ii"], OFFER["pemutakhiran"]]  # I only once

    # The process page the submission landed on names its record and the record's status,
    # as it does for a Pencatatan.
    operator.page.goto(process_url)
    assert operator.page.inner_text("#instance-status") == "selesai"
    assert operator.page.inner_text("#record-status") == "PROSES"
    operator.page.click("#record-status >> xpath=preceding-sibling::a")
    operator.page.wait_for_url(f"**/catatan/{record_id}")


def test_update_ii_puts_the_record_under_pengawasan_and_berakhirnya_hukuman_ends_it(
    desk, session_factory
):
    record_id = make_record(session_factory, ("update_i", UPDATE_I))
    operator = desk("operator")
    kaur, kasubbid = desk("kaurlitpers"), desk("kasubbid")

    start_from_record(operator.page, record_id, "update_ii")
    choices = operator.page.locator('[name="daftar_hukuman-0-kode"] option').evaluate_all(
        "options => options.map(o => o.value).filter(v => v)"
    )
    assert "DISIPLIN_PATSUS" in choices
    assert not [c for c in choices if not c.startswith("DISIPLIN_")]  # the record's jenis only
    fill_document(operator.page, "KHD/5/XI/2026", jenis="PUTUSAN_SIDANG")
    fill_putusan(operator.page, "DISIPLIN_PATSUS")
    submit_start(operator.page, record_id, "DIAJUKAN (UPDATE)")
    approve_both(kaur, kasubbid, "Update II")

    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "PENGAWASAN"
    assert tahap_titles(operator.page)[-1] == TITLE["UPDATE_II"]
    assert "paling lama 21 hari" in operator.page.inner_text("ol.tahapan")
    assert offer_texts(operator.page) == [OFFER["pemutakhiran"]]

    start_from_record(operator.page, record_id, "pemutakhiran")
    operator.page.check("input[name=jenis_pemutakhiran][value=BERAKHIRNYA_HUKUMAN]")
    fill_document(operator.page, "SKEP/8/XI/2026", perihal="Berakhirnya masa patsus")
    submit_start(operator.page, record_id, "DIAJUKAN (PEMUTAKHIRAN)")
    open_task(kaur.page, "Periksa Pemutakhiran (Kaurlitpers)")
    assert "Berakhirnya hukuman" in kaur.page.inner_text("#summary")
    approve_both(kaur, kasubbid, "Pemutakhiran")

    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "SELESAI"
    assert offer_texts(operator.page) == [OFFER["buka_kembali"]]  # closed: only a correction
    assert tahap_titles(operator.page)[-1] == TITLE["PEMUTAKHIRAN"]
    assert "SKEP/8/XI/2026" in operator.page.inner_text("ol.tahapan")
    operator.page.goto(f"/ajukan/update_iii?catatan={record_id}")
    assert operator.page.inner_text("h1") == "Akses ditolak"


def test_kepp_record_goes_through_update_iii_and_iv(desk, session_factory):
    record_id = make_record(session_factory, ("update_ii", putusan("KEPP_DEMOSI")), **KEPP)
    operator = desk("operator")
    kaur, kasubbid = desk("kaurlitpers"), desk("kasubbid")
    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "PENGAWASAN"
    assert offer_texts(operator.page) == [OFFER["update_iii"], OFFER["pemutakhiran"]]

    for process_id, name, hukuman, nomor in [
        ("update_iii", "Update III", "KEPP_TUNDA_PANGKAT", "PUT-BDG/2/XI/2026"),
        ("update_iv", "Update IV", "KEPP_PTDH", "PUT-PK/3/XI/2026"),
    ]:
        start_from_record(operator.page, record_id, process_id)
        fill_document(operator.page, f"DOK-{nomor}", jenis="PUTUSAN_SIDANG")
        fill_putusan(operator.page, hukuman, nomor=nomor, lama="" if hukuman == "KEPP_PTDH" else "1")
        submit_start(operator.page, record_id, "DIAJUKAN (UPDATE)")
        approve_both(kaur, kasubbid, name)

    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "PENGAWASAN"
    assert tahap_titles(operator.page) == [
        TITLE["PENCATATAN"], TITLE["UPDATE_II"], TITLE["UPDATE_III"], TITLE["UPDATE_IV"],
    ]
    tahapan = operator.page.inner_text("ol.tahapan")
    assert "PUT-BDG/2/XI/2026" in tahapan and "PUT-PK/3/XI/2026" in tahapan
    assert "Pemberhentian tidak dengan hormat (PTDH)" in tahapan
    assert offer_texts(operator.page) == [OFFER["pemutakhiran"]]


def test_pemutakhiran_dihentikan_asks_for_its_reason_then_closes_the_record(desk, session_factory):
    record_id = make_record(session_factory)
    operator = desk("operator")
    start_from_record(operator.page, record_id, "pemutakhiran")
    operator.page.check("input[name=jenis_pemutakhiran][value=DIHENTIKAN]")
    fill_document(operator.page, "SKEP/RJ/11/XI/2026", perihal="Perdamaian para pihak")
    operator.page.click("button:has-text('Ajukan')")
    assert operator.page.inner_text("#err-alasan_dihentikan") == "Alasan dihentikan wajib diisi."
    assert operator.page.is_checked("input[name=jenis_pemutakhiran][value=DIHENTIKAN]")
    assert operator.page.input_value("#f-dokumen_nomor") == "SKEP/RJ/11/XI/2026"

    operator.page.check("input[name=alasan_dihentikan][value=PERDAMAIAN_RJ]")
    attach_pdf(operator.page)  # the refused upload was not kept
    submit_start(operator.page, record_id, "DIAJUKAN (PEMUTAKHIRAN)")
    approve_both(desk("kaurlitpers"), desk("kasubbid"), "Pemutakhiran")

    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "DIHENTIKAN"
    assert offer_texts(operator.page) == [OFFER["buka_kembali"]]  # closed: only a correction
    tahapan = operator.page.inner_text("ol.tahapan")
    assert "Dihentikan" in tahapan and "Perdamaian (RJ)" in tahapan


def test_a_disiplin_record_is_offered_no_update_iii(desk, session_factory):
    record_id = make_record(session_factory, ("update_ii", putusan("DISIPLIN_DEMOSI")))
    operator = desk("operator")
    operator.page.goto(f"/catatan/{record_id}")
    assert operator.page.inner_text("#record-status") == "PENGAWASAN"
    assert offer_texts(operator.page) == [OFFER["pemutakhiran"]]
    assert "Update III" not in operator.page.inner_text("#offers")
    operator.page.goto(f"/ajukan/update_iii?catatan={record_id}")
    assert operator.page.inner_text("h1") == "Akses ditolak"
    assert "hanya untuk catatan KEPP" in operator.page.inner_text("#error-message")


def test_person_page_shows_each_record_with_its_status_and_tahapan(desk, session_factory):
    first = make_record(
        session_factory, ("update_i", UPDATE_I), ("update_ii", putusan("DISIPLIN_TUNDA_KGB"))
    )
    second = make_record(session_factory, ("pemutakhiran", pemutakhiran("TIDAK_TERBUKTI")),
                         jenis_pelanggaran="PIDANA", wujud_perbuatan="PENGANIAYAAN",
                         pasal="KUHP-351")
    with session_factory() as session:
        budi = person_path(session, "85051234")
    operator = desk("operator")  # the submitter reads the records, not the person
    operator.page.goto(f"/catatan/{first}")
    assert operator.page.locator("#person-link").count() == 0
    kaurlitpers = desk("kaurlitpers")  # of the Polda: reads every catpers
    kaurlitpers.page.goto(f"/catatan/{first}")
    kaurlitpers.page.click("text=Semua catatan Budi Hartono")
    kaurlitpers.page.wait_for_url(f"**{budi}")
    assert "85051234" not in kaurlitpers.page.url  # the person's page is named by a token
    page = kaurlitpers.page
    assert "Budi Hartono" in page.inner_text("h1")
    assert "2 catatan" in page.inner_text(".lead")

    one = page.locator(f"#record-{first}")
    assert one.locator("h2 .status").inner_text() == "PENGAWASAN"
    assert one.locator("ol.tahapan > li > strong").all_inner_texts() == [
        TITLE["PENCATATAN"], TITLE["UPDATE_I"], TITLE["UPDATE_II"],
    ]
    assert "Penundaan kenaikan gaji berkala" in one.inner_text()
    two = page.locator(f"#record-{second}")
    assert two.locator("h2 .status").inner_text() == "TIDAK TERBUKTI"
    assert two.locator("ol.tahapan > li > strong").all_inner_texts() == [
        TITLE["PENCATATAN"], TITLE["PEMUTAKHIRAN"],
    ]
    two.locator("h2 a").click()
    page.wait_for_url(f"**/catatan/{second}")
    assert page.inner_text("#record-status") == "TIDAK TERBUKTI"

    kapolda = desk("kapolda")
    kapolda.page.goto(budi)
    assert kapolda.page.locator("section.person-record").count() == 2
    barsel = desk("op.barsel")
    barsel.page.goto(budi)
    assert barsel.page.inner_text("h1") == "Akses ditolak"


def test_a_search_by_name_keeps_the_name_out_of_the_address(desk, session_factory):
    make_record(session_factory)
    make_record(session_factory, nomor_identitas="90030456", nama="Andika Prasetyo")
    kabid = desk("kabid")
    kabid.page.goto("/catatan")
    kabid.page.fill("#q", "Andika")
    with kabid.page.expect_navigation():
        kabid.page.click("#filters button[type=submit]")
    assert kabid.page.locator("#records tbody tr").all_inner_texts()[0].startswith("Andika")
    assert kabid.page.locator("#records tbody tr").count() == 1
    assert "Andika" not in kabid.page.url and "90030456" not in kabid.page.url
    assert kabid.page.input_value("#q") == "Andika"
