"""Forms in a real browser, on a desktop and on a phone: a form that comes back with errors
keeps its PDF (shown by name) and links each flagged field; a long pick list is searched
by typing."""

from __future__ import annotations

import pytest

from tests.e2e.test_pencatatan_browser import fill_pencatatan
from tests.support.data import MINIMAL_PDF

pytestmark = pytest.mark.e2e

WIDTHS = [1366, 390]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_refused_pencatatan_keeps_its_pdf_and_links_the_flagged_field(desk, width):
    page = desk("operator").page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/ajukan/pencatatan")
    fill_pencatatan(page, nomor_identitas="12AB")
    page.set_input_files("#f-dokumen_file", files=[
        {"name": "lp-yanduan.pdf", "mimeType": "application/pdf", "buffer": MINIMAL_PDF}])
    page.click("button:has-text('Ajukan')")

    assert "Berkas tersimpan: lp-yanduan.pdf" in page.inner_text("#file-dokumen_file")
    page.click('#error-summary a[href="#f-nomor_identitas"]')
    assert page.evaluate("document.activeElement.id") == "f-nomor_identitas"
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    page.fill("#f-nomor_identitas", "85051234")  # the PDF is not chosen again
    page.click("button:has-text('Ajukan')")
    assert page.inner_text("#record-status") == "DIAJUKAN (DICATAT)"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_pasal_list_is_searched_by_typing(desk, width):
    page = desk("operator").page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/ajukan/pencatatan")
    page.select_option("#f-personel", "POLRI")
    page.select_option("#f-jenis_pelanggaran", "DISIPLIN")
    page.fill("#cari-f-pasal", "pasal 4 huruf f")
    shown = page.eval_on_selector_all(
        "#f-pasal option", "os => os.filter(o => o.value && !o.hidden).map(o => o.value)")
    assert shown == ["PP2-2003-P4-f"]
    assert page.inner_text("#jumlah-f-pasal") == "1 pilihan cocok"
    page.press("#cari-f-pasal", "Enter")
    assert page.input_value("#f-pasal") == "PP2-2003-P4-f"
    assert page.url.endswith("/ajukan/pencatatan")  # Enter chose, it did not send the form
    page.select_option("#f-jenis_pelanggaran", "KEPP")  # what fits the jenis still rules
    kepp = page.eval_on_selector_all(
        "#f-pasal option", "os => os.filter(o => o.value && !o.hidden).map(o => o.value)")
    assert not any(p.startswith("PP2-2003") for p in kepp)
