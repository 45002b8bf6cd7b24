"""Input no form or link would send: huge numbers, dates at the end of the calendar,
control characters in a file name. Each gets a page or a clear message, never a 500."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import select

from processes.records.models import StoredFile
from tests.support.data import MINIMAL_PDF, pencatatan_data
from tests.support.pages import pdf_upload

HUGE = "99999999999999999999"


@pytest.fixture
def no_500(app):
    """Unexpected errors become the 500 page, as in production, so a test can see them."""
    app.config["PROPAGATE_EXCEPTIONS"] = False


@pytest.mark.parametrize("path", [
    f"/proses/{HUGE}", f"/proses/{HUGE}/diagram.bpmn", f"/catatan/{HUGE}",
    f"/catatan/{HUGE}/dokumen/PENCATATAN", f"/surat/{HUGE}.pdf", "/proses/2147483648",
])
def test_an_id_no_row_can_have_is_not_found(client, auth, no_500, path):
    auth.login("kabid")
    assert client.get(path).status_code == 404


def test_posting_to_an_id_no_row_can_have_is_not_found(client, auth, no_500):
    auth.login("admin")
    assert client.post(f"/admin/pengguna/{HUGE}", data={"role": "OPERATOR"}).status_code == 404
    assert client.post(f"/admin/butir/{HUGE}", data={}).status_code == 404
    auth.login("kabid")
    assert client.post(f"/surat/{HUGE}/cabut", data={"alasan": "x"}).status_code == 404


def test_a_start_about_a_record_no_row_can_have_is_refused(client, auth, no_500):
    auth.login("operator")
    response = client.get(f"/ajukan/update_i?catatan={HUGE}")
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("query", [
    "page=9223372036854775807", "page=-3", f"page={HUGE}", "sampai=9999-12-31",
    "dari=9999-12-31", "dari=0001-01-01&sampai=9999-12-31", "sampai=0001-01-01",
])
@pytest.mark.parametrize("page", ["/catatan", "/log-akses"])
def test_paging_and_dates_at_the_edges_give_a_page(client, auth, no_500, page, query):
    auth.login("kabid")
    response = client.get(f"{page}?{query}")
    assert response.status_code == 200, response.status_code


def test_control_characters_in_an_uploads_name_are_dropped(client, auth, session, no_500):
    auth.login("operator")
    data = {**pencatatan_data(),
            "dokumen_file__upload": pdf_upload(MINIMAL_PDF, "lap\x00oran\x1b\u202e\x7f.pdf")}
    response = client.post("/ajukan/pencatatan", data=data, content_type="multipart/form-data")
    assert response.status_code == 302, response.status_code
    name = session.scalar(select(StoredFile.original_name))
    assert name == "laporan.pdf"
    assert not any(unicodedata.category(c).startswith("C") for c in name)
