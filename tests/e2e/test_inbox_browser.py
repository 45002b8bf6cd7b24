"""The Kotak Tugas in a real browser, on a desktop and on a phone: the row names the person
and the step, a POSTed search finds them by NRP, and nothing is typed into the address."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_pencatatan_browser import fill_pencatatan
from tests.support.data import NAMA_AIPDA, NRP_AIPDA

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1366, 390])
def test_kaurlitpers_finds_the_task_by_nrp(desk, width):
    operator = desk("operator")
    operator.page.click("text=+ Pencatatan Catatan Personel")
    fill_pencatatan(operator.page)
    operator.page.click("button:has-text('Ajukan')")
    kaurlitpers = desk("kaurlitpers")
    page = kaurlitpers.page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/")
    row = page.locator("#inbox tbody tr").first
    assert NAMA_AIPDA in row.inner_text() and "Periksa pencatatan (Kaurlitpers)" in row.inner_text()
    page.fill("#cari", NRP_AIPDA)
    page.click("#inbox-filters button[type=submit]")
    # The click only waits for the answer to start; the rows are counted once it is drawn.
    expect(page.locator("#inbox tbody tr")).to_have_count(1)
    assert NRP_AIPDA not in page.url
