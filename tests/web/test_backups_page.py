"""The Cadangan page: the administrator sees each archive with its size and whether it
verifies, and a warning when no good archive is under a day old; others are refused."""

from __future__ import annotations

import os

import pytest

from processes.db.audit_actions import AKSES_DITOLAK
from processes.setup import backup
from tests.support.audit import entries
from tests.support.pages import parse


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ECATPERS_BACKUP_KEY", backup.new_key())
    monkeypatch.setenv("ECATPERS_BACKUP_FOLDER", str(tmp_path))
    return tmp_path


def rows(response) -> list[list[str]]:
    return [[cell.text_content().strip() for cell in tr.xpath("td")]
            for tr in parse(response).xpath('//table[@id="backups"]/tbody/tr')]


def test_a_fresh_good_archive_shows_as_verified_and_no_warning(app, client, auth, folder):
    assert app.test_cli_runner().invoke(args=["backup"]).exit_code == 0
    auth.login("admin")
    assert parse(client.get("/admin/pengguna")).xpath('//a[@href="/admin/cadangan"]')
    response = client.get("/admin/cadangan")
    assert response.status_code == 200
    [[name, _made, size, method, state]] = rows(response)
    assert name.endswith(".cadangan") and size.endswith(" bita") and state == "Utuh"
    postgres = app.extensions["ecatpers_engine"].dialect.name == "postgresql"
    assert method == ("pg_dump PostgreSQL" if postgres else "Baris per tabel")
    assert not parse(response).xpath('//*[@id="stale"]')


def test_a_tampered_archive_shows_why_and_an_old_one_warns(app, client, auth, folder):
    assert app.test_cli_runner().invoke(args=["backup"]).exit_code == 0
    (path,) = folder.glob("*.cadangan")
    blob = bytearray(path.read_bytes())
    blob[-3] ^= 0x01
    path.write_bytes(bytes(blob))
    auth.login("admin")
    [[_name, _made, _size, _method, state]] = rows(client.get("/admin/cadangan"))
    assert state.startswith("Arsip cadangan rusak, diubah")
    path.write_bytes(bytes(blob[:-3]) + bytes([blob[-3] ^ 0x01]) + bytes(blob[-2:]))
    os.utime(path, (path.stat().st_atime, path.stat().st_mtime - 2 * 86400))
    response = client.get("/admin/cadangan")
    assert rows(response)[0][4] == "Utuh"
    assert parse(response).xpath('//*[@id="stale"]')


def test_no_archive_at_all_warns(client, auth, folder):
    auth.login("admin")
    response = client.get("/admin/cadangan")
    assert parse(response).xpath('//*[@id="no-backups"]') and parse(response).xpath('//*[@id="stale"]')


def test_only_the_administrator_opens_the_page_and_a_refusal_is_audited(client, auth, session, folder):
    auth.login("kabid")
    assert client.get("/admin/cadangan").status_code == 403
    refused = entries(session, AKSES_DITOLAK)
    assert [(e.target, e.detail) for e in refused] == [("/admin/cadangan", {"metode": "GET", "kode": 403})]


def test_an_archive_made_without_pg_dump_says_why(app, client, auth, folder, monkeypatch):
    def rows_only(engine, meta, key, now):
        with engine.connect() as conn:
            return backup.dump(conn, meta, key, now, note="pg_dump tidak ditemukan di server aplikasi")
    monkeypatch.setattr(backup, "dump_consistent", rows_only)
    assert app.test_cli_runner().invoke(args=["backup"]).exit_code == 0
    auth.login("admin")
    [[_name, _made, _size, method, state]] = rows(client.get("/admin/cadangan"))
    assert " ".join(method.split()) == ("Baris per tabel Tanpa pg_dump: pg_dump tidak ditemukan "
                                        "di server aplikasi.")
    assert state == "Utuh"
