"""Pencatatan in a real browser: operator submits, Kaurlitpers returns for correction,
operator fixes, Kaurlitpers approves, Kasubbid Paminal approves: the record is PROSES."""

from __future__ import annotations

import pytest

from tests.support.browser import attach_pdf
from tests.support.data import pencatatan_data

pytestmark = pytest.mark.e2e

SELECTS = (
    "personel", "pangkat", "unit_kerja", "jenis_pelanggaran", "wujud_perbuatan", "pasal",
    "dokumen_jenis", "ditangani_oleh",
)


def fill_pencatatan(page, **overrides):
    data = pencatatan_data(**overrides)
    for name, value in data.items():
        if name in SELECTS:
            page.select_option(f"#f-{name}", value)
        else:
            page.fill(f"#f-{name}", value)
    attach_pdf(page, "lp.pdf")


def open_first_task(page):
    page.goto("/")
    page.click("#inbox tbody tr:first-child td:first-child a")


def test_pencatatan_reaches_proses_through_both_approvers(desk):
    operator = desk("operator")
    operator.page.click("text=+ Pencatatan Catatan Personel")
    fill_pencatatan(operator.page)
    operator.page.click("button:has-text('Ajukan')")
    assert operator.page.inner_text("#record-status") == "DIAJUKAN (DICATAT)"
    instance_url = operator.page.url
    operator.page.wait_for_selector("#diagram[data-ready=true]")
    assert operator.page.locator("#diagram .waiting").count() == 1  # Kaurlitpers' task

    kaur = desk("kaurlitpers")
    assert kaur.page.inner_text("#inbox-count") == "1"
    open_first_task(kaur.page)
    assert "Budi Hartono" in kaur.page.inner_text("#summary")
    kaur.page.check("input[name=keputusan][value=KEMBALIKAN]")
    kaur.page.fill("#f-catatan", "Nomor LP salah ketik")
    kaur.page.click("button:has-text('Kirim')")
    assert "selesai" in kaur.page.inner_text(".flash-success")

    open_first_task(operator.page)
    assert "Nomor LP salah ketik" in operator.page.inner_text("#return-reason")
    assert operator.page.input_value("#f-nama") == "Budi Hartono"
    operator.page.fill("#f-dokumen_nomor", "LP/A/77/X/2026/Yanduan")
    operator.page.click("button:has-text('Kirim')")

    open_first_task(kaur.page)
    assert "LP/A/77/X/2026/Yanduan" in kaur.page.inner_text("#summary")
    kaur.page.check("input[name=keputusan][value=SETUJU]")
    kaur.page.click("button:has-text('Kirim')")

    kasubbid = desk("kasubbid")
    open_first_task(kasubbid.page)
    kasubbid.page.check("input[name=keputusan][value=SETUJU]")
    kasubbid.page.click("button:has-text('Kirim')")
    assert kasubbid.page.inner_text("#inbox-count") == "0"

    operator.page.goto(instance_url)
    assert operator.page.inner_text("#record-status") == "PROSES"
    operator.page.click("#record-status >> xpath=preceding-sibling::a")
    assert "LP/A/77/X/2026/Yanduan" in operator.page.inner_text("main")
    assert "PROSES" in operator.page.inner_text("#status-history")


def test_bad_input_is_explained_in_indonesian_and_typed_values_stay(desk):
    operator = desk("operator")
    operator.page.goto("/ajukan/pencatatan")
    fill_pencatatan(operator.page, nomor_identitas="12AB", nama="Siti Aminah")
    operator.page.click("button:has-text('Ajukan')")
    assert "tidak sesuai format" in operator.page.inner_text("#err-nomor_identitas")
    assert operator.page.input_value("#f-nama") == "Siti Aminah"
    assert operator.page.input_value("#f-pangkat") == "AIPDA"


def test_other_polres_operator_is_refused_the_task(desk):
    kapuas = desk("op.kapuas")
    kapuas.page.goto("/ajukan/pencatatan")
    fill_pencatatan(kapuas.page)
    kapuas.page.click("button:has-text('Ajukan')")
    kaur = desk("kaurlitpers")
    open_first_task(kaur.page)
    task_url = kaur.page.url
    barsel = desk("op.barsel")
    assert barsel.page.inner_text("#inbox-count") == "0"
    barsel.page.goto(task_url)
    assert "Akses ditolak" in barsel.page.inner_text("h1")
    operator = desk("operator")
    operator.page.goto(task_url)
    assert "tidak berwenang" in operator.page.inner_text("#error-message")


def visible_pasal(page) -> list[str]:
    page.wait_for_load_state()  # the deferred script narrows the list once it has run
    return page.eval_on_selector_all(
        "#f-pasal option", "os => os.filter(o => o.value && !o.hidden).map(o => o.value)")


@pytest.mark.parametrize("width", [1366, 390])
def test_pasal_and_wujud_follow_the_chosen_jenis(desk, width):
    page = desk("operator").page
    page.set_viewport_size({"width": width, "height": 900})
    page.click("text=+ Pencatatan Catatan Personel")
    page.select_option("#f-personel", "POLRI")
    page.select_option("#f-jenis_pelanggaran", "KEPP")
    kepp = visible_pasal(page)
    assert "PERPOL7-2022-P10" in kepp and not any(p.startswith("PP2-2003") for p in kepp)
    page.select_option("#f-pasal", "PERPOL7-2022-P10")
    page.select_option("#f-jenis_pelanggaran", "DISIPLIN")
    disiplin = visible_pasal(page)
    assert "PP2-2003-P4-f" in disiplin and not any(p.startswith("PERPOL") for p in disiplin)
    assert page.input_value("#f-pasal") == ""  # the KEPP pasal no longer fits
    page.select_option("#f-personel", "ASN")
    assert all(p.startswith("PP94-2021") for p in visible_pasal(page))
    wujud = page.eval_on_selector_all(
        "#f-wujud_perbuatan option", "os => os.filter(o => o.value && !o.hidden).map(o => o.value)")
    assert "MABUK_MIRAS" in wujud and "PENGANIAYAAN" not in wujud
