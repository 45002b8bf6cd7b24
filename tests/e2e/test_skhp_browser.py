"""The SKHP's verdict and currency in a real browser: the public verification page and the
person page show the verdict and the state (desktop and 390 px); Kabid Propam reviews a
valid SKHP when a new catpers of its holder is approved, and revokes it from the task."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from processes.db.uow import UnitOfWork
from processes.letters import issue as letter_issue
from processes.letters.models import Letter
from tests.support.browser import confirm_password, open_task
from tests.support.data import NRP_AIPDA
from tests.support.flows import (
    approve,
    decide,
    letter_of,
    record_in_proses,
    submit_permohonan,
    submitted_record,
)
from tests.support.pages import person_path

pytestmark = pytest.mark.e2e

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


def issued_skhp(session_factory) -> Letter:
    with session_factory() as s:
        instance_id = submit_permohonan(s)
        decide(s, "kaurlitpers", instance_id, "SETUJU")
        decide(s, "kasubbid", instance_id, "SETUJU")
    letter_issue.render_pending(UnitOfWork(session_factory))
    with session_factory() as s:
        letter = letter_of(s, instance_id)
        s.expunge_all()
        return letter


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_the_verdict_shows_on_the_verification_and_person_pages(
    desk, browser, live_server, session_factory, viewport
):
    with session_factory() as s:
        record_in_proses(s)
    letter = issued_skhp(session_factory)
    context = browser.new_context(base_url=live_server, locale="id-ID", viewport=viewport)
    try:
        public = context.new_page()
        public.goto(f"/verifikasi/{letter.verify_token}")
        expect(public.locator("#status")).to_have_text("BERLAKU")
        expect(public.locator("#kesimpulan")).to_have_text(
            "TIDAK MEMENUHI SYARAT untuk keperluan Kenaikan pangkat periode 1 Januari 2027")
        no_sideways_scroll(public)
    finally:
        context.close()
    kabid = desk("kabid")
    kabid.page.set_viewport_size(viewport)
    with session_factory() as s:
        kabid.page.goto(person_path(s, NRP_AIPDA))
    row = kabid.page.locator(f"#person-letter-{letter.id}")
    expect(row).to_contain_text(letter.nomor)
    expect(row).to_contain_text("TIDAK MEMENUHI SYARAT")
    expect(row.locator(".status")).to_have_text("BERLAKU")


def test_kabid_revokes_a_valid_skhp_from_the_review_task(desk, session_factory):
    letter = issued_skhp(session_factory)  # no catpers: MEMENUHI SYARAT
    with session_factory() as s:
        approve(s, submitted_record(s).instance_id)  # a new catpers of its holder
    kabid = desk("kabid")
    expect(kabid.page.locator("#inbox-count")).to_have_text("1")
    open_task(kabid.page, "Tinjau SKHP (catatan baru)")
    summary = kabid.page.inner_text("#summary")
    assert letter.nomor in summary and "MEMENUHI SYARAT" in summary
    kabid.page.check("input[name=keputusan][value=CABUT]")
    kabid.page.fill("#f-catatan", "Catatan disiplin baru setelah SKHP terbit")
    confirm_password(kabid.page)
    kabid.page.click("button:has-text('Kirim')")
    expect(kabid.page.locator(".flash-success")).to_contain_text("selesai")
    kabid.page.goto("/surat")
    expect(kabid.page.locator(f"#letter-{letter.id}")).to_contain_text("DICABUT")
    with session_factory() as s:
        assert s.scalar(select(Letter.revoke_reason).where(Letter.id == letter.id)) == (
            "Catatan disiplin baru setelah SKHP terbit")
