"""Driving whole flows through the runtime, as the tests' users would."""

from __future__ import annotations

from sqlalchemy import select

import engine
from processes.access.models import AccessRequest
from processes.accounts.users import actor_for
from processes.letters.models import Letter
from processes.records import documents
from processes.records.models import Record
from processes.work import record_flows
from processes.work.runtime import RUNTIME
from tests.support.actors import user
from tests.support.data import (
    MINIMAL_PDF,
    UPDATE_I,
    akses_khusus_fields,
    pencatatan_data,
    permohonan_fields,
    reference_document,
)


def actor(session, username):
    return actor_for(user(session, username))


def pdf_hash(session, username="operator") -> str:
    return documents.store_pdf(session, MINIMAL_PDF, "dok.pdf", user(session, username).id)


def task_of(session, username, instance_id):
    tasks = [t for t in engine.inbox(session, actor(session, username)) if t.instance_id == instance_id]
    assert len(tasks) == 1, tasks
    return tasks[0]


def decide(session, username, instance_id, keputusan, catatan=""):
    """`username` decides their one open task of the instance; returns that task."""
    task = task_of(session, username, instance_id)
    RUNTIME.complete_task(
        session, actor(session, username), task.id, {"keputusan": keputusan, "catatan": catatan}
    )
    session.commit()
    return task


def approve(session, instance_id):
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    decide(session, "kasubbid", instance_id, "SETUJU")


def submitted_record(session, username: str = "operator", **overrides) -> Record:
    """A Pencatatan submitted (DIAJUKAN (DICATAT)) through the runtime, not yet approved."""
    operator = actor(session, username)
    first = RUNTIME.start(session, operator, "pencatatan", operator.unit_path)
    data = pencatatan_data(**overrides)
    data["dokumen_file"] = pdf_hash(session, username)
    RUNTIME.complete_task(session, operator, first.id, data)
    session.commit()
    return session.scalar(select(Record).where(Record.instance_id == first.instance_id))


def record_in_proses(session, username="operator", **overrides) -> Record:
    record = submitted_record(session, username, **overrides)
    approve(session, record.instance_id)
    session.refresh(record)
    return record


def ready_for_putusan(session, username="operator", **overrides) -> Record:
    """A record in PROSES whose Update I (DP3D/BP3KEPP) is approved: what a disiplin or
    KEPP putusan (Update II) waits for (`urutan_tahap.dmn`)."""
    record = record_in_proses(session, username, **overrides)
    approve(session, submit_update(session, "update_i", record, UPDATE_I, username))
    session.refresh(record)
    return record


def document(session, nomor="DOK/1/XI/2026", username="operator") -> dict[str, str]:
    """A reference document with its PDF stored, as a submitted form holds it."""
    fields = reference_document(nomor, tanggal="2026-11-01")
    return {**fields, "dokumen_file": pdf_hash(session, username)}


def submit_update(session, process_id, record, data, username="operator") -> int:
    """Start a record flow and submit its first form; returns the instance id."""
    operator = actor(session, username)
    first = RUNTIME.start(
        session, operator, process_id, record.unit_path, record_flows.start_data(record)
    )
    RUNTIME.complete_task(session, operator, first.id, {**document(session, username=username), **data})
    session.commit()
    return first.instance_id


def submit_permohonan(session, username="operator", **overrides) -> int:
    operator = actor(session, username)
    first = RUNTIME.start(session, operator, "permohonan_catpers", operator.unit_path)
    data = {**permohonan_fields(**overrides), "dokumen_file": pdf_hash(session, username)}
    RUNTIME.complete_task(session, operator, first.id, data)
    session.commit()
    return first.instance_id


def request_akses_khusus(session, username, nomor, keputusan="SETUJU", masa="7") -> int:
    requester = actor(session, username)
    first = RUNTIME.start(session, requester, "akses_khusus", requester.unit_path)
    data = akses_khusus_fields(nomor_identitas=nomor, dokumen_file=pdf_hash(session, username))
    RUNTIME.complete_task(session, requester, first.id, data)
    session.commit()
    task = task_of(session, "kabid", first.instance_id)
    decision = {"keputusan": keputusan, "masa_hari": masa} if keputusan == "SETUJU" else {
        "keputusan": keputusan, "catatan": "Dasar permintaan tidak cukup"}
    RUNTIME.complete_task(session, actor(session, "kabid"), task.id, decision)
    session.commit()
    return first.instance_id


def request_of(session, instance_id: int) -> AccessRequest:
    session.expire_all()
    return session.scalar(select(AccessRequest).where(AccessRequest.instance_id == instance_id))


def letter_of(session, instance_id: int) -> Letter | None:
    """The letter the permohonan `instance_id` issued, if any."""
    request = request_of(session, instance_id)
    assert request is not None, instance_id
    return session.scalar(select(Letter).where(Letter.request_id == request.id))


def refreshed(session, record: Record) -> Record:
    session.expire_all()
    return session.get(Record, record.id)
