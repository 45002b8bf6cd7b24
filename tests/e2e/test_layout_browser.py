"""Every main page fits the screen it is read on: a 390 px phone and a 1366 px desktop show
no sideways scrolling (the document is no wider than the window), and on the phone the menu
folds behind one button that opens it.

The data is made through the runtime (tests/support/flows.py): a record in PROSES with its
person, a Pencatatan waiting for Kaurlitpers (a task page), and an issued SKHP (the letters
list and its public verification page).
"""

from __future__ import annotations

import pytest

from tests.support.data import NRP_AIPDA
from tests.support.flows import (
    approve,
    letter_of,
    record_in_proses,
    submit_permohonan,
    submitted_record,
    task_of,
)
from tests.support.pages import person_path

pytestmark = pytest.mark.e2e

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1366, "height": 900}


@pytest.fixture
def world(session_factory) -> dict[str, str]:
    """The addresses of the pages to measure, once there is something on each."""
    with session_factory() as session:
        record = record_in_proses(session)
        waiting = submitted_record(session, nomor_identitas="90030456", nama="Andika Prasetyo")
        task = task_of(session, "kaurlitpers", waiting.instance_id)
        permohonan = submit_permohonan(session)
        approve(session, permohonan)  # Kaurlitpers, then the authority by rank
        letter = letter_of(session, permohonan)
        assert letter is not None
        return {
            "record": f"/catatan/{record.id}",
            "instance": f"/proses/{record.instance_id}",
            "person": person_path(session, NRP_AIPDA),
            "task": f"/tugas/{task.id}",
            "verify": f"/verifikasi/{letter.verify_token}",
        }


def overflow(page, path: str) -> tuple[int, int]:
    page.goto(path)
    page.wait_for_load_state("load")
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


def assert_fits(page, paths: list[str]) -> None:
    too_wide = {}
    for path in paths:
        width, window = overflow(page, path)
        if width > window:
            too_wide[path] = width
    assert not too_wide, f"lebih lebar dari {page.viewport_size['width']} px: {too_wide}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_every_main_page_fits_the_window(desk, world, viewport):
    kaurlitpers = desk("kaurlitpers")
    kaurlitpers.page.set_viewport_size(viewport)
    assert_fits(kaurlitpers.page, [
        "/", world["task"], "/catatan", world["record"], world["person"], world["instance"],
        "/surat", "/dasbor", "/hak-akses",
    ])
    admin = desk("admin")
    admin.page.set_viewport_size(viewport)
    assert_fits(admin.page, [
        "/admin/pengguna", "/admin/pengaturan", "/admin/daftar", "/admin/persetujuan",
        "/admin/insiden", "/admin/data-induk", "/admin/pemeliharaan", "/admin/daftar/pasal",
    ])
    direktur = desk("kabid")
    direktur.page.set_viewport_size(viewport)
    assert_fits(direktur.page, ["/log-akses"])


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1366px"])
def test_the_public_verification_page_fits_without_signing_in(browser, live_server, world, viewport):
    context = browser.new_context(base_url=live_server, viewport=viewport)
    try:
        assert_fits(context.new_page(), [world["verify"]])
    finally:
        context.close()


def test_on_a_phone_the_menu_folds_behind_one_button(desk):
    page = desk("operator").page
    page.set_viewport_size(PHONE)
    page.goto("/catatan")
    toggle, menu = page.locator("#menu-toggle"), page.locator("#main-nav")
    assert toggle.is_visible() and not menu.is_visible()
    assert toggle.bounding_box()["height"] >= 44
    toggle.click()
    assert menu.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    page.locator("#main-nav a:has-text('Surat')").click()
    page.wait_for_url("**/surat")
    assert not page.locator("#main-nav").is_visible()


def test_on_a_desktop_the_menu_is_open_without_a_button(desk):
    page = desk("operator").page
    page.set_viewport_size(DESKTOP)
    page.goto("/catatan")
    assert page.locator("#main-nav").is_visible()
    assert not page.locator("#menu-toggle").is_visible()
