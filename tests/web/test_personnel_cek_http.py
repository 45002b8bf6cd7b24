"""CEK reads the personnel master data: a known NRP/NIP comes back with its identity for
the operator to confirm, an unknown one is typed by hand, a typed name that is not the
one on file is warned about, and nothing says whether the person has a catpers."""

from __future__ import annotations

from tests.support.data import NAMA_AIPDA, NRP_AIPDA
from tests.support.flows import record_in_proses
from tests.support.personnel import BUDI, NIP_SRI, NRP_BUDI, SRI, csv_file, upload


def cek(client, personel: str, nomor: str, nama: str = "", jenis_kelamin: str = "") -> dict:
    response = client.post("/cek-identitas", data={
        "personel": personel, "nomor": nomor, "nama": nama, "jenis_kelamin": jenis_kelamin})
    assert response.status_code == 200
    return response.get_json()


def test_a_known_number_comes_back_with_its_identity_from_the_master_data(client, auth):
    auth.login("admin")
    upload(client, csv_file([BUDI, SRI]))
    auth.login("op.kapuas")
    found = cek(client, "POLRI", NRP_BUDI)
    assert found["ok"] is True and found["warnings"] == []
    assert found["identity"] == {
        "personel": "POLRI", "nama": "Budi Santoso", "pangkat": "AIPDA",
        "pangkat_label": "Ajun Inspektur Polisi Dua (AIPDA)", "jabatan": "Banit Provos",
        "unit": "POLRES-KAPUAS", "unit_label": "Polres Kapuas", "jenis_kelamin": "L",
        "tempat_lahir": "Kuala Kapuas", "tanggal_lahir": "1985-01-20", "agama": "Islam"}
    asn = cek(client, "ASN", NIP_SRI, jenis_kelamin="P")
    assert asn["identity"]["pangkat"] == "III/a" and asn["identity"]["unit_label"] == "Bidpropam"


def test_an_unknown_or_malformed_number_has_no_identity(client, auth):
    auth.login("operator")
    assert cek(client, "POLRI", "85010199")["identity"] is None  # typed by hand
    assert cek(client, "POLRI", "8501")["identity"] is None


def test_a_typed_name_that_is_not_the_one_on_file_is_warned_about(client, auth):
    auth.login("admin")
    upload(client, csv_file([BUDI]))
    auth.login("operator")
    other = cek(client, "POLRI", NRP_BUDI, nama="Budi Hartono")
    assert other["ok"] is True
    assert other["warnings"] == [(
        "Nama yang diketik (Budi Hartono) berbeda dengan nama pada data induk (Budi Santoso); "
        "periksa kembali.")]
    assert cek(client, "POLRI", NRP_BUDI, nama="  budi   SANTOSO ")["warnings"] == []


def test_cek_says_the_same_of_a_person_with_a_catpers_as_of_one_without(client, auth, session):
    record_in_proses(session, username="op.kapuas")  # Budi Hartono, NRP_AIPDA, has a catpers
    auth.login("admin")
    with_catpers = [NRP_AIPDA, NAMA_AIPDA, *BUDI[2:]]
    upload(client, csv_file([with_catpers, BUDI]))
    auth.login("op.barsel")
    recorded, clean = cek(client, "POLRI", NRP_AIPDA), cek(client, "POLRI", NRP_BUDI)
    assert recorded.keys() == clean.keys() and recorded["identity"].keys() == clean["identity"].keys()
    assert {k: v for k, v in recorded["identity"].items() if k != "nama"} == {
        k: v for k, v in clean["identity"].items() if k != "nama"}
    body = client.post("/cek-identitas", data={"personel": "POLRI", "nomor": NRP_AIPDA}).get_data(
        as_text=True).lower()
    for word in ("catatan", "catpers", "disiplin", "pelanggaran", "status"):
        assert word not in body, word
