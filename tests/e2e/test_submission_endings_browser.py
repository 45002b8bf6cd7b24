"""Refusing and withdrawing in a real browser, at desktop and phone width: Kaurlitpers
refuses a submission with a reason the operator then reads in the record's Tahapan; the
operator withdraws an update that came back for correction from its process page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support.browser import decide_in_browser
from tests.support.data import UPDATE_I
from tests.support.flows import decide, record_in_proses, submit_update

pytestmark = pytest.mark.e2e


def _update_i(session_factory, returned: bool = False) -> tuple[int, int]:
    with session_factory() as session:
        record = record_in_proses(session)
        instance = submit_update(session, "update_i", record, UPDATE_I)
        if returned:
            decide(session, "kaurlitpers", instance, "KEMBALIKAN", "Lengkapi nomor berkas")
        return record.id, instance


@pytest.mark.parametrize("width", [1366, 390])
def test_kaurlitpers_refuses_and_the_operator_reads_the_reason(desk, session_factory, width):
    record_id, _ = _update_i(session_factory)
    kaurlitpers = desk("kaurlitpers")
    kaurlitpers.page.set_viewport_size({"width": width, "height": 844})
    decide_in_browser(kaurlitpers.page, "Periksa Update I (Kaurlitpers)", "TOLAK",
                      "Berkas DP3D milik anggota lain")
    operator = desk("operator").page
    operator.set_viewport_size({"width": width, "height": 844})
    operator.goto(f"/catatan/{record_id}")
    expect(operator.locator("#record-status")).to_have_text("PROSES")
    last = operator.locator("ol.tahapan > li").last
    expect(last).to_contain_text("ditolak")
    expect(last).to_contain_text("Berkas DP3D milik anggota lain")


@pytest.mark.parametrize("width", [1366, 390])
def test_the_operator_withdraws_a_returned_update(desk, session_factory, width):
    record_id, instance = _update_i(session_factory, returned=True)
    page = desk("operator").page
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"/proses/{instance}")
    page.fill("#alasan", "Salah memilih catatan")
    page.click("#withdraw button:has-text('Tarik pengajuan')")
    expect(page.locator(".flash-success")).to_contain_text("Pengajuan ditarik")
    page.goto(f"/catatan/{record_id}")
    expect(page.locator("#record-status")).to_have_text("PROSES")
    expect(page.locator("ol.tahapan > li").last).to_contain_text("Salah memilih catatan")
