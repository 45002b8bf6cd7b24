"""The Pemeliharaan page in a real browser, wide and on a phone: the administrator sees
that the timer worker has stopped, runs the consistency check and reads its result."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from processes.db.uow import UnitOfWork
from processes.work.timers import fire_due_timers

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1366, 390])
def test_the_administrator_sees_the_timer_worker_and_runs_the_check(
        desk, session_factory, tmp_path, monkeypatch, width):
    monkeypatch.setenv("ECATPERS_BACKUP_FOLDER", str(tmp_path))
    page = desk("admin").page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/admin/pemeliharaan")
    expect(page.locator("#timer-worker-stale")).to_be_visible()

    fire_due_timers(lambda: UnitOfWork(session_factory))  # cron's minute comes
    page.reload()
    expect(page.locator("#timer-worker")).to_contain_text("proses dibangunkan")
    expect(page.locator("#timer-worker-stale")).to_have_count(0)

    page.click("#run-check")
    expect(page.locator("#check-result")).to_contain_text("Semua konsisten")
    page.goto("/admin/pemeliharaan")
    expect(page.locator("#last-check")).to_contain_text("semua konsisten")
    scroll = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert scroll <= 0, "the page scrolls sideways"
