"""Akses khusus in the browser as the AKSES CATPERS table routes it: a written request of
the Kasatker pembina fungsi SDM for an atensi is decided by Kapolda, and the person's page
shows who now reads, on which basis and until when (desktop and 390 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_access_browser import fill_form
from tests.support.browser import confirm_password, open_task
from tests.support.data import NRP_AIPDA, akses_khusus_fields
from tests.support.flows import record_in_proses
from tests.support.pages import person_path

pytestmark = pytest.mark.e2e

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_kapolda_authorises_an_atensi_and_the_person_page_shows_the_grant(
    desk, session_factory, viewport
):
    with session_factory() as s:
        record_in_proses(s, username="op.kapuas")
        budi = person_path(s, NRP_AIPDA)

    barsel = desk("op.barsel")
    barsel.page.set_viewport_size(viewport)
    barsel.page.click("text=+ Permohonan Akses Khusus")
    fill_form(barsel.page, akses_khusus_fields(
        dasar="PERMINTAAN_TERTULIS", peminta_khusus="", kepentingan="ATENSI",
        pejabat_pembaca="operator"))
    barsel.page.click("button:has-text('Ajukan')")
    expect(barsel.page.locator(".flash-success")).to_contain_text("berhasil diajukan")

    kapolda = desk("kapolda")
    kapolda.page.set_viewport_size(viewport)
    open_task(kapolda.page, "Keputusan Kapolda")
    assert "Kepentingan lain atas atensi" in kapolda.page.inner_text("main")
    kapolda.page.check("input[name=keputusan][value=SETUJU]")
    kapolda.page.fill("#f-masa_hari", "3")
    confirm_password(kapolda.page)
    kapolda.page.click("button:has-text('Kirim')")
    expect(kapolda.page.locator(".flash-success")).to_contain_text("selesai")

    operator = desk("operator")  # the official named as the one who reads
    operator.page.set_viewport_size(viewport)
    operator.page.goto(budi)
    grants = operator.page.locator("#akses-khusus")
    expect(grants).to_be_visible()
    expect(grants).to_contain_text("Permintaan tertulis Kasatker pembina fungsi SDM")
    expect(grants).to_contain_text("Irjen Pol Agus Pranoto")
    expect(grants.locator("tbody tr")).to_have_count(2)
    width = operator.page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"] + 1, width
