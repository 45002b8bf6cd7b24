"""Permohonan SKHP / rekam jejak: the authority by rank, the letter as issued, its verification."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

import engine
from processes.access.models import AccessRequest
from processes.db.uow import UnitOfWork
from processes.letters import issue as letter_issue
from processes.letters.content import office_today
from tests.conftest import DEMO_PASSWORD
from tests.support.flows import decide, letter_of, record_in_proses, submit_permohonan
from tests.support.letters import pdf_text, skhp_number


def lanes_waiting(session, instance_id):
    return [t.lane for t in engine.instance_tasks(session, instance_id)]


def issue(session, session_factory, instance_id, authority):
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    assert lanes_waiting(session, instance_id) == [authority]
    decide(session, {"Kasubbid Paminal": "kasubbid", "Kabid Propam": "kabid"}[authority],
           instance_id, "SETUJU")
    letter_issue.render_pending(UnitOfWork(session_factory))
    return letter_of(session, instance_id)


def test_skhp_for_an_aipda_is_approved_by_kasubbid_and_signed_atas_nama(session, session_factory):
    record_in_proses(session)  # a disiplin record still in process
    letter = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    today = office_today()
    assert letter.nomor == skhp_number(1, today)
    assert letter.valid_until.month == (today.month + 5) % 12 + 1
    text = pdf_text(letter.pdf)
    for expected in (letter.nomor, "BUDI HARTONO", "85051234", "RAHASIA", "KASUBBID PAMINAL",
                     "a.n. KEPALA BIDANG PROPAM", "MASIH DALAM PROSES", "TIDAK ADA",
                     "Kenaikan pangkat periode 1 Januari 2027", "sampai dengan"):
        assert expected in text, expected
    assert letter_issue.verify(session, letter.verify_token).status == "BERLAKU"


def test_skhp_for_an_akp_goes_to_kabid_and_numbers_follow_each_other(session, session_factory):
    first = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    second = issue(
        session, session_factory,
        submit_permohonan(session, nomor_identitas="88110987", nama="Rudi Santoso", pangkat="AKP"),
        "Kabid Propam",
    )
    assert second.nomor.startswith("SKHP/2/") and first.nomor.startswith("SKHP/1/")
    text = pdf_text(second.pdf)
    assert "KEPALA BIDANG PROPAM" in text and "a.n." not in text
    assert text.count("TIDAK ADA") == 3  # no catpers at all


def test_pati_is_refused_as_the_authority_of_divpropam_and_nothing_is_written(session):
    with pytest.raises(engine.EngineError, match="Divpropam Mabes Polri"):
        submit_permohonan(session, pangkat="BRIGJEN")
    session.rollback()
    assert session.scalar(select(AccessRequest)) is None
    assert session.scalar(select(engine.models.Instance)) is None


def test_kaurlitpers_returns_and_a_corrected_rank_changes_the_authority(session, session_factory):
    from processes.work.runtime import RUNTIME
    from tests.support.flows import actor, task_of

    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "KEMBALIKAN", "Pangkat salah, seharusnya AKP")
    fix = task_of(session, "operator", instance_id)
    data = RUNTIME.task_data(session, actor(session, "operator"), fix.id)
    fields = {k: v for k, v in data.items() if k in {
        "jenis_permohonan", "peruntukan", "keterangan_peruntukan", "kepada", "personel",
        "nomor_identitas", "nama", "jenis_kelamin", "pangkat", "jabatan", "kesatuan",
        "tempat_lahir", "tanggal_lahir", "agama", "dokumen_nomor", "dokumen_jenis",
        "dokumen_tanggal", "dokumen_perihal", "dokumen_file"}}
    RUNTIME.complete_task(session, actor(session, "operator"), fix.id, {**fields, "pangkat": "AKP"})
    session.commit()
    letter = issue(session, session_factory, instance_id, "Kabid Propam")
    assert "Ajun Komisaris" in letter.pangkat or "AKP" in letter.pangkat


def test_rekam_jejak_lists_records_tahapan_and_issued_skhp(session, session_factory):
    record_in_proses(session)
    skhp = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    letter = issue(
        session, session_factory, submit_permohonan(session, jenis_permohonan="REKAM_JEJAK"),
        "Kasubbid Paminal",
    )
    assert letter.jenis == "REKAM_JEJAK" and letter.valid_until is None
    text = pdf_text(letter.pdf)
    for expected in ("BUDI HARTONO", "Tidak masuk dinas tanpa keterangan", "PROSES", skhp.nomor,
                     "LP/A/12/X/2026/Yanduan"):
        assert expected in text, expected


def test_an_issued_letter_never_changes(session, session_factory):
    letter = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    pdf, digest = letter.pdf, letter.pdf_sha256
    record_in_proses(session)  # the records change after issue
    letter_issue.render(letter)
    assert (letter.pdf, letter.pdf_sha256) == (pdf, digest)


def test_verification_expired_revoked_and_tampered(session, session_factory):
    letter = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    token = letter.verify_token
    assert letter_issue.verify(session, token[:-1] + ("A" if token[-1] != "A" else "B")) is None
    assert letter_issue.verify(session, "x" * 32) is None
    letter.valid_until = date.today() - timedelta(days=1)
    session.commit()
    assert letter_issue.verify(session, token).status == "KEDALUWARSA"
    from tests.support.actors import user

    with pytest.raises(Exception, match="Hanya Kabid Propam"):
        letter_issue.revoke(UnitOfWork(session_factory), user(session, "kasubbid"), letter.id, "salah")
    letter_issue.revoke(UnitOfWork(session_factory), user(session, "kabid"), letter.id,
                        "Data identitas keliru", DEMO_PASSWORD)
    session.expire_all()
    found = letter_issue.verify(session, token)
    assert found.status == "DICABUT" and found.nomor == letter.nomor
