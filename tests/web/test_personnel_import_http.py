"""The administrator imports the personnel master data from XLSX or CSV: every row is
checked, bad rows are listed with their reasons, good rows are added or updated with the
change kept in the person's history, and the same file twice changes nothing."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from sqlalchemy import select

from processes.db.audit_actions import AKSES_DITOLAK, IMPOR_DATA_INDUK
from processes.records.personnel_models import Personnel, PersonnelChange
from tests.support.audit import entries
from tests.support.pages import parse, squash
from tests.support.personnel import BUDI, NIP_SRI, NRP_BUDI, SRI, csv_file, upload, xlsx_file


def count(page: str, element_id: str) -> int:
    return int(parse(page).xpath(f'//*[@id="{element_id}"]')[0].text_content())


def bad_rows(page: str) -> list[str]:
    return [cells(tr) for tr in parse(page).xpath('//table[@id="bad-rows"]/tbody/tr')]


def cells(tr) -> str:
    return " | ".join(squash(td.text_content()) for td in tr.xpath("td"))


def persons(session) -> dict[str, Personnel]:
    session.expire_all()
    return {p.nomor_identitas: p for p in session.scalars(select(Personnel))}


def test_good_rows_of_a_csv_file_are_added_with_their_identity(client, auth, session):
    auth.login("admin")
    page = upload(client, csv_file([BUDI, SRI])).get_data(as_text=True)
    assert (count(page, "rows-inserted"), count(page, "rows-bad")) == (2, 0)
    sri = persons(session)[NIP_SRI]
    assert (sri.personel, sri.nama, sri.pangkat, sri.jenis_kelamin, sri.agama) == (
        "ASN", "Sri Wahyuni", "III/a", "P", "Kristen Protestan")
    assert sri.tanggal_lahir == dt.date(1990, 3, 15)
    assert persons(session)[NRP_BUDI].personel == "POLRI"


def test_an_xlsx_file_imports_like_a_csv_and_the_same_file_twice_changes_nothing(client, auth, session):
    auth.login("admin")
    content = xlsx_file([BUDI, [*SRI[:6], dt.datetime(1990, 3, 15), "P", "Kristen Protestan"]])
    first = upload(client, content, "personel.xlsx").get_data(as_text=True)
    assert count(first, "rows-inserted") == 2
    before = {n: (p.id, p.updated_at) for n, p in persons(session).items()}
    again = upload(client, content, "personel.xlsx").get_data(as_text=True)
    assert [count(again, i) for i in ("rows-inserted", "rows-updated", "rows-unchanged")] == [0, 0, 2]
    assert {n: (p.id, p.updated_at) for n, p in persons(session).items()} == before
    assert session.scalars(select(PersonnelChange)).all() == []


def test_a_number_typed_as_a_number_in_a_spreadsheet_keeps_an_nrp_but_not_a_nip(client, auth, session):
    auth.login("admin")
    page = upload(client, xlsx_file([[int(NRP_BUDI), *BUDI[1:]], [int(NIP_SRI), *SRI[1:]]]),
                  "personel.xlsx").get_data(as_text=True)
    assert (count(page, "rows-inserted"), count(page, "rows-bad")) == (1, 1)
    assert "format kolomnya sebagai Teks" in bad_rows(page)[0]
    assert list(persons(session)) == [NRP_BUDI]


def test_bad_rows_are_listed_with_every_reason_and_not_stored(client, auth, session):
    auth.login("admin")
    rows = [
        BUDI,
        ["1234567", "Tono", "BRIPDA", "Banit", "POLRES-KAPUAS", "", "", "L", ""],
        ["85010124", "Tini", "JENDRAL", "Banit", "POLRES-ANTAH", "", "31-02-1985", "L", ""],
        ["199013152015022001", "Sinta", "III/a", "Staf", "SATKER-BIDPROPAM", "", "", "P", ""],
        ["199003152015021001", "Rina", "AIPTU", "Staf", "SATKER-BIDPROPAM", "", "", "P", ""],
        ["85010125", "", "BRIPKA", "", "POLRES-KAPUAS", "", "2099-01-01", "X", "Lain"],
    ]
    page = upload(client, csv_file(rows)).get_data(as_text=True)
    assert (count(page, "rows-inserted"), count(page, "rows-bad")) == (1, 5)
    listed = bad_rows(page)
    assert listed[0].startswith("3 | 1234567 |") and "NRP harus 8 digit atau NIP 18 digit" in listed[0]
    assert "Pangkat/golongan 'JENDRAL' tidak dikenal" in listed[1]
    assert "Satuan kerja 'POLRES-ANTAH' tidak dikenal" in listed[1]
    assert "Tanggal lahir '31-02-1985' bukan tanggal yang valid" in listed[1]
    assert "Tanggal lahir pada NIP (19901315) bukan tanggal yang valid" in listed[2]
    assert "Jenis kelamin pada NIP (laki-laki) tidak sesuai" in listed[3]
    assert "Pangkat/golongan AIPTU untuk Polri, tidak cocok dengan NIP ini" in listed[3]
    for reason in ("Nama wajib diisi", "Jabatan wajib diisi", "melewati hari ini",
                   "Jenis kelamin 'X' tidak dikenal", "Agama 'Lain' tidak dikenal"):
        assert reason in listed[4]
    assert list(persons(session)) == [NRP_BUDI]


def test_a_number_twice_in_one_file_is_refused_both_times(client, auth, session):
    auth.login("admin")
    page = upload(client, csv_file([BUDI, SRI, [*BUDI[:3], "Kanit Provos", *BUDI[4:]]])).get_data(as_text=True)
    assert (count(page, "rows-inserted"), count(page, "rows-bad")) == (1, 1)
    assert "NRP/NIP sama dengan baris 2" in bad_rows(page)[0]
    assert list(persons(session)) == [NIP_SRI]  # neither Budi row: which one is right?


def test_a_changed_row_updates_the_person_and_keeps_each_change_in_the_history(client, auth, session):
    auth.login("admin")
    upload(client, csv_file([BUDI, SRI]))
    promoted = [NRP_BUDI, "Budi Santoso", "AIPTU", "Kanit Provos", "POLRES-BARITO-SELATAN",
                *BUDI[5:]]
    page = upload(client, csv_file([promoted, SRI], delimiter=";")).get_data(as_text=True)
    assert [count(page, i) for i in ("rows-inserted", "rows-updated", "rows-unchanged")] == [0, 1, 1]
    budi = persons(session)[NRP_BUDI]
    assert (budi.pangkat, budi.jabatan) == ("AIPTU", "Kanit Provos")
    changes = session.scalars(select(PersonnelChange).order_by(PersonnelChange.field)).all()
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("jabatan", "Banit Provos", "Kanit Provos"), ("pangkat", "AIPDA", "AIPTU"),
        ("unit_id", "Polres Kapuas", "Polres Barito Selatan")]
    assert all(c.source == "impor personel.csv" for c in changes)
    shown = client.post("/admin/data-induk/cari", data={"nomor": NRP_BUDI}).get_data(as_text=True)
    history = [cells(tr).split(" | ", 1)[1] for tr in parse(shown).xpath('//table[@id="history"]/tbody/tr')]
    assert sorted(history) == [
        "Jabatan | Banit Provos | Kanit Provos | impor personel.csv",
        "Pangkat/golongan | AIPDA | AIPTU | impor personel.csv",
        "Satuan kerja | Polres Kapuas | Polres Barito Selatan | impor personel.csv"]


def test_each_import_is_one_audit_row_with_its_counts(client, auth, session):
    auth.login("admin")
    upload(client, csv_file([BUDI, ["1", "x", "", "", "", "", "", "", ""]]))
    (row,) = entries(session, IMPOR_DATA_INDUK)
    assert (row.target, row.detail) == ("personel.csv", {
        "baris": 2, "baru": 1, "diubah": 0, "tetap": 0, "ditolak": 1})


def test_a_file_without_the_required_columns_or_of_another_kind_is_refused(client, auth, session):
    auth.login("admin")
    missing = upload(client, csv_file([["85010123", "Budi"]], header=["NRP/NIP", "Nama"]))
    assert missing.status_code == 422
    assert "Kolom wajib tidak ada di baris pertama: Pangkat/golongan, Jabatan, Satuan kerja" in (
        missing.get_data(as_text=True))
    other = upload(client, b"%PDF-1.4", "personel.pdf")
    assert other.status_code == 422 and "harus .xlsx atau .csv" in other.get_data(as_text=True)
    broken = upload(client, b"bukan xlsx", "personel.xlsx")
    assert broken.status_code == 422 and "tidak dapat dibaca" in broken.get_data(as_text=True)
    assert persons(session) == {}


def test_the_templates_download_and_import_as_they_are(client, auth, session):
    auth.login("admin")
    xlsx = client.get("/admin/data-induk/templat.xlsx")
    assert "attachment" in xlsx.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.data)).active
    assert [c.value for c in sheet[1]][:5] == ["NRP/NIP", "Nama", "Pangkat/golongan", "Jabatan", "Satuan kerja"]
    page = upload(client, xlsx.data, "templat.xlsx").get_data(as_text=True)
    assert (count(page, "rows-inserted"), count(page, "rows-bad")) == (2, 0)
    csv_template = client.get("/admin/data-induk/templat.csv").data
    page = upload(client, csv_template, "templat.csv").get_data(as_text=True)
    assert count(page, "rows-unchanged") == 2


def test_only_the_administrator_imports_and_each_refusal_is_audited(client, auth, session):
    auth.login("kabid")
    assert upload(client, csv_file([BUDI])).status_code == 403
    assert client.get("/admin/data-induk").status_code == 403
    assert client.get("/admin/data-induk/templat.xlsx").status_code == 403
    refused = [e.target for e in entries(session, AKSES_DITOLAK)]
    assert refused == ["/admin/data-induk/impor", "/admin/data-induk", "/admin/data-induk/templat.xlsx"]
    assert persons(session) == {}
