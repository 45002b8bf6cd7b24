"""Driving whole flows through the runtime, as the tests' users would."""

from __future__ import annotations

from sqlalchemy import select

import engine
from processes.accounts.users import actor_for
from processes.records import documents
from processes.records.models import Record
from processes.work import record_flows
from processes.work.runtime import RUNTIME
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


def permohonan_data(session, **overrides) -> dict[str, str]:
    data = {
        "jenis_permohonan": "SKHP", "peruntukan": "KENAIKAN_PANGKAT",
        "keterangan_peruntukan": "periode 1 Januari 2027", "kepada": "Karo SDM Polda Kalteng",
        "personel": "POLRI", "nomor_identitas": "85051234", "nama": "Budi Hartono",
        "jenis_kelamin": "L", "pangkat": "AIPDA", "jabatan": "Banit Reskrim",
        "kesatuan": "POLRES-KAPUAS", "tempat_lahir": "Sampit", "tanggal_lahir": "1985-05-17",
        "agama": "Islam",
        **document(session, nomor="B/456/XI/2026/Ro SDM"),
    }
    data.update(overrides)
    return data


def submit_permohonan(session, username="operator", **overrides) -> int:
    operator = actor(session, username)
    first = RUNTIME.start(session, operator, "permohonan_catpers", operator.unit_path)
    RUNTIME.complete_task(session, operator, first.id, permohonan_data(session, **overrides))
    session.commit()
    return first.instance_id


def request_akses_khusus(session, username, nomor, keputusan="SETUJU", masa="7") -> int:
    requester = actor(session, username)
    first = RUNTIME.start(session, requester, "akses_khusus", requester.unit_path)
    RUNTIME.complete_task(session, requester, first.id, {
        "personel": "POLRI", "nomor_identitas": nomor, "nama": "Nama Sesuai",
        "dasar": "PERMINTAAN_KHUSUS_KAPOLDA", "alasan": "Atensi Kapolda atas laporan masyarakat",
        **document(session, username=username),
    })
    session.commit()
    task = task_of(session, "kabid", first.instance_id)
    decision = {"keputusan": keputusan, "masa_hari": masa} if keputusan == "SETUJU" else {
        "keputusan": keputusan, "catatan": "Dasar permintaan tidak cukup"}
    RUNTIME.complete_task(session, actor(session, "kabid"), task.id, decision)
    session.commit()
    return first.instance_id
