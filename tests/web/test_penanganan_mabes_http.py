"""Ditangani oleh / limpah MABES: a record that Mabes Polri handles (pencatatan "ditangani
oleh MABES", or Update I "limpah MABES") is marked so on its page, the person's page, the
record list and in the SKHP and rekam jejak; Polda still records it. The latest word wins:
a limpah POLDA takes the mark away."""

from __future__ import annotations

from processes.records.penanganan import MARK
from tests.support.access_checks import download
from tests.support.access_flows import issue_letter
from tests.support.data import MINIMAL_PDF, NRP_AIPDA, UPDATE_I, reference_document
from tests.support.flows import approve, record_in_proses, refreshed
from tests.support.letters import pdf_text
from tests.support.pages import instance_of, parse, person_path, post_start, squash


def _marked(client, session, record) -> dict[str, bool]:
    """Where the mark shows, as Kabid Propam reads the record, the person and the list."""
    record_page = parse(client.get(f"/catatan/{record.id}"))
    person = parse(client.get(person_path(session, NRP_AIPDA)))
    listed = parse(client.post("/catatan", data={"q": NRP_AIPDA}))
    return {
        "catatan": bool(record_page.xpath('//*[@id="mark-mabes"]')),
        "personel": MARK in squash(person.xpath(f'//*[@id="record-{record.id}"]//h2')[0].text_content()),
        "daftar": MARK in squash(" ".join(td.text_content() for td in listed.xpath("//tbody//td"))),
    }


EVERYWHERE = {"catatan": True, "personel": True, "daftar": True}
NOWHERE = {"catatan": False, "personel": False, "daftar": False}


def _update_i(client, session, record, limpah: str) -> None:
    response = post_start(client, "update_i", {
        **UPDATE_I, "limpah": limpah, **reference_document("BP/9/XI/2026")}, MINIMAL_PDF,
        record_id=record.id)
    session.expire_all()  # the web request wrote the record: the runtime reads it afresh
    approve(session, instance_of(response))


def test_a_record_ditangani_mabes_is_marked_everywhere_and_in_the_skhp(client, auth, session):
    record = record_in_proses(session, ditangani_oleh="MABES")
    assert record.ditangani_mabes
    auth.login("kabid")
    assert _marked(client, session, record) == EVERYWHERE
    letter = issue_letter(client, auth, session)
    text = pdf_text(download(client, letter.id).data)
    assert f"status PROSES, {MARK}" in squash(text)


def test_limpah_mabes_at_update_i_marks_the_record_and_limpah_polda_unmarks_it(
    client, auth, session
):
    record = record_in_proses(session)  # ditangani oleh POLDA
    auth.login("kabid")
    assert _marked(client, session, record) == NOWHERE
    auth.login("operator")
    _update_i(client, session, record, "MABES")
    assert refreshed(session, record).ditangani_mabes
    auth.login("kabid")
    assert _marked(client, session, record) == EVERYWHERE
    letter = issue_letter(client, auth, session, jenis_permohonan="REKAM_JEJAK",
                          dokumen_perihal="Permintaan rekam jejak")
    assert f"PROSES ({MARK})" in squash(pdf_text(download(client, letter.id).data))

    other = record_in_proses(session, ditangani_oleh="MABES", nomor_identitas="90030456",
                             nama="Andika Prasetyo")
    auth.login("operator")
    _update_i(client, session, other, "POLDA")  # Mabes delegated it back to the Polda
    assert not refreshed(session, other).ditangani_mabes
