"""Driving whole flows through the runtime, as the tests' users would."""

from __future__ import annotations

from sqlalchemy import select

import engine
from processes import documents, record_flows
from processes.accounts import actor_for
from processes.models import Record
from processes.workflow import RUNTIME
from tests.support.actors import user
from tests.support.data import MINIMAL_PDF, pencatatan_data


def actor(session, username):
    return actor_for(user(session, username))


def pdf_hash(session, username="operator") -> str:
    return documents.store_pdf(session, MINIMAL_PDF, "dok.pdf", user(session, username).id)


def task_of(session, username, instance_id):
    tasks = [t for t in engine.inbox(session, actor(session, username)) if t.instance_id == instance_id]
    assert len(tasks) == 1, tasks
    return tasks[0]


def decide(session, username, instance_id, keputusan, catatan=""):
    task = task_of(session, username, instance_id)
    RUNTIME.complete_task(
        session, actor(session, username), task.id, {"keputusan": keputusan, "catatan": catatan}
    )
    session.commit()


def approve(session, instance_id):
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    decide(session, "kasubbid", instance_id, "SETUJU")


def record_in_proses(session, username="operator", **overrides) -> Record:
    operator = actor(session, username)
    first = RUNTIME.start(session, operator, "pencatatan", operator.unit_path)
    data = pencatatan_data(**overrides)
    data["dokumen_file"] = pdf_hash(session, username)
    RUNTIME.complete_task(session, operator, first.id, data)
    session.commit()
    approve(session, first.instance_id)
    return session.scalar(select(Record).where(Record.instance_id == first.instance_id))


def document(session, nomor="DOK/1/XI/2026", username="operator") -> dict[str, str]:
    return {
        "dokumen_nomor": nomor, "dokumen_jenis": "SURAT_PERINTAH",
        "dokumen_tanggal": "2026-11-01", "dokumen_perihal": "Dokumen tahap",
        "dokumen_file": pdf_hash(session, username),
    }


def submit_update(session, process_id, record, data, username="operator") -> int:
    """Start a record flow and submit its first form; returns the instance id."""
    operator = actor(session, username)
    first = RUNTIME.start(
        session, operator, process_id, record.unit_path, record_flows.start_data(record)
    )
    RUNTIME.complete_task(session, operator, first.id, {**document(session, username=username), **data})
    session.commit()
    return first.instance_id
