"""The SKHP's verdict for its purpose, decided by kesimpulan_skhp.dmn from the findings and
from since when the person is clean of sanctions; and what counts as still in process."""

from __future__ import annotations

from datetime import timedelta

from processes.db.uow import UnitOfWork
from processes.letters import issue as letter_issue
from processes.letters.content import office_today
from processes.records import statuses
from processes.records.sanctions import clean_since
from tests.support.data import pemutakhiran, putusan, sanction_row
from tests.support.flows import (
    approve,
    decide,
    letter_of,
    record_in_proses,
    submit_permohonan,
    submit_update,
    submitted_record,
)
from tests.support.letters import pdf_text


def skhp_text(session, session_factory, **overrides) -> str:
    instance_id = submit_permohonan(session, **overrides)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    decide(session, "kasubbid", instance_id, "SETUJU")
    letter_issue.render_pending(UnitOfWork(session_factory))
    letter = letter_of(session, instance_id)
    assert letter.content["kesimpulan"] in text_of(letter)
    return text_of(letter)


def text_of(letter) -> str:
    return pdf_text(letter.pdf)


def served_sanction(session, days_ago: int = 10):
    """A disiplin record whose one-day patsus began `days_ago` days ago, closed by
    pemutakhiran."""
    began = (office_today() - timedelta(days=days_ago)).isoformat()
    record = record_in_proses(session)
    approve(session, submit_update(session, "update_ii", record, putusan(
        sanction_row("DISIPLIN_PATSUS", 1, mulai=began), tanggal=began)))
    approve(session, submit_update(session, "pemutakhiran", record,
                                   pemutakhiran("BERAKHIRNYA_HUKUMAN")))
    session.refresh(record)
    assert record.status == statuses.SELESAI
    return record


def test_no_catpers_meets_the_requirements_for_kenaikan_pangkat(session, session_factory):
    text = skhp_text(session, session_factory)
    assert ("personel dinyatakan MEMENUHI SYARAT untuk keperluan Kenaikan pangkat periode "
            "1 Januari 2027.") in text
    assert "TIDAK MEMENUHI SYARAT" not in text


def test_a_record_waiting_for_its_first_approval_is_in_process_and_fails(session, session_factory):
    submitted_record(session)  # DIAJUKAN (DICATAT): nobody approved it yet
    text = skhp_text(session, session_factory)
    assert "MASIH DALAM PROSES" in text
    assert "TIDAK ADA" in text and text.count("TIDAK ADA") == 2  # pidana, kode etik only
    assert ("dinyatakan TIDAK MEMENUHI SYARAT untuk keperluan Kenaikan pangkat periode 1 Januari "
            "2027, karena masih terdapat catatan personel yang dalam proses.") in text


def test_an_open_record_fails_any_purpose(session, session_factory):
    record_in_proses(session)
    text = skhp_text(session, session_factory, peruntukan="PENDIDIKAN", keterangan_peruntukan="")
    assert "dinyatakan TIDAK MEMENUHI SYARAT untuk keperluan Pendidikan, karena" in text


def test_a_sanction_ended_this_month_fails_kenaikan_pangkat_but_not_pendidikan(
    session, session_factory
):
    record = served_sanction(session)
    assert clean_since(session, record.person_id) == office_today() - timedelta(days=9)
    text = skhp_text(session, session_factory)
    assert "SUDAH SELESAI" in text
    assert ("TIDAK MEMENUHI SYARAT untuk keperluan Kenaikan pangkat periode 1 Januari 2027, "
            "karena hukuman berakhir kurang dari 6 bulan sebelum surat ini diterbitkan.") in text
    text = skhp_text(session, session_factory, peruntukan="PENDIDIKAN", keterangan_peruntukan="")
    assert "dinyatakan MEMENUHI SYARAT untuk keperluan Pendidikan." in text


def test_six_months_after_the_sanction_ended_kenaikan_pangkat_is_met(session, session_factory):
    record = served_sanction(session, days_ago=200)
    assert (office_today() - clean_since(session, record.person_id)).days == 199
    text = skhp_text(session, session_factory)
    assert "dinyatakan MEMENUHI SYARAT untuk keperluan Kenaikan pangkat" in text


def test_a_record_closed_without_a_sanction_is_no_sanction_ended(session):
    record = record_in_proses(session)
    approve(session, submit_update(session, "pemutakhiran", record, pemutakhiran("TIDAK_TERBUKTI")))
    assert clean_since(session, record.person_id) is None
