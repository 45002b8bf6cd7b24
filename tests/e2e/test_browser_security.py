"""The pages under their Content-Security-Policy in a real browser: no inline script or
style is refused anywhere (the diagram viewer included), and the new pages (changing
one's password, the administrators' approval list) work at desktop width and on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from processes.accounts.users import create_user
from processes.letters.models import Letter
from tests.conftest import DEMO_PASSWORD
from tests.e2e.conftest import Desk
from tests.support.accounts import second_admin, user_row
from tests.support.flows import decide, record_in_proses, submit_permohonan

pytestmark = pytest.mark.e2e

#: Reports every CSP violation the page meets, before any of the page's own code runs.
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile);
});
"""

DESKTOP, PHONE = {"width": 1366, "height": 900}, {"width": 390, "height": 844}


def watch(desk_) -> list[str]:
    """Console errors about the policy; the page's own reports are read with `violations`."""
    seen: list[str] = []
    desk_.context.add_init_script(WATCH_CSP)
    desk_.page.on("console", lambda m: seen.append(m.text)
                  if "Content Security Policy" in m.text else None)
    return seen


def violations(page, console: list[str]) -> list[str]:
    return page.evaluate("window.__csp || []") + console


def visit(page, console: list[str], path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert violations(page, console) == [], path


def test_every_page_runs_under_the_policy_without_a_violation(desk, session_factory):
    with session_factory() as s:
        record = record_in_proses(s, username="op.kapuas")
        instance_id = submit_permohonan(s)
        decide(s, "kaurlitpers", instance_id, "SETUJU")
        decide(s, "kasubbid", instance_id, "SETUJU")
        letter = s.scalar(select(Letter))
        record_id, record_instance, token = record.id, record.instance_id, letter.verify_token
        nomor = record.person.nomor_identitas

    kabid = desk("kabid")
    console = watch(kabid)
    for path in ("/", "/catatan", f"/catatan/{record_id}", f"/personel/{nomor}",
                 "/dasbor", "/surat", "/log-akses", "/kata-sandi", f"/verifikasi/{token}",
                 "/catatan/999999"):
        visit(kabid.page, console, path)
    kabid.page.goto(f"/proses/{record_instance}")
    kabid.page.wait_for_selector("#diagram[data-ready=true]")  # bpmn-js drew the diagram
    assert violations(kabid.page, console) == []
    # Status colours come from the generated style sheet, not inline styles.
    colour = kabid.page.eval_on_selector("#record-status", "e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(11, 92, 173)"  # PROSES

    operator = desk("operator")
    console = watch(operator)
    visit(operator.page, console, "/ajukan/pencatatan")
    visit(operator.page, console, "/ajukan/permohonan_catpers")
    operator.page.select_option("#f-personel", "POLRI")
    operator.page.fill("#f-nomor_identitas", "123")
    operator.page.click("button.check-button[data-target=f-nomor_identitas]")  # check.js
    expect(operator.page.locator("#check-nomor_identitas")).to_have_text("NRP harus 8 digit angka.")
    assert violations(operator.page, console) == []

    admin = desk("admin")
    console = watch(admin)
    for path in ("/admin/pengguna", "/admin/persetujuan", "/admin/daftar", "/admin/daftar/pangkat",
                 "/admin/pengaturan"):
        visit(admin.page, console, path)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_a_user_changes_their_password_in_the_browser(browser, live_server, session_factory,
                                                      viewport):
    with session_factory() as s:
        create_user(s, "tmp-op", "Bripda Tono", DEMO_PASSWORD, "OPERATOR", "POLDA-KALTENG",
                    temporary=True)  # as an administrator's reset leaves it
        s.commit()
    user = Desk(browser, live_server)
    user.page.set_viewport_size(viewport)
    user.page.goto("/masuk")
    user.page.fill("#username", "tmp-op")
    user.page.fill("#password", DEMO_PASSWORD)
    user.page.click("button[type=submit]")
    user.page.wait_for_url("**/kata-sandi")
    user.page.goto("/catatan")
    assert user.page.url.endswith("/kata-sandi")  # nothing else before their own password
    expect(user.page.locator("h1")).to_have_text("Ubah kata sandi")
    expect(user.page.locator("#must-change")).to_be_visible()
    form = user.page.locator("#change-password")
    assert form.bounding_box()["width"] <= viewport["width"]
    user.page.fill("#current", DEMO_PASSWORD)
    user.page.fill("#new", "password12345")
    user.page.fill("#repeat", "password12345")
    user.page.click("button:has-text('Simpan kata sandi')")
    expect(user.page.locator(".flash-error")).to_contain_text("paling umum")
    user.page.fill("#current", DEMO_PASSWORD)
    user.page.fill("#new", "kopi tubruk di palangka")
    user.page.fill("#repeat", "kopi tubruk di palangka")
    user.page.click("button:has-text('Simpan kata sandi')")
    expect(user.page.locator(".flash-success")).to_contain_text("Kata sandi diganti")
    expect(user.page.locator("#inbox-count")).to_be_attached()  # in the menu, folded on a phone
    with session_factory() as s:
        assert not user_row(s, "tmp-op").must_change_password
    user.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390px"])
def test_a_second_administrator_approves_a_new_kabid_in_the_browser(desk, session_factory,
                                                                    viewport):
    other = second_admin(session_factory)
    admin = desk("admin")
    admin.page.set_viewport_size(viewport)
    admin.page.goto("/admin/pengguna")
    for field, value in (("#username", "tmp-kabid2"), ("#full_name", "Kombes Pol Arif"),
                         ("#password", "sandi sementara kabid")):
        admin.page.fill(field, value)
    admin.page.select_option("#role", "DIREKTUR")
    admin.page.click("button:has-text('Buat pengguna')")
    expect(admin.page.locator(".flash-success")).to_contain_text("menunggu persetujuan")
    admin.page.click("#approvals-link")
    card = admin.page.locator("#approvals article").first
    expect(card).to_contain_text("Menunggu persetujuan administrator lain")
    expect(card.locator("button:has-text('Setujui')")).to_have_count(0)  # not their own

    second = desk(other)
    second.page.set_viewport_size(viewport)
    second.page.goto("/admin/persetujuan")
    card = second.page.locator("#approvals article").first
    expect(card).to_contain_text("Pengguna baru tmp-kabid2 (Kombes Pol Arif) sebagai Kabid Propam")
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    card.locator("button:has-text('Setujui')").click()
    expect(second.page.locator(".flash-success")).to_have_text("Perubahan disetujui dan diterapkan.")
    expect(second.page.locator("#no-approvals")).to_be_visible()
    second.page.goto("/admin/pengguna")
    expect(second.page.locator("#user-tmp-kabid2")).to_contain_text("Kombes Pol Arif")
