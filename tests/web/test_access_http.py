"""Need-to-know through HTTP for every role, akses khusus, the read log and the identity
CEK."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select, update

from engine.models import utcnow
from processes.access.models import AccessGrant
from tests.support.access_checks import (
    CATPERS_WORDS,
    SANDI,
    assert_refused,
    count,
    download,
)
from tests.support.access_flows import (
    TASK_AKSES_KHUSUS,
    issue_letter,
    letters_listed,
    post_akses_khusus,
    post_permohonan,
    read_log,
)
from tests.support.data import MINIMAL_PDF, NAMA_AIPDA, NRP_AIPDA, NRP_OTHER
from tests.support.flows import letter_of, record_in_proses, request_of
from tests.support.pages import (
    instance_of,
    parse,
    person_path,
    post_decision,
    squash,
    task_of,
    tasks_of,
)

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
    instance_id = instance_of(post_akses_khusus(client, dasar="PERMINTAAN_TERTULIS",
                                                     kepentingan="REKAM_JEJAK"))
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
