"""Penghargaan in a real browser, at desktop width and 390 px: the operator records an
award, Kaurlitpers and Kasubbid Paminal approve it, and the person page lists it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import attach_pdf, decide_in_browser
from tests.support.data import NRP_AIPDA, penghargaan_data
from tests.support.flows import record_in_proses
from tests.support.pages import person_path

pytestmark = pytest.mark.e2e

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}
SELECTS = ("personel", "pangkat", "unit_kerja", "jenis_penghargaan")


def fill_penghargaan(page, **overrides: str) -> None:
    for name, value in penghargaan_data(**overrides).items():
        if name in SELECTS:
            page.select_option(f"#f-{name}", value)
        else:
            page.fill(f"#f-{name}", value)
    attach_pdf(page, "kep-penghargaan.pdf")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_an_approved_award_is_listed_on_the_person_page(desk, session_factory, viewport):
    with session_factory() as s:
        record_in_proses(s, username="op.kapuas")
        budi = person_path(s, NRP_AIPDA)

    operator = desk("operator")
    operator.page.set_viewport_size(viewport)
    operator.page.click("text=+ Pencatatan Penghargaan")
    fill_penghargaan(operator.page, tanggal_keputusan="2099-01-01")
    operator.page.click("button:has-text('Ajukan')")
    expect(operator.page.locator("#err-tanggal_keputusan")).to_contain_text("masa depan")
    assert operator.page.input_value("#f-pemberi") == "Kapolda Kalimantan Tengah"
    operator.page.fill("#f-tanggal_keputusan", "2026-10-05")
    operator.page.click("button:has-text('Ajukan')")
    expect(operator.page.locator(".flash-success")).to_contain_text("berhasil diajukan")

    kaur = desk("kaurlitpers")
    kaur.page.set_viewport_size(viewport)
    decide_in_browser(kaur.page, "Periksa Penghargaan (Kaurlitpers)")
    kasubbid = desk("kasubbid")
    kasubbid.page.set_viewport_size(viewport)
    decide_in_browser(kasubbid.page, "Persetujuan Kasubbid Paminal")

    kasubbid.page.goto(budi)
    awards = kasubbid.page.locator("#penghargaan")
    expect(awards).to_contain_text("Piagam Penghargaan")
    expect(awards).to_contain_text("Kep/123/X/2026 (5 Oktober 2026)")
    width = kasubbid.page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"] + 1, width
