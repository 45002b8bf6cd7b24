"""Data induk personel in a real browser: the administrator imports a CSV on the page and
reads the report; the operator types a known NRP on the pencatatan form, presses CEK, is
warned that the typed name differs, confirms the identity on file, and the form is filled.
At 1366 px and on a 390 px phone."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from processes.records import import_jobs, personnel_import
from tests.support.personnel import BUDI, NRP_BUDI, SRI, csv_file

pytestmark = pytest.mark.e2e

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 900}


def fits(page) -> bool:
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return width <= window


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_an_imported_identity_fills_the_pencatatan_form_after_cek(desk, viewport):
    admin = desk("admin")
    admin.page.set_viewport_size(viewport)
    admin.page.goto("/admin/data-induk")
    bad = ["1234", "Tono", "BRIPDA", "Banit", "POLRES-KAPUAS", "", "", "L", ""]
    admin.page.set_input_files("#berkas", files=[{
        "name": "personel.csv", "mimeType": "text/csv", "buffer": csv_file([BUDI, bad])}])
    admin.page.click("#import-form button[type=submit]")
    assert admin.page.inner_text("#rows-inserted") == "1"
    assert "NRP harus 8 digit atau NIP 18 digit" in admin.page.inner_text("#bad-rows")
    assert fits(admin.page)

    operator = desk("operator")
    operator.page.set_viewport_size(viewport)
    operator.page.click("text=+ Pencatatan Catatan Personel")
    operator.page.select_option("#f-personel", "POLRI")
    operator.page.fill("#f-nomor_identitas", NRP_BUDI)
    operator.page.fill("#f-nama", "Budi Hartono")
    operator.page.click(".check-button")
    result = operator.page.locator("#check-nomor_identitas")
    result.locator(".identity-found").wait_for()
    assert "berbeda dengan nama pada data induk (Budi Santoso)" in result.inner_text()
    assert "Polres Kapuas" in result.inner_text()
    assert operator.page.input_value("#f-nama") == "Budi Hartono"  # nothing filled before confirming
    assert fits(operator.page)
    operator.page.click(".use-identity")
    assert operator.page.input_value("#f-nama") == "Budi Santoso"
    assert operator.page.input_value("#f-pangkat") == "AIPDA"
    assert operator.page.input_value("#f-jabatan") == "Banit Provos"
    assert operator.page.input_value("#f-unit_kerja") == "POLRES-KAPUAS"
    assert operator.page.is_checked("input[name=jenis_kelamin][value=L]")
    assert "diisi dari data induk" in result.inner_text()


#: Every text the progress line shows, kept in the tab's sessionStorage: the page that shows
#: them is gone once the report comes (and Playwright waits for that page).
REMEMBER_PROGRESS = """
document.addEventListener('DOMContentLoaded', () => {
  const line = document.querySelector('#import-progress .progress-text');
  if (!line) { return; }
  new MutationObserver(() => {
    const seen = JSON.parse(sessionStorage.getItem('progress') || '[]');
    if (seen[seen.length - 1] !== line.textContent) { seen.push(line.textContent); }
    sessionStorage.setItem('progress', JSON.stringify(seen));
  }).observe(line, {childList: true, characterData: true, subtree: true});
});
"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366px", "390px"])
def test_a_long_import_shows_its_progress_while_the_page_waits(desk, viewport, monkeypatch):
    # A progress step per row, each taking a while: the page polls once a second, so it
    # sees the checking phase under way before the report comes.
    monkeypatch.setattr(personnel_import, "STEP", 1)
    real_tracker = import_jobs.tracker

    def slow_tracker(*args):
        step = real_tracker(*args)

        def slow(state, done, total, message=""):
            step(state, done, total, message)
            if state == "MEMERIKSA":
                time.sleep(0.8)
        return slow
    monkeypatch.setattr(import_jobs, "tracker", slow_tracker)
    bad = ["1234", "Tono", "BRIPDA", "Banit", "POLRES-KAPUAS", "", "", "L", ""]
    admin = desk("admin")
    admin.page.set_viewport_size(viewport)
    admin.page.add_init_script(REMEMBER_PROGRESS)
    admin.page.goto("/admin/data-induk")
    admin.page.set_input_files("#berkas", files=[{
        "name": "personel.csv", "mimeType": "text/csv", "buffer": csv_file([BUDI, SRI, bad])}])
    admin.page.click("#import-form button[type=submit]")
    expect(admin.page.locator("#rows-inserted")).to_have_text("2")
    shown = admin.page.evaluate("JSON.parse(sessionStorage.getItem('progress') || '[]')")
    assert shown[0] == "Mengunggah berkas…"
    assert [t for t in shown if re.fullmatch(r"Memeriksa baris: \d dari 3 baris", t)], shown
    assert fits(admin.page)


def test_an_unknown_number_is_typed_by_hand(desk):
    operator = desk("operator")
    operator.page.click("text=+ Pencatatan Catatan Personel")
    operator.page.select_option("#f-personel", "POLRI")
    operator.page.fill("#f-nomor_identitas", "85010199")
    operator.page.click(".check-button")
    result = operator.page.locator("#check-nomor_identitas")
    result.filter(has_text="isi data secara manual").wait_for()
    assert operator.page.locator(".identity-found").count() == 0
