"""The access module through HTTP, read like the SOP: permohonan SKHP and rekam jejak from
submission to the issued letter (approval by rank), the public verification page, the
revocation by Kabid Propam, need-to-know for every role, akses khusus, the read log and the
identity CEK."""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from engine.models import Instance, OpenTask, utcnow
from processes.access.models import AccessGrant, AccessRequest
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.records.models import StoredFile
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import (
    TASK_AKSES_KHUSUS,
    TASK_KABID,
    TASK_KASUBBID,
    TASK_KAURLITPERS,
    TASK_PERBAIKI,
    issue_letter,
    letters_listed,
    post_akses_khusus,
    post_permohonan,
    read_log,
)
from tests.support.data import MINIMAL_PDF, NAMA_AIPDA, NAMA_AKP, NRP_AIPDA, NRP_AKP, NRP_OTHER
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
    person_path,
    post_decision,
    squash,
    task_of,
    tasks_of,
)

REFUSAL = "tidak berwenang"
#: What only the catpers (or the letter's body) says; never on a refusal or verification page.
CATPERS_WORDS = ("Tidak masuk dinas", "LP/A/12/X/2026/Yanduan", "MASIH DALAM PROSES", "Banit Reskrim")

#: Kabid Propam re-enters the password to revoke a letter.
SANDI = {"konfirmasi_sandi": DEMO_PASSWORD}


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def text_of(response) -> str:
    return squash(parse(response).text_content())


def assert_refused(response, *secrets: str) -> None:
    assert response.status_code == 403, response.status_code
    page = response.get_data(as_text=True)
    assert REFUSAL in page
    for secret in secrets:
        assert secret not in page, secret


def finding(text: str, area: str) -> str:
    """What the SKHP says for one area: the words after `<area> :` up to the next item."""
    found = re.search(rf"{area} : (.+?)(?= [a-j]\. | Surat keterangan ini)", text)
    assert found, (area, text)
    return found.group(1)


def download(client, letter_id: int):
    return client.get(f"/surat/{letter_id}.pdf")


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
    assert "LP/A/12/X/2026/Yanduan (02-10-2026)" in records[0]
    assert skhp.nomor in records[1]
    assert "sampai dengan" not in text  # a rekam jejak has no validity
    assert verify_token_in(text) == letter.verify_token


# -- the public verification page ----------------------------------------------------


def verification(client, token: str):
    return client.get(f"/verifikasi/{token}")


def test_verification_needs_no_login_and_shows_only_the_letter_facts(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    letter = issue_letter(client, auth, session)
    client.post("/keluar")
    response = verification(client, letter.verify_token)
    assert response.status_code == 200
    page = parse(response)
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"
    facts = dict(zip(
        (squash(d.text_content()) for d in page.xpath('//*[@id="verification"]//dt')),
        (squash(d.text_content()) for d in page.xpath('//*[@id="verification"]//dd')),
        strict=True,
    ))
    assert set(facts) == {"Nomor", "Nama", "Pangkat", "Tanggal terbit", "Berlaku sampai"}
    assert facts["Nomor"] == letter.nomor
    assert facts["Nama"].upper() == NAMA_AIPDA.upper()
    assert "AIPDA" in facts["Pangkat"]
    assert facts["Tanggal terbit"] == office_today().strftime("%d-%m-%Y")
    assert facts["Berlaku sampai"] == six_months_after(office_today()).strftime("%d-%m-%Y")
    body = text_of(response)
    for secret in (*CATPERS_WORDS, "TIDAK ADA", "Kenaikan pangkat", "Karo SDM", NRP_AIPDA,
                   "Sampit", "B/456/XI/2026"):
        assert secret not in body, secret
    assert "Keluar" not in body  # no signed-in chrome either


def test_an_expired_letter_verifies_as_kedaluwarsa(client, auth, session):
    letter = issue_letter(client, auth, session)
    session.execute(update(Letter).where(Letter.id == letter.id)
                    .values(valid_until=office_today() - timedelta(days=1)))
    session.commit()
    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "KEDALUWARSA"
    assert squash(page.xpath('//*[@id="nomor"]')[0].text_content()) == letter.nomor


def test_a_letter_on_its_last_valid_day_still_verifies_as_berlaku(client, auth, session):
    letter = issue_letter(client, auth, session)
    session.execute(update(Letter).where(Letter.id == letter.id).values(valid_until=office_today()))
    session.commit()
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"


def test_kabid_revokes_with_a_reason_and_the_letter_verifies_as_dicabut(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    assert letters_listed(client)[letter.nomor]["cabut"]
    response = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Data identitas keliru"})
    assert response.status_code == 302
    listed = letters_listed(client)[letter.nomor]
    assert listed["keadaan"].startswith("DICABUT") and "Data identitas keliru" in listed["keadaan"]
    assert not listed["cabut"]
    session.expire_all()
    stored = session.get(Letter, letter.id)
    assert stored.revoked_at is not None and stored.revoke_reason == "Data identitas keliru"

    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "DICABUT"
    assert squash(page.xpath('//*[@id="nomor"]')[0].text_content()) == letter.nomor

    auth.login("kabid")  # a second revocation is refused, the first reason stays
    follow = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Alasan lain sekali"},
                         follow_redirects=True)
    assert "sudah dicabut" in follow.get_data(as_text=True)
    session.expire_all()
    assert session.get(Letter, letter.id).revoke_reason == "Data identitas keliru"


def test_a_revoked_letter_that_also_expired_says_dicabut(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Ditarik atas permintaan Ro SDM"})
    session.execute(update(Letter).where(Letter.id == letter.id)
                    .values(valid_until=office_today() - timedelta(days=3)))
    session.commit()
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "DICABUT"


TAMPERS = {
    "one-character-altered": lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
    "cut-short": lambda t: t[:-1],
    "lengthened": lambda t: t + "x",
    "other-case": lambda t: t.swapcase(),
    "guessed": lambda t: "x" * 32,
    "letter-id": lambda t: "1",
    "nul-byte": lambda t: t[:16] + "%00" + t[16:],  # a crafted link
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=list(TAMPERS))
def test_a_tampered_or_guessed_token_shows_nothing(client, auth, session, tamper):
    letter = issue_letter(client, auth, session)
    client.post("/keluar")
    token = tamper(letter.verify_token)
    assert token != letter.verify_token
    response = verification(client, token)
    assert response.status_code == 404
    body = text_of(response)
    assert "tidak ditemukan" in body  # the page, or (a NUL byte) the app's own 404 page
    for secret in (letter.nomor, "SKHP/", NAMA_AIPDA, "AIPDA", "BERLAKU", "DICABUT", "KEDALUWARSA"):
        assert secret.lower() not in body.lower(), secret


def test_only_kabid_may_revoke_and_a_reason_is_required(client, auth, session):
    letter = issue_letter(client, auth, session)
    for username in ("operator", "op.kapuas", "kaurlitpers", "kasubbid", "kapolda", "admin"):
        auth.login(username)
        response = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Saya ingin mencabut"})
        assert response.status_code == 403, username
        if username in ("operator", "kapolda"):  # they see the letter, but no revoke button
            assert not letters_listed(client)[letter.nomor]["cabut"], username
    auth.login("kabid")
    for reason in ("", "   ", "abc"):
        follow = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": reason},
                             follow_redirects=True)
        errors = [squash(e.text_content()) for e in
                  parse(follow).xpath('//*[contains(@class, "flash-error")]')]
        assert errors == ["Alasan pencabutan wajib diisi (minimal 5 karakter)."], (reason, errors)
    session.expire_all()
    assert session.get(Letter, letter.id).revoked_at is None
    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"


def test_revoking_an_unknown_letter_is_refused(client, auth):
    auth.login("kabid")
    response = client.post("/surat/999999/cabut", data={**SANDI, "alasan": "Surat tidak dikenal"})
    assert response.status_code in (403, 404)


# -- need-to-know --------------------------------------------------------------------


def reads(client, session, record_id: int, nomor: str) -> dict[str, int]:
    return {
        "catatan": client.get(f"/catatan/{record_id}").status_code,
        "personel": client.get(person_path(session, nomor)).status_code,
        "dokumen": client.get(f"/catatan/{record_id}/dokumen/PENCATATAN").status_code,
    }


ALLOWED = {"catatan": 200, "personel": 200, "dokumen": 200}
REFUSED = {"catatan": 403, "personel": 403, "dokumen": 403}
#: The operator who submitted the record: that record and its document, not the person.
SUBMITTER = {"catatan": 200, "personel": 403, "dokumen": 200}


def test_need_to_know_for_every_role_on_record_person_and_document(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    expected = {
        "kabid": ALLOWED, "kapolda": ALLOWED, "kaurlitpers": ALLOWED, "kasubbid": ALLOWED,
        "op.kapuas": SUBMITTER, "operator": REFUSED, "op.barsel": REFUSED, "admin": REFUSED,
    }
    for username, outcome in expected.items():
        auth.login(username)
        assert reads(client, session, record.id, NRP_AIPDA) == outcome, username
        if outcome is REFUSED:
            assert_refused(client.get(f"/catatan/{record.id}"), NAMA_AIPDA, *CATPERS_WORDS)
            assert_refused(client.get(person_path(session, NRP_AIPDA)), NAMA_AIPDA, *CATPERS_WORDS)
            document = client.get(f"/catatan/{record.id}/dokumen/PENCATATAN")
            assert_refused(document)
            assert not document.data.startswith(b"%PDF")
    auth.login("kapolda")
    page = client.get(f"/catatan/{record.id}").get_data(as_text=True)
    assert NAMA_AIPDA in page and "LP/A/12/X/2026/Yanduan" in page
    assert client.get(f"/catatan/{record.id}/dokumen/PENCATATAN").data == MINIMAL_PDF


def test_an_operator_reads_only_the_records_they_submitted(client, auth, session):
    mine = record_in_proses(session, username="op.kapuas")
    theirs = record_in_proses(session, username="operator")  # same person, another operator
    other = record_in_proses(session, username="operator", nomor_identitas=NRP_OTHER,
                             nama="Dedi Kurniawan")
    auth.login("op.kapuas")
    assert reads(client, session, mine.id, NRP_AIPDA) == SUBMITTER
    page = client.get(f"/catatan/{mine.id}").get_data(as_text=True)
    assert 'id="person-link"' not in page  # no way to the rest of the person's catpers
    assert_refused(client.get(f"/catatan/{theirs.id}"))
    assert_refused(client.get(f"/catatan/{theirs.id}/dokumen/PENCATATAN"))
    assert_refused(client.get(f"/catatan/{other.id}"), "Dedi Kurniawan")
    assert_refused(client.get(person_path(session, NRP_OTHER)), "Dedi Kurniawan")
    listed = parse(client.get("/catatan"))
    assert listed.xpath('//table[@id="records"]//a/@href') == [f"/catatan/{mine.id}"]


def test_a_letter_is_read_by_its_requester_and_the_offices_that_read_all(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    letter = issue_letter(client, auth, session)
    expected = {"operator": 200, "kabid": 200, "kapolda": 200, "kaurlitpers": 200,
                "kasubbid": 200, "op.kapuas": 403, "op.barsel": 403, "admin": 403}
    for username, status in expected.items():
        auth.login(username)
        response = download(client, letter.id)
        assert response.status_code == status, username
        if status == 403:
            assert_refused(response, letter.nomor)
            assert letters_listed(client) == {}, username
        else:
            assert letter.nomor in letters_listed(client), username
    auth.login("kabid")
    assert download(client, 999999).status_code == 403

    auth.login("op.kapuas")  # requesting a new letter is no ground to read the earlier one
    instance_of(post_permohonan(client, peruntukan="PENDIDIKAN"))
    assert_refused(download(client, letter.id), letter.nomor)
    assert_refused(client.get(person_path(session, NRP_AIPDA)), *CATPERS_WORDS)


# -- akses khusus --------------------------------------------------------------------


def test_akses_khusus_approved_grants_one_person_for_the_days_given(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    other = record_in_proses(session, username="op.kapuas", nomor_identitas=NRP_OTHER,
                             nama="Dedi Kurniawan")
    auth.login("op.barsel")
    assert reads(client, session, record.id, NRP_AIPDA) == REFUSED
    assert client.get("/ajukan/akses_khusus").status_code == 200
    instance_id = instance_of(post_akses_khusus(client))
    request = request_of(session, instance_id)
    assert (request.jenis, request.status, request.nomor_identitas) == ("AKSES_KHUSUS", "MENUNGGU", NRP_AIPDA)
    assert reads(client, session, record.id, NRP_AIPDA) == REFUSED  # asking is not being granted

    for username in ("kaurlitpers", "kasubbid"):
        auth.login(username)
        assert tasks_of(client, instance_id) == [], username
    auth.login("kabid")
    task = task_of(client, instance_id, TASK_AKSES_KHUSUS)
    page = client.get(f"/tugas/{task.task_id}").get_data(as_text=True)
    assert "Atensi Kapolda atas laporan masyarakat" in page
    before = utcnow()
    post_decision(client, instance_id, "SETUJU", title=TASK_AKSES_KHUSUS, masa_hari="7")
    grant = session.scalar(select(AccessGrant))
    assert grant.nomor_identitas == NRP_AIPDA and grant.basis == "PERMINTAAN_KHUSUS_KAPOLDA"
    expires = grant.expires_at if grant.expires_at.tzinfo else grant.expires_at.replace(tzinfo=before.tzinfo)
    assert before + timedelta(days=7) - timedelta(minutes=1) < expires < utcnow() + timedelta(days=7, minutes=1)
    assert request_of(session, instance_id).status == "DISETUJUI"

    auth.login("op.barsel")
    assert reads(client, session, record.id, NRP_AIPDA) == ALLOWED
    person = client.get(person_path(session, NRP_AIPDA)).get_data(as_text=True)
    assert NAMA_AIPDA in person and f'id="record-{record.id}"' in person
    assert reads(client, session, other.id, NRP_OTHER) == REFUSED  # that one person only
    auth.login("operator")  # the grant is op.barsel's, nobody else's
    assert reads(client, session, record.id, NRP_AIPDA) == REFUSED

    session.execute(update(AccessGrant).values(expires_at=utcnow() - timedelta(minutes=1)))
    session.commit()
    auth.login("op.barsel")
    assert reads(client, session, record.id, NRP_AIPDA) == REFUSED


def test_akses_khusus_refused_grants_nothing(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    instance_id = instance_of(post_akses_khusus(client, dasar="PERMINTAAN_TERTULIS"))
    auth.login("kabid")
    post_decision(client, instance_id, "TOLAK", title=TASK_AKSES_KHUSUS, catatan="Dasar permintaan tidak cukup")
    assert count(session, AccessGrant) == 0
    assert request_of(session, instance_id).status == "DITOLAK"
    auth.login("op.barsel")
    assert reads(client, session, record.id, NRP_AIPDA) == REFUSED


def test_kabid_must_give_a_period_of_1_to_30_days_or_a_reason_to_refuse(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    instance_id = instance_of(post_akses_khusus(client))
    auth.login("kabid")
    task = task_of(client, instance_id, TASK_AKSES_KHUSUS)
    for data in ({"keputusan": "SETUJU"}, {"keputusan": "SETUJU", "masa_hari": "31"},
                 {"keputusan": "SETUJU", "masa_hari": "0"}, {"keputusan": "TOLAK"}):
        response = client.post(f"/tugas/{task.task_id}", data={**data, **SANDI})
        assert response.status_code == 422, data
        assert 'class="error"' in response.get_data(as_text=True), data
    assert count(session, AccessGrant) == 0
    assert request_of(session, instance_id).status == "MENUNGGU"
    assert task_of(client, instance_id, TASK_AKSES_KHUSUS).task_id == task.task_id


# -- the read log --------------------------------------------------------------------


def test_the_read_log_is_for_kabid_only(client, auth):
    for username in ("operator", "op.kapuas", "kaurlitpers", "kasubbid", "kapolda", "admin"):
        auth.login(username)
        response = client.get("/log-akses")
        assert response.status_code == 403, username
        assert "Log Audit" not in client.get("/").get_data(as_text=True), username
    auth.login("kabid")
    assert client.get("/log-akses").status_code == 200
    assert 'href="/log-akses"' in client.get("/").get_data(as_text=True)


def test_every_read_is_logged_with_who_whom_what_and_ground(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    other = record_in_proses(session, username="op.kapuas", nomor_identitas=NRP_OTHER,
                             nama="Dedi Kurniawan")
    auth.login("kapolda")
    assert client.get(f"/catatan/{record.id}").status_code == 200  # SEMUA_CATPERS
    auth.login("op.kapuas")
    assert client.get(f"/catatan/{other.id}/dokumen/PENCATATAN").status_code == 200  # PENGAJU
    auth.login("op.barsel")
    assert client.get(person_path(session, NRP_AIPDA)).status_code == 403  # a refusal is no read
    instance_id = instance_of(post_akses_khusus(client))
    auth.login("kabid")
    post_decision(client, instance_id, "SETUJU", masa_hari="3")
    auth.login("op.barsel")
    assert client.get(person_path(session, NRP_AIPDA)).status_code == 200  # AKSES_KHUSUS
    auth.login("operator")
    permohonan = instance_of(post_permohonan(client))
    auth.login("kaurlitpers")
    assert client.get(f"/tugas/{task_of(client, permohonan).task_id}").status_code == 200  # MENANGANI_TUGAS
    post_decision(client, permohonan, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, permohonan, "SETUJU")
    letter = letter_of(session, permohonan)
    auth.login("operator")
    assert download(client, letter.id).status_code == 200  # PEMOHON_SURAT

    auth.login("kabid")
    total, rows = read_log(client, jenis="BACA")
    assert total == len(rows)
    seen = {(r.user, r.nomor, r.what, r.ground) for r in rows}
    for entry in [
        ("Irjen Pol Agus Pranoto", NRP_AIPDA, "Membuka catatan personel",
         "Pejabat yang membaca semua catpers"),
        ("Brigpol Yoga Pratama", NRP_OTHER, "Membuka dokumen catatan", "Pengaju catatan ini"),
        ("Bripda Sari Utami", NRP_AIPDA, "Membuka halaman personel", "Akses khusus dari Kabid Propam"),
        ("Iptu Rina Marlina", NRP_AIPDA, "Membuka halaman tugas",
         "Menangani tugas tentang personel ini"),
        ("Bripka Andi Saputra", NRP_AIPDA, "Membuka SKHP", "Pemohon surat ini"),
    ]:
        assert entry in seen, (entry, seen)
    letter_row = [r for r in rows if r.ground == "Pemohon surat ini"]
    assert len(letter_row) == 1 and letter.nomor in letter_row[0].detail
    barsel = [r for r in rows if r.user == "Bripda Sari Utami"]
    # the refused read left no read (it is a refusal row instead)
    assert [r.ground for r in barsel] == ["Akses khusus dari Kabid Propam"]

    total, rows = read_log(client, nomor=NRP_OTHER, jenis="BACA")
    assert total == 1 and [(r.user, r.what) for r in rows] == [
        ("Brigpol Yoga Pratama", "Membuka dokumen catatan")]
    total, rows = read_log(client, nomor=NRP_AIPDA)
    assert total >= 4 and {r.nomor for r in rows} == {NRP_AIPDA}
    total, rows = read_log(client, pengguna="op.barsel", jenis="BACA")
    assert {r.user for r in rows} == {"Bripda Sari Utami"} and total == len(rows) >= 1
    total, rows = read_log(client, nomor="11112222")
    assert (total, rows) == (0, [])
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    assert read_log(client, dari=tomorrow)[0] == 0


def test_the_read_log_page_shows_the_person_number_of_each_read(client, auth, session):
    record = record_in_proses(session, username="op.kapuas")
    auth.login("kabid")
    client.get(f"/catatan/{record.id}")
    page = client.post("/log-akses", data={"nomor": NRP_AIPDA}).get_data(as_text=True)
    headers = [squash(th.text_content()) for th in parse(page).xpath('//table[@id="audit-log"]//th')]
    assert headers == ["No", "Waktu", "Pengguna", "Tindakan", "Sasaran", "Dasar / hasil", "Rincian"]
    assert "Kombes Pol Budi Santoso" in page and NRP_AIPDA in page
    assert "Pejabat yang membaca semua catpers" in page and "SEMUA_CATPERS" not in page


# -- CEK of NRP/NIP ------------------------------------------------------------------


def cek(client, personel: str, nomor: str, jenis_kelamin: str = ""):
    response = client.post("/cek-identitas", data={
        "personel": personel, "nomor": nomor, "jenis_kelamin": jenis_kelamin})
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.get_json()


def test_cek_explains_a_bad_nip_and_accepts_a_good_one(client, auth):
    assert client.post("/cek-identitas", data={"personel": "ASN", "nomor": "199003152015022001"}
                       ).status_code == 302
    auth.login("operator")  # by POST only: the number never goes into an address
    assert client.get("/cek-identitas?personel=ASN&nomor=199003152015022001").status_code == 405
    auth.login("operator")
    short = cek(client, "ASN", "19900315201502200", "P")
    assert short["ok"] is False and short["errors"] == ["NIP harus 18 digit angka."]
    bad_date = cek(client, "ASN", "199002301201011001", "P")
    assert bad_date["ok"] is False and any("tanggal lahir" in e.lower() for e in bad_date["errors"])
    wrong_gender = cek(client, "ASN", "199003152015021001", "P")  # digit 1 = laki-laki
    assert wrong_gender["ok"] is False and any("perempuan" in e.lower() or "jenis kelamin" in e.lower()
                                               for e in wrong_gender["errors"])
    good = cek(client, "ASN", "199003152015022001", "P")
    assert good["ok"] is True and good["errors"] == []
    assert good["info"] == {"tanggal_lahir": "1990-03-15", "jenis_kelamin": "P"}
    assert cek(client, "POLRI", "8505123")["ok"] is False
    assert cek(client, "POLRI", NRP_AIPDA)["ok"] is True


def test_cek_never_says_whether_a_catpers_exists(client, auth, session):
    record_in_proses(session, username="op.kapuas")  # 85051234 has a catpers
    asn = record_in_proses(session, username="op.kapuas", personel="ASN",
                           nomor_identitas="199003152015022001", pangkat="III/a",
                           jenis_kelamin="P", nama="Siti Aminah", pasal="PP94-2021-P3-a")
    assert asn is not None
    auth.login("op.barsel")
    with_catpers = cek(client, "POLRI", NRP_AIPDA)
    without = cek(client, "POLRI", "85051299")  # same shape of number, nobody recorded
    assert with_catpers == without
    asn_with = cek(client, "ASN", "199003152015022001", "P")
    asn_without = cek(client, "ASN", "199003152015022002", "P")
    assert asn_with == asn_without
    raw = client.post("/cek-identitas", data={"personel": "POLRI", "nomor": NRP_AIPDA})
    body = raw.get_data(as_text=True).lower()
    for word in ("catatan", "catpers", "budi", "proses", "disiplin"):
        assert word not in body, word
