"""A request cannot steer its own approver (SOP: the authority follows the person's rank).

Permohonan SKHP / rekam jejak and akses khusus check the NRP/NIP as pencatatan does, a
pangkat must fit the personel type, and where the office already knows the person the
stored type, pangkat and unit decide, silently: the requester's form never shows them."""

from __future__ import annotations

from engine.models import Instance
from processes.access.models import AccessRequest
from tests.support.access_checks import count
from tests.support.access_flows import (
    TASK_KABID,
    TASK_KAURLITPERS,
    TASK_PERBAIKI,
    post_akses_khusus,
    post_permohonan,
)
from tests.support.data import NAMA_AKP, NRP_AKP, PIDANA
from tests.support.flows import record_in_proses, request_of
from tests.support.pages import (
    inbox,
    instance_of,
    parse,
    post_decision,
    squash,
    task_of,
    tasks_of,
)

ASN_NIP = "199002152015032001"  # born 15-02-1990, TMT 03-2015, perempuan


def _refused(response, message: str) -> None:
    assert response.status_code == 422, response.status_code
    assert message in response.get_data(as_text=True)


def test_permohonan_for_an_asn_with_eight_digits_is_refused(client, auth, session):
    auth.login("operator")
    _refused(post_permohonan(client, personel="ASN", nomor_identitas="85051234",
                             jenis_kelamin="P", pangkat="III/a"), "NIP harus 18 digit angka.")
    assert count(session, AccessRequest) == 0 and count(session, Instance) == 0


def test_permohonan_with_an_invalid_nip_is_refused(client, auth, session):
    auth.login("operator")
    _refused(post_permohonan(client, personel="ASN", nomor_identitas="199002301201011001",
                             jenis_kelamin="P", pangkat="II/a"), "bukan tanggal yang valid")
    _refused(post_permohonan(client, personel="ASN", nomor_identitas=ASN_NIP, jenis_kelamin="L",
                             pangkat="II/a"), "tidak sesuai dengan jenis kelamin")
    _refused(post_permohonan(client, personel="ASN", nomor_identitas=ASN_NIP, pangkat="II/a",
                             jenis_kelamin=""), "Jenis kelamin wajib diisi untuk ASN")
    assert count(session, AccessRequest) == 0


def test_an_asn_typed_with_a_polri_rank_never_reaches_kasubbid(client, auth, session):
    auth.login("operator")
    _refused(post_permohonan(client, personel="ASN", nomor_identitas=ASN_NIP, jenis_kelamin="P",
                             pangkat="AIPTU"), "Untuk ASN pilih golongan ASN.")
    _refused(post_permohonan(client, pangkat="III/a"), "Untuk POLRI pilih pangkat POLRI.")
    assert count(session, AccessRequest) == 0
    auth.login("kasubbid")
    assert inbox(client) == [] and count(session, Instance) == 0


def test_a_correction_cannot_slip_a_polri_rank_onto_an_asn(client, auth, session):
    auth.login("operator")
    instance_id = instance_of(post_permohonan(
        client, personel="ASN", nomor_identitas=ASN_NIP, jenis_kelamin="P", pangkat="III/a",
        nama="Siti Aminah"))
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "KEMBALIKAN", title=TASK_KAURLITPERS,
                  catatan="Periksa kembali golongan")
    auth.login("operator")
    fix = task_of(client, instance_id, TASK_PERBAIKI)
    response = client.post(f"/tugas/{fix.task_id}", data={"pangkat": "AIPTU"},
                           content_type="multipart/form-data")
    _refused(response, "Untuk ASN pilih golongan ASN.")
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"


def test_akses_khusus_checks_the_nrp_and_nip_as_pencatatan_does(client, auth, session):
    auth.login("op.barsel")
    _refused(post_akses_khusus(client, personel="ASN", nomor_identitas="85051234"),
             "NIP harus 18 digit angka.")
    _refused(post_akses_khusus(client, personel="ASN", nomor_identitas="199013012015032001"),
             "bukan tanggal yang valid")
    _refused(post_akses_khusus(client, personel="POLRI", nomor_identitas=ASN_NIP),
             "NRP harus 8 digit angka.")
    assert count(session, AccessRequest) == 0
    instance_of(post_akses_khusus(client, personel="ASN", nomor_identitas=ASN_NIP,
                                  nama="Siti Aminah"))
    assert count(session, AccessRequest) == 1


def test_the_person_on_file_decides_the_approver_not_the_typed_rank(client, auth, session):
    """An AKP on file, typed as a BRIPDA of another Polres: Kabid Propam approves, and the
    request keeps the stored pangkat and unit; the operator's own form still shows what
    they typed, so it never tells them a catpers exists."""
    record_in_proses(session, username="op.barsel", **PIDANA)  # AKP, Polres Barito Selatan
    auth.login("operator")
    instance_id = instance_of(post_permohonan(
        client, nomor_identitas=NRP_AKP, nama=NAMA_AKP, pangkat="BRIPDA",
        kesatuan="POLRES-KAPUAS"))
    request = request_of(session, instance_id)
    assert request.otoritas == "KABID_PROPAM"
    assert (request.data["pangkat"], request.data["kesatuan"]) == ("AKP", "POLRES-BARITO-SELATAN")

    auth.login("kaurlitpers")  # the approver, who reads the person, sees what decided
    task_page = parse(client.get(f"/tugas/{task_of(client, instance_id, TASK_KAURLITPERS).task_id}"))
    rows = [[squash(td.text_content()) for td in tr.xpath("./td")]
            for tr in task_page.xpath('//*[@id="identity-differences"]//tbody/tr')]
    assert [r[0] for r in rows] == ["Pangkat", "Kesatuan"]
    assert "AKP" in rows[0][1] and "BRIPDA" in rows[0][2] and "otoritas" in rows[0][3]
    post_decision(client, instance_id, "KEMBALIKAN", title=TASK_KAURLITPERS,
                  catatan="Lengkapi tempat lahir")
    auth.login("operator")
    page = client.get(f"/tugas/{task_of(client, instance_id, TASK_PERBAIKI).task_id}")
    text = page.get_data(as_text=True)
    assert 'value="BRIPDA" selected' in text and 'value="AKP" selected' not in text
    assert 'id="identity-differences"' not in text
    client.post(f"/tugas/{task_of(client, instance_id, TASK_PERBAIKI).task_id}",
                data={"tempat_lahir": "Buntok"}, content_type="multipart/form-data")
    assert request_of(session, instance_id).otoritas == "KABID_PROPAM"
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login("kasubbid")
    assert tasks_of(client, instance_id) == []
    auth.login("kabid")
    assert [t.title for t in tasks_of(client, instance_id)] == [TASK_KABID]


def test_a_person_not_on_file_is_routed_by_the_typed_rank(client, auth, session):
    auth.login("operator")
    instance_id = instance_of(post_permohonan(client, nomor_identitas=NRP_AKP, pangkat="BRIPDA"))
    request = request_of(session, instance_id)
    assert request.otoritas == "KASUBBID_PAMINAL" and request.data["pangkat"] == "BRIPDA"
