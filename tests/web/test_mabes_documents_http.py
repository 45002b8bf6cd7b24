"""A record that Mabes Polri handles (ditangani oleh or limpah MABES) gets its putusan from
Mabes: Update II–IV ask the Polda operator for the Mabes document (its nomor, tanggal, the
Mabes unit that issued it and its PDF) instead of the Polda's own. The diagrams' gateway
`Gateway_Mabes` chooses the form on the record's mark; the record page shows the document
as Mabes'. A record the Polda handles keeps the usual form."""

from __future__ import annotations

from tests.support.data import MINIMAL_PDF, UPDATE_I, putusan, reference_document
from tests.support.flows import approve, record_in_proses, refreshed
from tests.support.pages import (
    instance_of,
    parse,
    post_decision,
    post_start,
    squash,
    start_url,
    task_of,
)
from tests.support.web_flows import text_by_id

MABES_DOCUMENT = reference_document(nomor="PUT/12/XII/2026/Divpropam", jenis="PUTUSAN_SIDANG",
                                    tanggal="2026-12-01", perihal="Putusan sidang disiplin")


def _update_i(client, session, record, limpah: str) -> None:
    """Update I (the DP3D a putusan of disiplin follows) with its limpah, approved."""
    response = post_start(client, "update_i", {
        **UPDATE_I, "limpah": limpah, **reference_document("BP/9/XI/2026")}, MINIMAL_PDF,
        record_id=record.id)
    session.expire_all()  # the web request wrote the record: the runtime reads it afresh
    approve(session, instance_of(response))


def _start_form(client, record) -> dict[str, str]:
    """The Update II start form's fields, by name, with the title of its document section."""
    page = parse(client.get(start_url("update_ii", record.id)))
    names = {e.get("name") for e in page.xpath("//form//*[@name]")}
    return {"fields": names, "text": squash(page.text_content())}


def test_a_record_limpah_to_mabes_records_the_mabes_putusan_at_update_ii(client, auth, session):
    record = record_in_proses(session)
    auth.login("operator")
    _update_i(client, session, record, "MABES")
    assert refreshed(session, record).ditangani_mabes

    form = _start_form(client, record)
    assert "dokumen_penerbit" in form["fields"]
    assert "Dokumen Mabes Polri" in form["text"]
    assert "Nomor putusan / surat Mabes Polri" in form["text"]

    response = post_start(client, "update_ii", {
        **MABES_DOCUMENT, "dokumen_penerbit": "DIVPROPAM", **putusan("DISIPLIN_PATSUS")},
        MINIMAL_PDF, record_id=record.id)
    assert response.status_code == 302, response.get_data(as_text=True)
    session.expire_all()
    approve(session, instance_of(response))

    auth.login("kabid")
    page = parse(client.get(f"/catatan/{record.id}"))
    shown = page.xpath('//*[@id="mabes-document-UPDATE_II"]')
    assert shown and "Divpropam Polri" in squash(shown[0].text_content())
    row = shown[0].xpath("ancestor::tr")[0]
    assert "PUT/12/XII/2026/Divpropam" in squash(row.text_content())
    issued_by = page.xpath('//ol[contains(@class, "tahapan")]//dt[text()='
                           '"Dokumen dari Mabes Polri, diterbitkan oleh"]/following-sibling::dd[1]')
    assert [squash(dd.text_content()) for dd in issued_by] == ["Divpropam Polri"]


def test_a_mabes_form_without_the_issuing_unit_is_refused_and_keeps_what_was_typed(
    client, auth, session
):
    record = record_in_proses(session, ditangani_oleh="MABES")
    auth.login("operator")
    _update_i(client, session, record, "MABES")
    fields = {**MABES_DOCUMENT, **putusan("DISIPLIN_PATSUS")}
    response = post_start(client, "update_ii", fields, MINIMAL_PDF, record_id=record.id)
    assert response.status_code == 422
    page = parse(response)
    assert page.xpath('//*[@name="dokumen_nomor"]')[0].get("value") == MABES_DOCUMENT["dokumen_nomor"]
    assert page.xpath('//*[@id="err-dokumen_penerbit"]')
    assert "Satker Mabes Polri penerbit" in squash(page.xpath('//*[@id="error-summary"]')[0]
                                                   .text_content())
    assert refreshed(session, record).status == "PROSES"


def test_a_record_the_polda_handles_gets_the_usual_putusan_form(client, auth, session):
    record = record_in_proses(session)
    auth.login("operator")
    _update_i(client, session, record, "POLDA")
    form = _start_form(client, record)
    assert "dokumen_penerbit" not in form["fields"]
    assert "Dokumen Mabes Polri" not in form["text"]
    assert "dokumen_nomor" in form["fields"]

    response = post_start(client, "update_ii", {
        **reference_document(nomor="KEP/77/XI/2026"), **putusan("DISIPLIN_PATSUS"),
        "dokumen_penerbit": "DIVPROPAM"}, MINIMAL_PDF, record_id=record.id)
    session.expire_all()
    approve(session, instance_of(response))
    auth.login("kabid")
    page = parse(client.get(f"/catatan/{record.id}"))
    assert page.xpath('//*[starts-with(@id, "mabes-document")]') == []


def test_a_returned_mabes_putusan_comes_back_on_the_mabes_form_with_the_reason(
    client, auth, session
):
    record = record_in_proses(session, ditangani_oleh="MABES")
    auth.login("operator")
    _update_i(client, session, record, "MABES")
    response = post_start(client, "update_ii", {
        **MABES_DOCUMENT, "dokumen_penerbit": "ROPROVOS", **putusan("DISIPLIN_PATSUS")},
        MINIMAL_PDF, record_id=record.id)
    instance_id = instance_of(response)

    auth.login("kaurlitpers")
    check = parse(client.get(f"/tugas/{task_of(client, instance_id).task_id}"))
    assert "Roprovos Divpropam Polri" in squash(check.text_content())  # the summary says whose
    post_decision(client, instance_id, "KEMBALIKAN", "Lampirkan putusan yang ditandatangani")

    auth.login("operator")
    fix = task_of(client, instance_id)
    assert fix.title == "Perbaiki data Update II (dokumen Mabes Polri)"
    page = parse(client.get(f"/tugas/{fix.task_id}"))
    assert "Lampirkan putusan yang ditandatangani" in text_by_id(page, "return-reason")
    assert page.xpath('//select[@name="dokumen_penerbit"]/option[@selected]/@value') == ["ROPROVOS"]
