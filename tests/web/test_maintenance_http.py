"""The Pemeliharaan page shows the administrator the app's state: database and documents,
the newest backup and whether it verifies, open incidents, late timers and the version of
each diagram; anyone else is refused, and the refusal is audited."""

from __future__ import annotations

import pytest

from processes.db.audit_actions import AKSES_DITOLAK
from processes.setup import backup
from tests.support.audit import entries
from tests.support.flows import record_in_proses
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


def test_only_the_administrator_opens_it_and_a_refusal_is_audited(client, auth, session, folder):
    auth.login("kabid")
    assert client.get("/admin/pemeliharaan").status_code == 403
    assert [e.target for e in entries(session, AKSES_DITOLAK)] == ["/admin/pemeliharaan"]
