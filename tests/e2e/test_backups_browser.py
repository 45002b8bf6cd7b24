"""The Cadangan page in a real browser, wide and on a phone: the administrator sees the
night's archive verified; a tampered one says why and the warning shows."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from processes.setup import backup, backup_files
from processes.setup.schema import METADATA

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1366, 390])
def test_the_administrator_sees_each_archive_and_its_verification(
        desk, db_engine, tmp_path, monkeypatch, width):
    text = backup.new_key()
    monkeypatch.setenv("ECATPERS_BACKUP_KEY", text)
    monkeypatch.setenv("ECATPERS_BACKUP_FOLDER", str(tmp_path))
    now = dt.datetime.now(dt.UTC)
    blob = backup.dump_consistent(db_engine, METADATA, backup.parse_key(text), now)
    backup_files.write(tmp_path, blob, now)
    page = desk("admin").page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/admin/cadangan")
    expect(page.locator("#backups tbody tr td.check")).to_have_text("Utuh")
    expect(page.locator("#stale")).to_have_count(0)
    (path,) = tmp_path.glob("*.cadangan")
    path.write_bytes(blob[:-1] + bytes([blob[-1] ^ 0x01]))
    page.reload()
    expect(page.locator("#backups tbody tr td.check")).to_contain_text("rusak, diubah")
    expect(page.locator("#stale")).to_be_visible()
