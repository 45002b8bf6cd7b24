"""The access module in a real browser: an operator requests an SKHP (using CEK), Kaurlitpers
and the authority by rank approve, the operator downloads the letter and its QR address
verifies it; Kabid Propam revokes it; an AKP's request reaches Kabid; a Polres operator is
refused a record and, after an approved akses khusus, reads the person."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from processes.letters.models import Letter
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import TASK_KABID, TASK_KASUBBID, TASK_KAURLITPERS
from tests.support.browser import attach_pdf, confirm_password, decide_in_browser, open_task
from tests.support.data import (
    NAMA_AIPDA,
    NAMA_AKP,
    NRP_AIPDA,
    NRP_AKP,
    akses_khusus_fields,
    permohonan_fields,
)
from tests.support.flows import record_in_proses
from tests.support.letters import pdf_text, verify_token_in
from tests.support.pages import person_path

pytestmark = pytest.mark.e2e

SELECTS = {"peruntukan", "dokumen_jenis", "personel", "pangkat", "kesatuan", "agama",
           "pejabat_pembaca"}
RADIOS = {"jenis_permohonan", "jenis_kelamin", "dasar", "peminta_khusus", "kepentingan"}


def fill_form(page, data: dict[str, str]) -> None:
    for name, value in data.items():
        if not value:
            continue
        if name in SELECTS:
            page.select_option(f"#f-{name}", value)
        elif name in RADIOS:
            page.check(f"input[name={name}][value={value}]")
        else:
            page.fill(f"#f-{name}", value)
    attach_pdf(page, "surat-permintaan.pdf")


def cek(page, nomor: str) -> str:
    """Type the NRP/NIP, press CEK, and read what the check says."""
    out = page.locator("#check-nomor_identitas")
    page.fill("#f-nomor_identitas", nomor)
    previous = out.inner_text()
    page.click("button.check-button[data-target=f-nomor_identitas]")
    expect(out).not_to_have_text(previous or re.compile(r"^$"))
    return out.inner_text()


def request_skhp(desk, **overrides: str):
    operator = desk("operator")
    operator.page.click("text=+ Permohonan SKHP / Rekam Jejak")
    fill_form(operator.page, permohonan_fields(**overrides))
    operator.page.click("button:has-text('Ajukan')")
    expect(operator.page.locator(".flash-success")).to_contain_text("berhasil diajukan")
    return operator


def the_letter(session_factory) -> Letter:
    with session_factory() as s:
        letters = list(s.scalars(select(Letter)))
        assert len(letters) == 1, letters
        s.expunge_all()
        return letters[0]


def public_page(browser, live_server):
    """A browser nobody is signed in to: what anyone scanning the QR code gets."""
    context = browser.new_context(base_url=live_server, locale="id-ID")
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_skhp_request_to_verified_and_revoked_letter(desk, browser, live_server, session_factory):
    with session_factory() as s:
        record_in_proses(s, username="op.kapuas")  # a disiplin record in PROSES

    operator = desk("operator")
    operator.page.click("text=+ Permohonan SKHP / Rekam Jejak")
    expect(operator.page.locator("h1")).to_have_text("Permohonan SKHP / Rekam Jejak")
    data = permohonan_fields()
    del data["nomor_identitas"]
    fill_form(operator.page, data)
    assert cek(operator.page, "8505123") == "NRP harus 8 digit angka."
    assert "bad" in operator.page.get_attribute("#check-nomor_identitas", "class")
    assert cek(operator.page, NRP_AIPDA) == (  # not in the data induk: typed by hand
        "Nomor sesuai format. Tidak ada di data induk personel; isi data secara manual.")
    assert "ok" in operator.page.get_attribute("#check-nomor_identitas", "class")
    operator.page.click("button:has-text('Ajukan')")
    expect(operator.page.locator(".flash-success")).to_contain_text("berhasil diajukan")

    kaur = desk("kaurlitpers")
    expect(kaur.page.locator("#inbox-count")).to_have_text("1")
    open_task(kaur.page, TASK_KAURLITPERS)
    summary = kaur.page.inner_text("#summary")
    assert NAMA_AIPDA in summary and NRP_AIPDA in summary
    decide_in_browser(kaur.page, TASK_KAURLITPERS)

    kabid = desk("kabid")
    expect(kabid.page.locator("#inbox-count")).to_have_text("0")  # an AIPDA is not Kabid's
    kasubbid = desk("kasubbid")
    expect(kasubbid.page.locator("#inbox-count")).to_have_text("1")
    decide_in_browser(kasubbid.page, TASK_KASUBBID)
    expect(kasubbid.page.locator("#inbox-count")).to_have_text("0")

    letter = the_letter(session_factory)
    operator.page.goto("/surat")
    link = operator.page.locator("#letters tbody tr:first-child td:first-child a")
    expect(link).to_have_text(letter.nomor)
    expect(operator.page.locator(f"#letter-{letter.id}")).to_contain_text("BERLAKU")
    expect(operator.page.locator(f"#letter-{letter.id} form")).to_have_count(0)  # no revoking
    href = link.get_attribute("href")
    response = operator.page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    pdf = response.body()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert letter.nomor in text and "BUDI HARTONO" in text and "MASIH DALAM PROSES" in text
    token = verify_token_in(text)
    assert token == letter.verify_token

    context, public = public_page(browser, live_server)
    try:
        public.goto(f"/verifikasi/{token}")
        expect(public.locator("#status")).to_have_text("BERLAKU")
        expect(public.locator("#nomor")).to_have_text(letter.nomor)
        verification = public.inner_text("#verification")
        assert NAMA_AIPDA in verification and "MASIH DALAM PROSES" not in verification
        assert "Tidak masuk dinas" not in public.inner_text("body")
        public.set_input_files("#berkas", files=[
            {"name": "surat.pdf", "mimeType": "application/pdf", "buffer": pdf}])
        public.click("#compare button[type=submit]")
        expect(public.locator("#compare-result")).to_contain_text(
            "sama dengan surat yang diterbitkan")

        kabid.page.goto("/surat")
        row = kabid.page.locator(f"#letter-{letter.id}")
        row.locator("summary:has-text('Cabut surat')").click()
        row.locator("input[name=alasan]").fill("Data identitas keliru")
        row.locator("input[name=konfirmasi_sandi]").fill(DEMO_PASSWORD)
        asked = []
        kabid.page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
        row.locator("button:has-text('Cabut')").click()  # dismissed: nothing is revoked
        assert asked and letter.nomor in asked[0]
        expect(row).to_contain_text("BERLAKU")
        kabid.page.once("dialog", lambda dialog: dialog.accept())
        row.locator("button:has-text('Cabut')").click()
        expect(kabid.page.locator(".flash-success")).to_have_text("Surat telah dicabut.")
        expect(kabid.page.locator(f"#letter-{letter.id}")).to_contain_text("DICABUT")
        expect(kabid.page.locator(f"#letter-{letter.id}")).to_contain_text("Data identitas keliru")

        public.reload()
        expect(public.locator("#status")).to_have_text("DICABUT")
        public.goto(f"/verifikasi/{token[:-1]}")
        expect(public.locator("h1")).to_have_text("Surat tidak ditemukan")
        assert letter.nomor not in public.content()
    finally:
        context.close()


def test_an_akp_request_reaches_kabid_and_the_letter_is_signed_by_kabid(desk, session_factory):
    request_skhp(desk, nomor_identitas=NRP_AKP, nama=NAMA_AKP, pangkat="AKP")
    kaur = desk("kaurlitpers")
    decide_in_browser(kaur.page, TASK_KAURLITPERS)

    kasubbid = desk("kasubbid")
    expect(kasubbid.page.locator("#inbox-count")).to_have_text("0")  # an AKP is not Kasubbid's
    kabid = desk("kabid")
    expect(kabid.page.locator("#inbox-count")).to_have_text("1")
    row = kabid.page.locator("#inbox tbody tr").first
    expect(row).to_contain_text(TASK_KABID)
    expect(row).to_contain_text(NRP_AKP)
    decide_in_browser(kabid.page, TASK_KABID)

    letter = the_letter(session_factory)
    operator = desk("operator")
    operator.page.goto("/surat")
    expect(operator.page.locator(f"#letter-{letter.id}")).to_contain_text(NAMA_AKP)
    response = operator.page.request.get(f"/surat/{letter.id}.pdf")
    assert response.status == 200 and response.body().startswith(b"%PDF")
    text = pdf_text(response.body())
    assert "KEPALA BIDANG PROPAM" in text and "a.n." not in text and "RUDI SANTOSO" in text


def test_polres_operator_is_refused_then_reads_the_person_after_akses_khusus(desk, session_factory):
    with session_factory() as s:
        record = record_in_proses(s, username="op.kapuas")
        record_id, budi = record.id, person_path(s, NRP_AIPDA)

    barsel = desk("op.barsel")
    barsel.page.goto(f"/catatan/{record_id}")
    expect(barsel.page.locator("h1")).to_have_text("Akses ditolak")
    expect(barsel.page.locator("#error-message")).to_contain_text("tidak berwenang")
    assert NAMA_AIPDA not in barsel.page.content()
    barsel.page.goto(budi)
    expect(barsel.page.locator("h1")).to_have_text("Akses ditolak")

    barsel.page.goto("/")
    barsel.page.click("text=+ Permohonan Akses Khusus")
    fill_form(barsel.page, akses_khusus_fields())
    barsel.page.click("button:has-text('Ajukan')")
    expect(barsel.page.locator(".flash-success")).to_contain_text("berhasil diajukan")

    kabid = desk("kabid")
    open_task(kabid.page, "Keputusan Kabid Propam")
    assert "Atensi Kapolda" in kabid.page.inner_text("main")
    kabid.page.check("input[name=keputusan][value=SETUJU]")
    kabid.page.fill("#f-masa_hari", "7")
    confirm_password(kabid.page)
    kabid.page.click("button:has-text('Kirim')")
    expect(kabid.page.locator(".flash-success")).to_contain_text("selesai")

    barsel.page.goto(budi)
    expect(barsel.page.locator("h1")).to_contain_text(NAMA_AIPDA)
    expect(barsel.page.locator(f"#record-{record_id}")).to_contain_text("PROSES")
    barsel.page.click(f"#record-{record_id} h2 a")
    expect(barsel.page.locator("#record-status")).to_have_text("PROSES")
    assert "LP/A/12/X/2026/Yanduan" in barsel.page.inner_text("main")
