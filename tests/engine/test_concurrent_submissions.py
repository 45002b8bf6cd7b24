"""Two people act on the same thing at the same moment: no crash, nothing half-written.

Each test runs its steps in two threads with their own sessions, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import func, select

from processes.db.uow import UnitOfWork
from processes.records import documents
from processes.records.models import Person, Record, StoredFile, Submission
from processes.work import tasks
from processes.work.tasks import Upload
from tests.support.actors import user
from tests.support.data import MINIMAL_PDF, pencatatan_data
from tests.support.flows import decide, submitted_record, task_of
from tests.support.races import all_arrive_before, race, statements_run

NEW_NRP = "91020345"


def submit_pencatatan(session_factory, username: str):
    def step() -> tasks.Outcome:
        uow = UnitOfWork(session_factory)
        with session_factory() as s:
            who = user(s, username)
        data = pencatatan_data(nomor_identitas=NEW_NRP, nama="Dedi Kurniawan")
        pdf = MINIMAL_PDF + f"\n% laporan dari {username}\n".encode()  # each its own document
        return tasks.start_submission(uow, who, "pencatatan", data,
                                      {"dokumen_file": Upload("lp.pdf", pdf)})

    return step


def test_two_first_pencatatan_for_one_new_nrp_make_one_person_with_both_records(
    session_factory, db_engine, session
):
    with all_arrive_before(db_engine, "INSERT INTO person", parties=2):
        outcomes = race(submit_pencatatan(session_factory, "operator"),
                        submit_pencatatan(session_factory, "op.kapuas"))
    assert [getattr(o, "ok", o) for o in outcomes] == [True, True]
    people = session.scalars(select(Person).where(Person.nomor_identitas == NEW_NRP)).all()
    assert len(people) == 1
    records = session.scalars(select(Record).where(Record.person_id == people[0].id)).all()
    assert sorted(r.instance_id for r in records) == sorted(o.instance_id for o in outcomes)
    assert session.scalar(select(func.count()).select_from(Submission)) == 2


def test_one_pdf_uploaded_by_two_at_once_is_stored_once(session_factory, db_engine, session):
    def upload(username: str):
        def step() -> str:
            with session_factory() as s:
                digest = documents.store_pdf(s, MINIMAL_PDF, "lp.pdf", user(s, username).id)
                s.commit()
                return digest

        return step

    with all_arrive_before(db_engine, "INSERT INTO stored_file", parties=2):
        digests = race(upload("operator"), upload("op.kapuas"))
    assert digests[0] == digests[1] and isinstance(digests[0], str), digests
    assert session.scalar(select(func.count()).select_from(StoredFile)) == 1


def test_two_resubmissions_of_one_correction_one_is_kept_the_other_is_told(
    session_factory, session
):
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "KEMBALIKAN", "Nomor LP salah ketik")
    fix = task_of(session, "operator", record.instance_id)
    operator = user(session, "operator")
    corrected = {**pencatatan_data(dokumen_nomor="LP/A/13/X/2026/Yanduan")}

    def resubmit() -> tasks.Outcome:
        return tasks.complete_task(UnitOfWork(session_factory), operator, fix.id, corrected, {})

    outcomes = race(resubmit, resubmit)
    assert sorted(o.ok for o in outcomes) == [False, True], outcomes
    [lost] = [o for o in outcomes if not o.ok]
    assert lost.message == "Tugas ini sudah diselesaikan oleh Bripka Andi Saputra (Operator (Pama/BA/ASN))."
    session.expire_all()
    assert task_of(session, "kaurlitpers", record.instance_id).title
    waiting = session.scalars(select(Submission).where(Submission.record_id == record.id)).all()
    assert [s.status for s in waiting] == ["MENUNGGU"]


def test_a_completion_locks_its_instance_before_it_writes_any_other_row(
    session_factory, db_engine, session
):
    """One lock order for everyone who advances an instance: its row first. Two at once
    then queue on it, and none holds a record while waiting for the instance."""
    record = submitted_record(session)
    decide(session, "kaurlitpers", record.instance_id, "KEMBALIKAN", "Lampirkan berkas")
    fix = task_of(session, "operator", record.instance_id)
    corrected = pencatatan_data(dokumen_nomor="LP/A/13/X/2026/Yanduan")
    new_pdf = Upload("lp-baru.pdf", MINIMAL_PDF + b"\n% berkas baru\n")
    with statements_run(db_engine) as statements:
        outcome = tasks.complete_task(UnitOfWork(session_factory), user(session, "operator"),
                                      fix.id, corrected, {"dokumen_file": new_pdf})
    assert outcome.ok, outcome
    first_write = next(s for s in statements if _writes(s))
    assert "wf_instance" in first_write.split("WHERE")[0], first_write


def _writes(statement: str) -> bool:
    words = statement.lstrip().upper()
    return words.startswith(("INSERT", "UPDATE", "DELETE")) or "FOR UPDATE" in words
