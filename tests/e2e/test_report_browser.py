"""The Laporan page in a real browser: choose a year and a format, and the browser
receives the file, its content the period's records (the record list as CSV here)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.test_dashboard_browser import DESKTOP, PHONE
from tests.support.data import KEPP
from tests.support.flows import record_in_proses

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_a_year_of_records_downloads_as_csv(desk, session, viewport):
    kepp = record_in_proses(session, username="op.kapuas", **KEPP)
    page = desk("kabid").page
    page.set_viewport_size(viewport)
    page.goto("/laporan")
    page.select_option("#jenis", "tahun")
    page.fill("#periode", str(datetime.now(UTC).year))
    page.select_option("#format", "csv")
    with page.expect_download() as download:
        page.click("#report-form button[type=submit]")
    saved = download.value
    assert saved.suggested_filename.endswith(".csv")
    content = Path(saved.path()).read_text("utf-8")
    assert kepp.person.nama in content and "Jenis pelanggaran" in content
