"""A putusan as the SOP records it: its amar decides the status (a sanction → PENGAWASAN,
an acquittal → its final status), every sanction is kept with its length and dates, the
lengths stay within their regulation, and the person's "bersih sejak" follows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

import engine
from processes.records import statuses
from processes.records.models import Sanction
from processes.records.sanctions import NEVER, clean_since
from tests.support.data import ASN, KEPP, PIDANA, putusan, sanction_row
from tests.support.flows import approve, record_in_proses, refreshed, submit_update


def sanctions_of(session, record) -> list[tuple]:
    return [(s.tahap, s.kode, s.lama, s.satuan, s.mulai, s.berakhir) for s in session.scalars(
        select(Sanction).where(Sanction.record_id == record.id).order_by(Sanction.id))]


@pytest.mark.parametrize(("overrides", "amar", "status"), [
    (PIDANA, "BEBAS", statuses.TIDAK_TERBUKTI),
    (PIDANA, "LEPAS", statuses.TIDAK_BERSALAH),
    ({}, "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
    (KEPP, "TIDAK_TERBUKTI", statuses.TIDAK_TERBUKTI),
])
def test_an_acquittal_closes_the_record_with_its_status_after_both_approvals(
    session, overrides, amar, status
):
    record = record_in_proses(session, **overrides)
    instance_id = submit_update(session, "update_ii", record, putusan(amar=amar))
    assert refreshed(session, record).status == statuses.DIAJUKAN_UPDATE
    approve(session, instance_id)
    record = refreshed(session, record)
    assert (record.status, record.tahap) == (status, "UPDATE_II")
    assert statuses.STATUSES[record.status].phase == statuses.TUTUP
    assert sanctions_of(session, record) == []
    assert clean_since(session, record.person_id) is None
    assert engine.instance_tasks(session, instance_id) == []  # no reminder waits


def test_a_pidana_acquittal_is_never_pengawasan_any_more(session):
    record = record_in_proses(session, **PIDANA)
    approve(session, submit_update(session, "update_ii", record, putusan(amar="BEBAS")))
    assert refreshed(session, record).status != statuses.PENGAWASAN


def test_a_putusan_with_two_sanctions_keeps_both_with_their_end(session):
    record = record_in_proses(session, **KEPP)
    rows = [sanction_row("KEPP_PATSUS", 30, "2026-11-02"), sanction_row("KEPP_DEMOSI", 1, "2026-11-10")]
    approve(session, submit_update(session, "update_ii", record, putusan(*rows)))
    record = refreshed(session, record)
    assert record.status == statuses.PENGAWASAN
    assert sanctions_of(session, record) == [
        ("UPDATE_II", "KEPP_PATSUS", 30, "HARI_KERJA", date(2026, 11, 2), date(2026, 12, 11)),
        ("UPDATE_II", "KEPP_DEMOSI", 1, "TAHUN", date(2026, 11, 10), date(2027, 11, 9)),
    ]
    assert clean_since(session, record.person_id) == date(2027, 11, 10)


def test_a_fixed_length_is_taken_from_the_regulation_and_a_ptdh_never_ends(session):
    asn = record_in_proses(session, **ASN)
    approve(session, submit_update(session, "update_ii", asn, putusan("ASN_POTONG_TUKIN_9")))
    assert sanctions_of(session, asn) == [
        ("UPDATE_II", "ASN_POTONG_TUKIN_9", 9, "BULAN", date(2026, 11, 10), date(2027, 8, 9))]
    kepp = record_in_proses(session, **KEPP)
    approve(session, submit_update(session, "update_ii", kepp, putusan("KEPP_PTDH")))
    assert sanctions_of(session, kepp)[0][-1] is None
    assert clean_since(session, kepp.person_id) == NEVER


def test_a_banding_replaces_the_first_putusan_and_an_acquittal_clears_the_person(session):
    record = record_in_proses(session, **KEPP)
    approve(session, submit_update(session, "update_ii", record, putusan("KEPP_DEMOSI")))
    assert clean_since(session, record.person_id) == date(2027, 11, 10)
    approve(session, submit_update(session, "update_iii", record,
                                   putusan(sanction_row("KEPP_TUNDA_PANGKAT", 2))))
    assert clean_since(session, record.person_id) == date(2028, 11, 10)
    approve(session, submit_update(session, "update_iv", record, putusan(amar="TIDAK_TERBUKTI")))
    assert refreshed(session, record).status == statuses.TIDAK_TERBUKTI
    assert clean_since(session, record.person_id) is None


def test_bersih_sejak_is_the_latest_end_over_all_the_persons_records(session):
    first = record_in_proses(session)
    approve(session, submit_update(session, "update_ii", first,
                                   putusan(sanction_row("DISIPLIN_PATSUS", 21, "2026-10-01"))))
    assert clean_since(session, first.person_id) == date(2026, 10, 22)
    second = record_in_proses(session, jenis_pelanggaran="PIDANA", wujud_perbuatan="PENGANIAYAAN",
                              pasal="KUHP-351")
    approve(session, submit_update(session, "update_ii", second,
                                   putusan(sanction_row("PIDANA_PENJARA", 8, "2026-11-01"))))
    assert clean_since(session, first.person_id) == date(2027, 7, 1)


@pytest.mark.parametrize(("overrides", "row", "message"), [
    ({}, sanction_row("DISIPLIN_PATSUS", 22),
     "Hukuman baris 1: lama hukuman ini paling lama 21 hari (PP 2/2003)."),
    (KEPP, sanction_row("KEPP_PATSUS", 31),
     "paling lama 30 hari kerja (Perpol 7/2022)."),
    (KEPP, sanction_row("KEPP_TUNDA_PANGKAT", 4), "paling lama 3 tahun (Perpol 7/2022)."),
    ({}, sanction_row("DISIPLIN_TUNDA_PANGKAT", 13), "paling lama 12 bulan (PP 2/2003)."),
    (ASN, sanction_row("ASN_POTONG_TUKIN_6", 9), "lama hukuman ini 6 bulan (PP 94/2021)."),
    (KEPP, {"kode": "KEPP_DEMOSI", "mulai": "2026-11-10"}, "wajib diisi (dalam tahun)."),
    (KEPP, sanction_row("KEPP_MEMINTA_MAAF", 3), "hukuman ini tidak memiliki lama; kosongkan lama."),
    (KEPP, sanction_row("KEPP_DEMOSI", 0), "Hukuman baris 1: Lama minimal 1."),
    (KEPP, {"kode": "KEPP_DEMOSI", "lama": "dua", "mulai": "2026-11-10"},
     "Hukuman baris 1: Lama harus berupa bilangan bulat."),
    (KEPP, {"kode": "KEPP_DEMOSI", "lama": 1}, "Hukuman baris 1: Mulai menjalani wajib diisi."),
])
def test_a_length_outside_its_regulation_is_refused_with_the_limit(session, overrides, row, message):
    record = record_in_proses(session, **overrides)
    with pytest.raises(engine.FormInvalid) as err:
        submit_update(session, "update_ii", record, putusan(row))
    assert err.value.errors["daftar_hukuman"].endswith(message), err.value.errors
    session.rollback()
    assert refreshed(session, record).status == statuses.PROSES


@pytest.mark.parametrize(("data", "message"), [
    (putusan(amar="DIHUKUM"), "wajib memuat sedikitnya satu hukuman."),
    (putusan("DISIPLIN_PATSUS", amar="TIDAK_TERBUKTI"), "tidak memuat hukuman; kosongkan daftar hukuman."),
    (putusan("DISIPLIN_PATSUS", "DISIPLIN_PATSUS"), ("Hukuman baris 2: Penempatan dalam tempat "
     "khusus (patsus) paling lama 21 hari sudah tercantum di baris lain.")),
])
def test_the_amar_and_the_sanctions_must_agree(session, data, message):
    record = record_in_proses(session)
    with pytest.raises(engine.FormInvalid) as err:
        submit_update(session, "update_ii", record, data)
    assert err.value.errors["daftar_hukuman"].endswith(message), err.value.errors


def test_an_amar_of_another_jenis_is_refused(session):
    record = record_in_proses(session)  # disiplin: no court, so no bebas
    with pytest.raises(engine.FormInvalid) as err:
        submit_update(session, "update_ii", record, putusan(amar="BEBAS"))
    assert "amar_putusan" in err.value.errors


def test_a_sanction_row_left_empty_is_not_a_sanction(session):
    record = record_in_proses(session)
    data = putusan("DISIPLIN_TEGURAN_TERTULIS")
    data["daftar_hukuman"].append({"kode": "", "lama": "", "mulai": ""})
    approve(session, submit_update(session, "update_ii", record, data))
    assert [s[1] for s in sanctions_of(session, record)] == ["DISIPLIN_TEGURAN_TERTULIS"]
    assert clean_since(session, record.person_id) == date(2026, 11, 11)
