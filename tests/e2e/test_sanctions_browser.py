"""Update II in a real browser, on a desktop and on a phone: the operator records two
sanctions of one putusan row by row; a patsus over its limit is refused with what was
typed kept; the form fits the screen; the person page then says when they are clean."""

from __future__ import annotations

import pytest

from tests.e2e.test_record_lifecycle_browser import (
    approve_both,
    fill_document,
    make_record,
    start_from_record,
    submit_start,
)
from tests.support.data import KEPP, UPDATE_I

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("width", [1366, 390])
def test_a_putusan_with_patsus_and_demosi(desk, session_factory, width):
    record_id = make_record(session_factory, ("update_i", UPDATE_I), **KEPP)
    operator = desk("operator")
    page = operator.page
    page.set_viewport_size({"width": width, "height": 844})
    start_from_record(page, record_id, "update_ii")
    fill_document(page, "KEP/9/XI/2026", jenis="PUTUSAN_SIDANG")
    page.fill("#f-putusan_nomor", "PUT/9/XI/2026")
    page.fill("#f-putusan_tanggal", "2026-11-10")
    page.fill("#f-putusan_isi", "Terbukti; patsus dan demosi.")
    page.select_option("#f-amar_putusan", "DIHUKUM")
    for row, (kode, lama) in enumerate([("KEPP_PATSUS", "31"), ("KEPP_DEMOSI", "1")]):
        page.select_option(f'[name="daftar_hukuman-{row}-kode"]', kode)
        page.fill(f'[name="daftar_hukuman-{row}-lama"]', lama)
        page.fill(f'[name="daftar_hukuman-{row}-mulai"]', "2026-11-10")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.click("button:has-text('Ajukan')")

    assert page.inner_text("#err-daftar_hukuman") == (
        "Hukuman baris 1: lama hukuman ini paling lama 30 hari kerja (Perpol 7/2022).")
    assert page.input_value('[name="daftar_hukuman-0-lama"]') == "31"
    assert page.input_value('[name="daftar_hukuman-1-kode"]') == "KEPP_DEMOSI"
    page.fill('[name="daftar_hukuman-0-lama"]', "30")
    fill_document(page, "KEP/9/XI/2026", jenis="PUTUSAN_SIDANG")  # a file is chosen again
    submit_start(page, record_id, "DIAJUKAN (UPDATE)")
    approve_both(desk("kaurlitpers"), desk("kasubbid"), "Update II")

    page.goto(f"/catatan/{record_id}")
    assert page.inner_text("#record-status") == "PENGAWASAN"
    assert "30 hari kerja, mulai 10 November 2026" in page.inner_text("ol.tahapan")
    kabid = desk("kabid").page
    kabid.set_viewport_size({"width": width, "height": 844})
    kabid.goto(f"/catatan/{record_id}")
    kabid.click("#person-link")
    assert "Bersih sejak: 10 November 2027" in kabid.inner_text("#bersih-sejak")
    assert kabid.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
