"""Penghargaan through HTTP, as the rekam jejak holds "pelanggaran dan penghargaan": the
operator records an award, Kaurlitpers and Kasubbid Paminal approve it, and only then it is
on the person page and in the rekam jejak letter; refusals and bad input included."""

from __future__ import annotations

from sqlalchemy import select

from processes.db.audit_actions import AKSES_DITOLAK, TAMBAH_PENGHARGAAN, TOLAK_PENGHARGAAN
from processes.records.award_models import Award
from processes.records.models import Person
from tests.support.access_flows import issue_letter, letters_listed
from tests.support.audit import entries
from tests.support.data import NRP_AIPDA, penghargaan_data
from tests.support.flows import record_in_proses
from tests.support.letters import pdf_text
from tests.support.pages import (
    instance_of,
    only_task,
    parse,
    person_path,
    post_decision,
    post_start,
)
from tests.support.web_flows import text_by_id


def post_penghargaan(client, pdf: bytes | None = None, **overrides: str):
    if pdf is None:
        return post_start(client, "penghargaan", penghargaan_data(**overrides))
    return post_start(client, "penghargaan", penghargaan_data(**overrides), pdf=pdf)


def test_award_returned_fixed_approved_shows_on_person_page_and_rekam_jejak(client, auth, session):
    record_in_proses(session, username="op.kapuas")  # the person has a catpers on file
    auth.login("operator")
    instance_id = instance_of(post_penghargaan(client, nomor_keputusan="Kep/12/X/2026"))
    assert session.scalar(select(Award)) is None  # nothing on file while it waits

    auth.login("kaurlitpers")
    page = client.get(f"/tugas/{only_task(client).task_id}").get_data(as_text=True)
    assert "Kep/12/X/2026" in page
    post_decision(client, instance_id, "KEMBALIKAN", "Nomor keputusan keliru")

    auth.login("operator")
    fix_id = only_task(client).task_id
    page = client.get(f"/tugas/{fix_id}").get_data(as_text=True)
    assert "Nomor keputusan keliru" in page and 'value="Kep/12/X/2026"' in page
    fixed = client.post(f"/tugas/{fix_id}", data={"nomor_keputusan": "Kep/123/X/2026"},
                        content_type="multipart/form-data")
    assert fixed.status_code == 302
    assert session.scalar(select(Award)) is None

    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU")
    auth.login("kasubbid")
    post_decision(client, instance_id, "SETUJU")

    session.expire_all()
    award = session.scalar(select(Award))
    assert award.nomor_keputusan == "Kep/123/X/2026" and award.person.nomor_identitas == NRP_AIPDA
    assert [e.target for e in entries(session, TAMBAH_PENGHARGAAN)] == [NRP_AIPDA]

    page = parse(client.get(person_path(session, NRP_AIPDA)))
    shown = text_by_id(page, "penghargaan")
    assert "Piagam Penghargaan" in shown and "Kep/123/X/2026 (5 Oktober 2026)" in shown
    assert "Kapolda Kalimantan Tengah" in shown

    letter = issue_letter(client, auth, session, jenis_permohonan="REKAM_JEJAK",
                          dokumen_perihal="Permintaan rekam jejak")
    auth.login("operator")
    text = pdf_text(client.get(letters_listed(client)[letter.nomor]["href"]).data)
    awards = text.split("PENGHARGAAN", 1)[1].split("SKHP YANG TELAH DITERBITKAN", 1)[0]
    assert "Piagam Penghargaan, Kep/123/X/2026 (5 Oktober 2026)" in " ".join(awards.split())
    assert "Kapolda Kalimantan Tengah" in awards


def test_a_refused_award_is_never_on_file(client, auth, session):
    auth.login("operator")
    instance_id = instance_of(post_penghargaan(client, nomor_identitas="86061234"))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "TOLAK", "Bukan penghargaan dari satuan ini")
    session.expire_all()
    assert session.scalar(select(Award)) is None
    assert session.scalar(select(Person).where(Person.nomor_identitas == "86061234")) is None
    assert [e.target for e in entries(session, TOLAK_PENGHARGAAN)] == ["86061234"]


def test_a_role_that_may_not_start_it_is_refused_and_audited(client, auth, session):
    auth.login("kapolda")
    before = len(entries(session, AKSES_DITOLAK))
    assert client.get("/ajukan/penghargaan").status_code == 403
    response = post_penghargaan(client)
    assert response.status_code == 403
    assert session.scalar(select(Award)) is None
    session.expire_all()
    assert len(entries(session, AKSES_DITOLAK)) >= before + 2
    auth.login("operator")
    assert "/ajukan/penghargaan" in client.get("/").get_data(as_text=True)
    auth.login("kaurlitpers")
    assert "/ajukan/penghargaan" not in client.get("/").get_data(as_text=True)


def test_bad_input_gives_indonesian_messages_and_keeps_what_was_typed(client, auth, session):
    auth.login("operator")
    response = post_penghargaan(client, nomor_keputusan="", tanggal_keputusan="2026-13-45",
                                pemberi="Kapolres Kapuas")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert text_by_id(parse(page), "err-nomor_keputusan")
    assert text_by_id(parse(page), "err-tanggal_keputusan")
    assert 'value="Kapolres Kapuas"' in page
    assert text_by_id(parse(page), "file-dokumen_file").startswith("Berkas tersimpan: dokumen.pdf")

    response = post_penghargaan(client, pdf=b"bukan pdf", tanggal_keputusan="2099-01-01")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Berkas harus PDF yang utuh." in page
    assert "Tanggal dokumen tidak boleh di masa depan." in page
    assert 'value="Kep/123/X/2026"' in page
    assert session.scalar(select(Award)) is None
