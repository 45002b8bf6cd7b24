"""A long import shows how far it has got: the page names the job, the import notes each
step in a transaction of its own, and the job is shown only to the administrator who
started it. The import itself stays one transaction: a refused file writes no person."""

from __future__ import annotations

import io

from sqlalchemy import select

from processes.accounts.models import User
from processes.db.audit_actions import AKSES_DITOLAK
from processes.db.uow import UnitOfWork
from processes.records import personnel_import
from processes.records.personnel_models import ImportJob, Personnel
from tests.support.audit import entries
from tests.support.personnel import BUDI, NRP_BUDI, SRI, csv_file

TOKEN = "0123456789abcdef0123456789abcdef"


def upload(client, content: bytes, name: str = "personel.csv", job: str = TOKEN):
    return client.post("/admin/data-induk/impor", content_type="multipart/form-data",
                       data={"berkas": (io.BytesIO(content), name), "job": job})


def test_the_job_reports_each_step_and_ends_selesai(client, auth, session, monkeypatch):
    seen = []
    real = personnel_import.import_file

    def watched(*args, progress, **kwargs):
        def step(state, done, total):
            seen.append((state, done, total))
            progress(state, done, total)
        return real(*args, progress=step, **kwargs)

    monkeypatch.setattr(personnel_import, "import_file", watched)
    auth.login("admin")
    assert upload(client, csv_file([BUDI, SRI])).status_code == 200
    assert seen[0] == ("MEMERIKSA", 0, 2) and ("MENYIMPAN", 2, 2) in seen
    assert client.get(f"/admin/data-induk/impor/{TOKEN}").get_json() == {
        "state": "SELESAI", "label": "Selesai", "done": 2, "total": 2, "message": ""}


def test_a_refused_file_ends_gagal_with_its_reason_and_writes_nobody(client, auth, session):
    auth.login("admin")
    assert upload(client, b"bukan xlsx", "personel.xlsx").status_code == 422
    job = client.get(f"/admin/data-induk/impor/{TOKEN}").get_json()
    assert job["state"] == "GAGAL" and "tidak dapat dibaca" in job["message"]
    assert session.scalars(select(Personnel)).all() == []


def test_the_steps_are_every_step_rows_and_the_writes_come_in_batches(session, monkeypatch):
    monkeypatch.setattr(personnel_import, "STEP", 1)
    admin = session.scalar(select(User).where(User.username == "admin"))
    seen = []
    factory = lambda: session
    report = personnel_import.import_file(UnitOfWork(factory), admin, "personel.csv",
                                          csv_file([BUDI, SRI]),
                                          progress=lambda *step: seen.append(step))
    assert report.inserted == 2
    assert seen == [("MEMERIKSA", 0, 2), ("MEMERIKSA", 1, 2),
                    ("MENYIMPAN", 0, 2), ("MENYIMPAN", 1, 2), ("MENYIMPAN", 2, 2)]
    assert NRP_BUDI in {p.nomor_identitas for p in session.scalars(select(Personnel))}


def test_a_job_is_shown_only_to_whoever_started_it(client, auth, session):
    kabid = session.scalar(select(User.id).where(User.username == "kabid"))
    session.add(ImportJob(token="f" * 32, started_by=kabid, file_name="lain.csv", state="MEMERIKSA",
                          total=10, done=5, message=""))
    session.commit()
    auth.login("admin")
    assert client.get("/admin/data-induk/impor/" + "f" * 32).get_json()["state"] == ""
    assert client.get("/admin/data-induk/impor/tidak-ada-sama-sekali").get_json()["state"] == ""


def test_without_a_job_token_the_import_works_and_notes_no_job(client, auth, session):
    auth.login("admin")
    assert upload(client, csv_file([BUDI]), job="").status_code == 200
    assert session.scalars(select(ImportJob)).all() == []
    assert len(session.scalars(select(Personnel)).all()) == 1


def test_no_one_but_the_administrator_reads_an_import_job_and_the_refusal_is_audited(
        client, auth, session):
    auth.login("admin")
    upload(client, csv_file([BUDI]))
    client.delete_cookie("session")
    auth.login("kabid")
    assert client.get(f"/admin/data-induk/impor/{TOKEN}").status_code == 403
    assert [e.target for e in entries(session, AKSES_DITOLAK)] == [f"/admin/data-induk/impor/{TOKEN}"]
