"""The Pemeliharaan page shows the administrator the app's state: database and documents,
the newest backup and whether it verifies, open incidents, when the timer worker last ran,
late timers, the last consistency check (which the administrator may run from the page)
and the version of each diagram; anyone else is refused, and the refusal is audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete

from engine.models import OpenTask
from processes.db.audit_actions import AKSES_DITOLAK, PERIKSA_KONSISTENSI
from processes.db.uow import UnitOfWork
from processes.setup import backup
from processes.work.heartbeat import TIMER_WORKER, WorkerHeartbeat
from processes.work.timers import fire_due_timers
from tests.support.audit import entries
from tests.support.flows import record_in_proses, submitted_record
from tests.support.pages import parse, squash


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ECATPERS_BACKUP_KEY", backup.new_key())
    monkeypatch.setenv("ECATPERS_BACKUP_FOLDER", str(tmp_path))
    return tmp_path


def fact(page: str, element_id: str) -> str:
    return squash(parse(page).xpath(f'//*[@id="{element_id}"]')[0].text_content())


def test_without_a_backup_the_page_warns_and_counts_what_is_stored(client, auth, session, folder):
    record_in_proses(session)  # one document stored with the pencatatan
    auth.login("admin")
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert fact(page, "documents").startswith("1 berkas, ")
    assert fact(page, "letters").startswith("0 surat")
    assert fact(page, "database").split(",")[0] in ("SQLite", "PostgreSQL")
    assert "Belum ada cadangan" in fact(page, "no-backup")
    assert parse(page).xpath('//*[@id="backup-stale"]')
    assert fact(page, "open-incidents") == "0"
    assert "Tidak ada pengatur waktu yang terlambat" in fact(page, "late-timers")
    names = [squash(td.text_content()) for td in parse(page).xpath('//table[@id="diagram-versions"]/tbody/tr/td[1]')]
    assert any("pencatatan.bpmn" in name for name in names)
    assert any("permohonan_catpers.bpmn" in name for name in names)


def test_a_fresh_backup_shows_as_verified(app, client, auth, folder):
    assert app.test_cli_runner().invoke(args=["backup"]).exit_code == 0
    auth.login("admin")
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert "Utuh" in fact(page, "last-backup")
    assert not parse(page).xpath('//*[@id="backup-stale"]')


def test_the_timer_worker_is_shown_when_it_ran_and_warned_about_when_it_stopped(
    client, auth, session, session_factory, folder,
):
    auth.login("admin")
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert fact(page, "timer-worker") == "Belum pernah berjalan."
    assert "run-timers" in fact(page, "timer-worker-stale")

    assert fire_due_timers(lambda: UnitOfWork(session_factory)) == 0
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert "(0 proses dibangunkan)" in fact(page, "timer-worker")
    assert not parse(page).xpath('//*[@id="timer-worker-stale"]')

    row = session.get(WorkerHeartbeat, TIMER_WORKER)  # eleven minutes without a pass
    row.last_run_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=11)
    session.commit()
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert parse(page).xpath('//*[@id="timer-worker-stale"]')


def test_two_timer_workers_finishing_together_both_stamp_the_heartbeat(session, session_factory):
    for _ in range(2):
        fire_due_timers(lambda: UnitOfWork(session_factory))
    assert session.get(WorkerHeartbeat, TIMER_WORKER).detail == "0 proses dibangunkan"


def test_the_administrator_runs_the_consistency_check_and_the_run_is_audited(
    client, auth, session, folder,
):
    record_in_proses(session)
    auth.login("admin")
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)
    assert fact(page, "last-check") == "Belum pernah dijalankan."
    page = client.post("/admin/pemeliharaan/periksa").get_data(as_text=True)
    assert fact(page, "check-result") == "Semua konsisten: 1 proses dan 1 catatan diperiksa."
    [run] = entries(session, PERIKSA_KONSISTENSI)
    assert run.outcome == "KONSISTEN" and run.detail["temuan"] == 0 and run.user_id is not None

    broken = submitted_record(session)  # its open task lost: the check finds it
    session.execute(delete(OpenTask).where(OpenTask.instance_id == broken.instance_id))
    session.commit()
    page = client.post("/admin/pemeliharaan/periksa").get_data(as_text=True)
    assert f"Proses #{broken.instance_id}" in fact(page, "check-result")
    page = client.get("/admin/pemeliharaan").get_data(as_text=True)  # later, from the log
    assert "1 ketidaksesuaian" in fact(page, "last-check")
    assert f"Proses #{broken.instance_id}" in fact(page, "last-check-lines")
    assert entries(session, PERIKSA_KONSISTENSI)[-1].outcome == "TIDAK KONSISTEN"


def test_the_command_records_its_run_too(app, session, folder):
    assert app.test_cli_runner().invoke(args=["periksa"]).exit_code == 0
    [run] = entries(session, PERIKSA_KONSISTENSI)
    assert run.user_id is None and run.outcome == "KONSISTEN"


def test_only_the_administrator_opens_it_and_a_refusal_is_audited(client, auth, session, folder):
    auth.login("kabid")
    assert client.get("/admin/pemeliharaan").status_code == 403
    assert client.post("/admin/pemeliharaan/periksa").status_code == 403
    assert [e.target for e in entries(session, AKSES_DITOLAK)] == [
        "/admin/pemeliharaan", "/admin/pemeliharaan/periksa"]
    assert entries(session, PERIKSA_KONSISTENSI) == []
