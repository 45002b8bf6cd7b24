"""Every write leaves a row in the audit log with who, about whom, and before → after:
records and persons through their flows, letters issued and revoked, akses khusus
granted or refused, accounts, reference lists and office settings. A write that fails
leaves no row."""

from __future__ import annotations

import pytest

from processes.accounts import admin as accounts_admin
from processes.db.audit_actions import (
    BERI_AKSES_KHUSUS,
    CABUT_SURAT,
    SIMPAN_DOKUMEN_CATATAN,
    TAMBAH_CATATAN,
    TAMBAH_PENGAJUAN,
    TAMBAH_PENGGUNA,
    TAMBAH_PERMOHONAN,
    TAMBAH_PERSONEL,
    TERBITKAN_SURAT,
    TOLAK_AKSES_KHUSUS,
    UBAH_PENGAJUAN,
    UBAH_PENGATURAN,
    UBAH_PENGGUNA,
    UBAH_REFERENSI,
    UBAH_STATUS_CATATAN,
)
from processes.errors import Refused
from processes.letters import issue
from processes.letters import settings as office_settings
from processes.reference import admin as reference_admin
from processes.reference.models import ReferenceItem
from tests.conftest import DEMO_PASSWORD
from tests.support.actors import user
from tests.support.audit import entries
from tests.support.data import NAMA_AIPDA, NRP_AIPDA
from tests.support.flows import (
    approve,
    letter_of,
    record_in_proses,
    request_akses_khusus,
    submit_permohonan,
    submitted_record,
)


def only(session, action):
    found = entries(session, action)
    assert len(found) == 1, (action, [(e.target, e.detail) for e in found])
    return found[0]


def test_a_pencatatan_records_the_person_the_record_its_submission_and_document(session):
    record = submitted_record(session, username="op.kapuas")
    operator = user(session, "op.kapuas")
    person = only(session, TAMBAH_PERSONEL)
    assert (person.user_id, person.target) == (operator.id, NRP_AIPDA)
    assert person.detail["perubahan"]["nama"] == [None, NAMA_AIPDA]
    added = only(session, TAMBAH_CATATAN)
    assert added.detail["catatan"] == record.id
    assert added.detail["perubahan"]["status"] == [None, record.status]
    assert "updated_at" not in added.detail["perubahan"]
    assert only(session, TAMBAH_PENGAJUAN).detail["tahap"] == "PENCATATAN"
    document = only(session, SIMPAN_DOKUMEN_CATATAN)
    assert set(document.detail["perubahan"]) >= {"nomor", "tanggal", "file_hash"}
    assert {e.target for e in entries(session)} == {NRP_AIPDA}


def test_approval_records_the_status_change_by_the_approver(session):
    record = submitted_record(session)
    approve(session, record.instance_id)
    change = only(session, UBAH_STATUS_CATATAN)
    assert change.user_id == user(session, "kasubbid").id
    assert change.detail["perubahan"] == {"status": ["DIAJUKAN (DICATAT)", "PROSES"]}
    approved = only(session, UBAH_PENGAJUAN)
    assert approved.detail["perubahan"] == {"status": ["MENUNGGU", "DISETUJUI"]}


def test_an_issued_and_a_revoked_letter_are_recorded(session, uow):
    record_in_proses(session)
    instance_id = submit_permohonan(session)
    assert only(session, TAMBAH_PERMOHONAN).target == NRP_AIPDA
    approve(session, instance_id)
    letter = letter_of(session, instance_id)
    issued = only(session, TERBITKAN_SURAT)
    assert (issued.target, issued.detail["nomor"]) == (NRP_AIPDA, letter.nomor)
    issue.revoke(uow(), user(session, "kabid"), letter.id, "Salah sasaran permohonan", DEMO_PASSWORD)
    revoked = only(session, CABUT_SURAT)
    assert revoked.user_id == user(session, "kabid").id
    assert revoked.detail["perubahan"] == {"dicabut": [None, "Salah sasaran permohonan"]}


def test_akses_khusus_granted_and_refused_are_recorded(session):
    request_akses_khusus(session, "op.barsel", NRP_AIPDA)
    granted = only(session, BERI_AKSES_KHUSUS)
    assert (granted.user_id, granted.target) == (user(session, "kabid").id, NRP_AIPDA)
    assert granted.detail["penerima"] == [user(session, "kaurlitpers").id, user(session, "op.barsel").id]
    request_akses_khusus(session, "op.kapuas", NRP_AIPDA, keputusan="TOLAK")
    assert only(session, TOLAK_AKSES_KHUSUS).detail["pemohon"] == user(session, "op.kapuas").id


def test_account_changes_are_recorded_without_the_password(session, uow):
    admin = user(session, "admin")
    accounts_admin.add_user(uow(), admin, {
        "username": "tmp-audit", "full_name": "Bripda Audit", "role": "OPERATOR",
        "unit": "POLDA-KALTENG", "password": DEMO_PASSWORD + "-panjang"})
    created = only(session, TAMBAH_PENGGUNA)
    assert (created.user_id, created.target) == (admin.id, "tmp-audit")
    assert created.detail["perubahan"]["role"] == [None, "OPERATOR"]
    assert "password_hash" not in str(created.detail) and "pbkdf2" not in str(created.detail)
    target = user(session, "tmp-audit")
    accounts_admin.update_user(uow(), admin, target.id, "SUPERVISOR", False)
    assert only(session, UBAH_PENGGUNA).detail["perubahan"] == {
        "is_active": [True, False], "role": ["OPERATOR", "SUPERVISOR"]}


def test_reference_and_settings_changes_are_recorded(session, uow):
    admin = user(session, "admin")
    item = session.query(ReferenceItem).filter_by(list_name="jenis_dokumen").first()
    old_label = item.label
    reference_admin.update_item(uow(), admin, item.id, {"label": "Label baru", "active": "1"})
    try:
        changed = only(session, UBAH_REFERENSI)
        assert changed.target == f"jenis_dokumen/{item.code}"
        assert changed.detail["perubahan"]["label"] == [old_label, "Label baru"]
    finally:  # the seeded lists are kept between tests
        reference_admin.update_item(uow(), admin, item.id, {"label": old_label, "active": "1"})
    office_settings.update_settings(uow(), admin, {"tempat_surat": "Sampit"})
    assert only(session, UBAH_PENGATURAN).detail["perubahan"] == {
        "tempat_surat": ["Palangka Raya", "Sampit"]}


def test_a_refused_write_leaves_no_row(session, uow):
    with pytest.raises(Refused):
        office_settings.update_settings(uow(), user(session, "admin"), {"format_nomor_skhp": "X"})
    admin = user(session, "admin")
    with pytest.raises(Refused):
        accounts_admin.update_user(uow(), admin, admin.id, "OPERATOR", True)
    assert entries(session) == []


def test_a_write_that_changes_nothing_is_not_an_event(session, uow):
    office_settings.update_settings(uow(), user(session, "admin"), {"tempat_surat": "Palangka Raya"})
    assert entries(session) == []

