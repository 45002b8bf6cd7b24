"""Tinjau SKHP: a new catpers recorded for a person holding a valid SKHP puts a task in
Kabid Propam's inbox, who revokes the letter or keeps it with a note."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

import engine
from processes.db.audit import AuditEntry as AuditEvent
from processes.db.audit_actions import CABUT_SURAT, PERTAHANKAN_SURAT
from processes.db.uow import UnitOfWork
from processes.letters import issue as letter_issue
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.state import state_of
from processes.work.runtime import RUNTIME
from tests.support.data import NRP_AIPDA
from tests.support.flows import (
    actor,
    approve,
    decide,
    letter_of,
    submit_permohonan,
    submitted_record,
)

TITLE = "Tinjau SKHP (catatan baru)"


def valid_skhp(session, session_factory) -> Letter:
    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    decide(session, "kasubbid", instance_id, "SETUJU")
    letter_issue.render_pending(UnitOfWork(session_factory))
    return letter_of(session, instance_id)


def reviews(session):
    return [t for t in engine.inbox(session, actor(session, "kabid")) if t.title == TITLE]


def test_a_new_catpers_for_a_holder_of_a_valid_skhp_goes_to_kabid(session, session_factory):
    letter = valid_skhp(session, session_factory)
    record = submitted_record(session)
    assert reviews(session) == []  # not yet: the pencatatan waits for its approvals
    approve(session, record.instance_id)
    [task] = reviews(session)
    assert task.lane == "Kabid Propam" and task.business_key == NRP_AIPDA
    data = RUNTIME.task_data(session, actor(session, "kabid"), task.id)
    facts = dict(data["ringkasan"])
    assert facts["SKHP"].startswith(letter.nomor)
    assert facts["Kesimpulan pada SKHP"] == "MEMENUHI SYARAT"
    assert facts["Catatan baru"].startswith("Disiplin")
    for other in ("operator", "kaurlitpers", "kasubbid", "kapolda"):
        assert not [t for t in engine.inbox(session, actor(session, other)) if t.title == TITLE]


def test_kabid_revokes_the_letter_with_the_reason(session, session_factory):
    letter = valid_skhp(session, session_factory)
    approve(session, submitted_record(session).instance_id)
    [task] = reviews(session)
    RUNTIME.complete_task(session, actor(session, "kabid"), task.id,
                          {"keputusan": "CABUT", "catatan": "Catatan disiplin baru dicatat"})
    session.commit()
    session.expire_all()
    letter = session.get(Letter, letter.id)
    assert state_of(letter, office_today()) == "DICABUT"
    assert letter.revoke_reason == "Catatan disiplin baru dicatat"
    assert letter_issue.verify(session, letter.verify_token).status == "DICABUT"
    assert session.scalar(select(AuditEvent).where(AuditEvent.action == CABUT_SURAT)) is not None
    assert reviews(session) == []


def test_kabid_keeps_the_letter_with_a_note(session, session_factory):
    letter = valid_skhp(session, session_factory)
    approve(session, submitted_record(session).instance_id)
    [task] = reviews(session)
    RUNTIME.complete_task(session, actor(session, "kabid"), task.id,
                          {"keputusan": "PERTAHANKAN", "catatan": "Pelanggaran ringan, sudah dibina"})
    session.commit()
    session.expire_all()
    assert state_of(session.get(Letter, letter.id), office_today()) == "BERLAKU"
    kept = session.scalar(select(AuditEvent).where(AuditEvent.action == PERTAHANKAN_SURAT))
    assert kept.detail["catatan"] == "Pelanggaran ringan, sudah dibina"
    assert kept.detail["nomor"] == letter.nomor


def test_no_review_without_a_valid_skhp(session, session_factory):
    letter = valid_skhp(session, session_factory)
    session.get(Letter, letter.id).valid_until = office_today() - timedelta(days=1)
    session.commit()
    approve(session, submitted_record(session).instance_id)
    assert reviews(session) == []


def test_a_catpers_of_another_person_is_no_review(session, session_factory):
    valid_skhp(session, session_factory)
    approve(session, submitted_record(session, nomor_identitas="88110987", nama="Rudi Santoso")
            .instance_id)
    assert reviews(session) == []
