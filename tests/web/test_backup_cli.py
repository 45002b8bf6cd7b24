"""`flask --app web backup`, `periksa-cadangan` and `restore`: the office's archives, the last
N kept, a tampered one refused with an Indonesian message, a good one restored."""

from __future__ import annotations

import pytest

from processes.setup import backup


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("ECATPERS_BACKUP_KEY", backup.new_key())
    monkeypatch.setenv("ECATPERS_BACKUP_FOLDER", str(tmp_path))
    monkeypatch.setenv("ECATPERS_BACKUP_KEEP", "2")
    return tmp_path


def run(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def test_backups_keep_the_last_n_and_each_verifies(app, folder):
    for _ in range(3):
        result = run(app, "backup")
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Cadangan dibuat: ")
    kept = sorted(folder.glob("*.cadangan"))
    assert len(kept) == 2
    result = run(app, "periksa-cadangan", str(kept[-1]))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Arsip utuh: ")


def test_a_tampered_archive_is_refused_and_a_good_one_restored(app, folder):
    assert run(app, "backup").exit_code == 0
    (good,) = folder.glob("*.cadangan")
    tampered = folder / "diubah.bin"
    blob = bytearray(good.read_bytes())
    blob[-5] ^= 0x01
    tampered.write_bytes(bytes(blob))
    result = run(app, "restore", "--yes", str(tampered))
    assert result.exit_code == 1
    assert "rusak, diubah, atau dibuat dengan kunci kantor lain" in result.output
    result = run(app, "restore", "--yes", str(good))
    assert result.exit_code == 0, result.output
    assert "sidik SHA-256 sama dengan manifes" in result.output


def test_without_an_office_key_no_backup_is_made(app, folder, monkeypatch):
    monkeypatch.delenv("ECATPERS_BACKUP_KEY")
    result = run(app, "backup")
    assert result.exit_code == 1
    assert "ECATPERS_BACKUP_KEY belum diatur" in result.output
    assert not list(folder.glob("*.cadangan"))
