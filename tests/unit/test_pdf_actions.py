"""Uploaded PDFs with scripts or automatic actions are refused; plain scans pass."""

import io

import pikepdf
import pytest

from processes.records.documents import check_pdf
from tests.support.data import MINIMAL_PDF


def pdf_with(**root_entries) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    for key, value in root_entries.items():
        pdf.Root[f"/{key}"] = pdf.make_indirect(value) if isinstance(value, pikepdf.Dictionary) else value
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def js_action():
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))


def test_a_plain_pdf_passes():
    assert check_pdf(MINIMAL_PDF) is None
    assert check_pdf(pdf_with()) is None


def test_an_open_destination_is_harmless():
    page_fit = pikepdf.Array([0, pikepdf.Name.Fit])
    assert check_pdf(pdf_with(OpenAction=page_fit)) is None


@pytest.mark.parametrize("entries", [
    {"OpenAction": js_action()},
    {"OpenAction": pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))},
    {"AA": pikepdf.Dictionary(O=js_action())},
    {"Names": pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array()))},
])
def test_scripts_and_automatic_actions_are_refused(entries):
    message = check_pdf(pdf_with(**entries))
    assert message is not None and message.startswith("Berkas PDF memuat skrip")


def test_a_pdf_that_cannot_be_read_is_refused():
    assert check_pdf(b"%PDF-1.4\nrubbish\n%%EOF\n") == "Berkas harus PDF yang utuh."
