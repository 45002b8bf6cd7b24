"""Permohonan SKHP and rekam jejak through HTTP, read like the SOP: from submission to
the issued letter, approved by the authority the rank calls for."""

from __future__ import annotations

import hashlib
import re

from engine.models import Instance, OpenTask
from processes.access.models import AccessRequest
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.records.models import StoredFile
from tests.support.access_checks import (
    count,
    download,
    finding,
)
from tests.support.access_flows import (
    TASK_KABID,
    TASK_KASUBBID,
    TASK_KAURLITPERS,
    TASK_PERBAIKI,
    issue_letter,
    letters_listed,
    post_akses_khusus,
    post_permohonan,
)
from tests.support.data import NAMA_AIPDA, NAMA_AKP, NRP_AIPDA, NRP_AKP
from tests.support.flows import letter_of, record_in_proses, request_of
from tests.support.letters import (
    pdf_text,
    six_months_after,
    skhp_number,
    tanggal,
    verify_token_in,
)
from tests.support.pages import (
    inbox,
    instance_of,
    parse,
    post_decision,
    squash,
    task_of,
    tasks_of,
)

# -- permohonan SKHP: the authority by rank, the letter as issued --------------------


def test_skhp_for_an_aipda_goes_kaurlitpers_then_kasubbid_and_the_letter_says_it_all(
    client, auth, session
):
    record_in_proses(session, username="op.kapuas")  # a disiplin record still in PROSES
    today = office_today()

    auth.login("operator")
    form = client.get("/ajukan/permohonan_catpers")
    assert form.status_code == 200
    page = form.get_data(as_text=True)
    for field in ('name="jenis_permohonan"', 'name="peruntukan"', 'name="dokumen_file__upload"',
                  'class="check-button"'):
        assert field in page, field
    instance_id = instance_of(post_permohonan(client))
    request = request_of(session, instance_id)
    assert (request.jenis, request.status, request.otoritas) == ("SKHP", "MENUNGGU", "KASUBBID_PAMINAL")
    assert request.nomor_identitas == NRP_AIPDA

    auth.login("kaurlitpers")
    task = task_of(client, instance_id, TASK_KAURLITPERS)
    assert task.nomor == NRP_AIPDA
    task_page = client.get(f"/tugas/{task.task_id}")
    assert task_page.status_code == 200
    summary = squash(parse(task_page).xpath('//*[@id="summary"]')[0].text_content())
    assert NAMA_AIPDA in summary and "Karo SDM Polda Kalteng" in summary and "Lihat PDF" in summary
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    assert tasks_of(client, instance_id) == []

    auth.login("kabid")  # an AIPDA is not the Kabid's to approve
    assert tasks_of(client, instance_id) == []
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU", title=TASK_KASUBBID)

    letter = letter_of(session, instance_id)
    assert letter is not None and letter.jenis == "SKHP"
    assert letter.nomor == skhp_number(1, today)
    assert (letter.issued_on, letter.valid_until) == (today, six_months_after(today))
    assert request_of(session, instance_id).status == "DISETUJUI"
    assert count(session, OpenTask) == 0

    auth.login("operator")
    listed = letters_listed(client)
    assert list(listed) == [letter.nomor]
    row = listed[letter.nomor]
    assert row["jenis"] == "SKHP" and NAMA_AIPDA in row["nama"] and row["keadaan"] == "BERLAKU"
    assert row["href"] == f"/surat/{letter.id}.pdf" and not row["cabut"]
    response = client.get(row["href"])
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    session.expire_all()
    stored = session.get(Letter, letter.id)
    assert hashlib.sha256(response.data).hexdigest() == stored.pdf_sha256
    assert response.data == stored.pdf  # the PDF as issued, not made again

    text = pdf_text(response.data)
    assert "RAHASIA" in text and "SURAT KETERANGAN HASIL PENELITIAN PERSONEL" in text
    assert f"Nomor: {letter.nomor}" in text
    assert "Nama : BUDI HARTONO" in text
    assert "(AIPDA)/85051234" in text and "Sampit, 17 Mei 1985" in text
    assert "Kesatuan : Polres Kapuas" in text and "Jabatan : Banit Reskrim" in text
    assert "Nomor B/456/XI/2026/Ro SDM" in text  # the request letter is in the dasar
    assert finding(text, "Perkara pidana") == "TIDAK ADA"
    assert finding(text, "Pelanggaran kode etik profesi Polri") == "TIDAK ADA"
    disiplin = finding(text, "Pelanggaran disiplin")
    assert disiplin.startswith("MASIH DALAM PROSES") and "Tidak masuk dinas tanpa keterangan" in disiplin
    assert "untuk keperluan Kenaikan pangkat periode 1 Januari 2027." in text
    assert f"sampai dengan {tanggal(six_months_after(today))}" in text
    assert f"pada tanggal : {tanggal(today)}" in text
    assert "a.n. KEPALA BIDANG PROPAM KASUBBID PAMINAL" in text
    assert "HENDRA WIJAYA NRP 79080523" in text.upper()
    assert "Karo SDM Polda Kalteng" in text
    assert "Konseptor (Bripka Andi Saputra)" in text and "Kaurlitpers (Iptu Rina Marlina)" in text
    assert verify_token_in(text) == letter.verify_token

    for username in ("kabid", "kapolda"):
        auth.login(username)
        assert letter.nomor in letters_listed(client), username
        again = download(client, letter.id)
        assert again.status_code == 200 and again.data == response.data, username


def test_skhp_for_an_akp_goes_to_kabid_not_kasubbid_and_is_signed_by_kabid(client, auth, session):
    auth.login("operator")
    instance_id = instance_of(
        post_permohonan(client, nomor_identitas=NRP_AKP, nama=NAMA_AKP, pangkat="AKP",
                          jabatan="Kanit Reskrim", tanggal_lahir="1988-11-09")
    )
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login("kasubbid")  # an AKP is not the Kasubbid's to approve
    assert tasks_of(client, instance_id) == []
    auth.login("kabid")
    post_decision(client, instance_id, "SETUJU", title=TASK_KABID)

    letter = letter_of(session, instance_id)
    assert letter.nomor == skhp_number(1, office_today())
    auth.login("operator")
    response = download(client, letter.id)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "Nama : RUDI SANTOSO" in text and re.search(r"Pangkat/NRP : [^:]*\bAKP\)?/88110987", text)
    assert "KEPALA BIDANG PROPAM" in text and "a.n." not in text
    assert "NRP 73110408" in text and "KASUBBID PAMINAL" not in text
    for area in ("Perkara pidana", "Pelanggaran kode etik profesi Polri", "Pelanggaran disiplin"):
        assert finding(text, area) == "TIDAK ADA", area  # no catpers at all
    assert f"sampai dengan {tanggal(six_months_after(office_today()))}" in text


def test_two_letters_in_a_year_take_the_next_number(client, auth, session):
    first = issue_letter(client, auth, session)
    second = issue_letter(client, auth, session, authority=TASK_KABID, nomor_identitas=NRP_AKP,
                          nama=NAMA_AKP, pangkat="AKP")
    today = office_today()
    assert (first.nomor, second.nomor) == (skhp_number(1, today), skhp_number(2, today))
    assert first.verify_token != second.verify_token


def test_pati_is_refused_at_submission_as_divpropam_authority_and_nothing_is_written(
    client, auth, session
):
    auth.login("operator")
    response = post_permohonan(client, pangkat="BRIGJEN", nama="Joko Widodo")
    assert response.status_code != 302
    page = parse(response)
    errors = " ".join(squash(e.text_content()) for e in page.xpath('//*[contains(@class, "flash-error")]'))
    assert "Divpropam Mabes Polri" in errors
    assert 'value="Joko Widodo"' in response.get_data(as_text=True)  # typed values stay
    for model in (Instance, OpenTask, AccessRequest, Letter, StoredFile):
        assert count(session, model) == 0, model.__name__
    auth.login("kaurlitpers")
    assert inbox(client) == []


def test_kaurlitpers_returns_and_the_corrected_rank_goes_to_kabid(client, auth, session):
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "KEMBALIKAN", title=TASK_KAURLITPERS,
           catatan="Pangkat salah, seharusnya AKP")

    auth.login("operator")
    fix = task_of(client, instance_id, TASK_PERBAIKI)
    page = client.get(f"/tugas/{fix.task_id}").get_data(as_text=True)
    assert "Pangkat salah, seharusnya AKP" in page
    assert f'value="{NAMA_AIPDA}"' in page  # the request as it was left
    response = client.post(f"/tugas/{fix.task_id}", data={"pangkat": "AKP"},
                           content_type="multipart/form-data")
    assert response.status_code == 302, response.get_data(as_text=True)
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"

    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login("kasubbid")
    assert tasks_of(client, instance_id) == []
    auth.login("kabid")
    post_decision(client, instance_id, "SETUJU", title=TASK_KABID)
    letter = letter_of(session, instance_id)
    text = pdf_text(download(client, letter.id).data)
    assert re.search(r"Pangkat/NRP : [^:]*\bAKP\)?/85051234", text) and "a.n." not in text


def test_only_operators_start_a_permohonan_or_akses_khusus(client, auth, session):
    for username in ("kaurlitpers", "kasubbid", "kabid", "kapolda", "admin"):
        auth.login(username)
        for process_id in ("permohonan_catpers", "akses_khusus"):
            assert client.get(f"/ajukan/{process_id}").status_code == 403, (username, process_id)
        assert post_permohonan(client).status_code == 403, username
        assert post_akses_khusus(client).status_code == 403, username
    assert count(session, Instance) == 0


def test_a_request_without_its_reference_pdf_is_refused(client, auth, session):
    auth.login("operator")
    response = post_permohonan(client, pdf=None)
    assert response.status_code == 422
    assert 'id="err-dokumen_file"' in response.get_data(as_text=True)
    assert count(session, AccessRequest) == 0


def test_rekam_jejak_lists_every_record_and_the_skhp_issued(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    skhp = issue_letter(client, auth, session)
    letter = issue_letter(client, auth, session, jenis_permohonan="REKAM_JEJAK",
                          dokumen_perihal="Permintaan rekam jejak")
    assert letter.jenis == "REKAM_JEJAK" and letter.valid_until is None
    assert letter.nomor != skhp.nomor

    auth.login("operator")
    listed = letters_listed(client)
    assert set(listed) == {skhp.nomor, letter.nomor}
    assert listed[letter.nomor]["jenis"] == "Rekam jejak"
    response = client.get(listed[letter.nomor]["href"])
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    assert "REKAM JEJAK PERSONEL" in text and f"Nomor: {letter.nomor}" in text
    assert "Nama : BUDI HARTONO" in text and "(AIPDA)/85051234" in text
    records = text.split("CATATAN PERSONEL", 1)[1].split("SKHP YANG TELAH DITERBITKAN", 1)
    assert len(records) == 2, text
    assert "Jenis pelanggaran : Disiplin" in records[0]
    assert "Tidak masuk dinas tanpa keterangan" in records[0]
    assert "PP 2/2003 Pasal 4 huruf f" in records[0]
    assert "Status : PROSES" in records[0]
    assert "LP/A/12/X/2026/Yanduan (2 Oktober 2026)" in records[0]
    assert skhp.nomor in records[1]
    assert "sampai dengan" not in text  # a rekam jejak has no validity
    assert verify_token_in(text) == letter.verify_token
