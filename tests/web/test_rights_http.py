"""The Hak akses page says what each role may do, from the rules the app enforces: the
steps of the deployed diagrams' lanes, the AKSES CATPERS table, and the role checks of
the routes."""

from __future__ import annotations

from processes.accounts.roles import ROLES
from tests.support.pages import parse, squash
from web.access_pages import PAGE_LABELS, role_checked


def section(page: str, code: str) -> str:
    return squash(parse(page).xpath(f'//*[@id="rights-{code}"]')[0].text_content())


def test_every_role_checked_route_has_its_name_on_the_page(app):
    checked = role_checked(app)
    assert sorted(set(checked) - set(PAGE_LABELS)) == [], "a role-checked route without a name"
    assert sorted(set(PAGE_LABELS) - set(checked)) == [], "a name for a route that is gone"


def test_each_role_reads_its_steps_reads_and_pages(client, auth):
    auth.login("operator")
    page = client.get("/hak-akses").get_data(as_text=True)
    assert squash(parse(page).xpath("//title")[0].text_content()) == "Hak akses catpers · E-CATPERS"
    ids = [e.get("id") for e in parse(page).xpath('//details[@class="role-rights"]')]
    assert sorted(ids) == sorted(f"rights-{code}" for code in ROLES)  # each role once
    operator, kaur = section(page, "OPERATOR"), section(page, "SUPERVISOR")
    assert "Pencatatan Catatan Personel: Perbaiki data pencatatan" in operator
    assert "Periksa pengajuan (Kaurlitpers)" in kaur and "Perbaiki data pencatatan" not in kaur
    assert "Persetujuan Kabid Propam" in section(page, "DIREKTUR")
    assert "Di satuan tingkat Polda: Seluruh catpers Polda dan Polres jajaran" in kaur
    assert "Di satuan tingkat Polda: Tidak ada karena jabatan" in operator
    admin = section(page, "ADMIN")
    assert "Data induk personel: impor XLSX/CSV" in admin and "peran istimewa" in admin
    assert "Katalog proses" in section(page, "PEMILIK_PROSES")
    assert "Mencabut surat (SKHP/rekam jejak)" in section(page, "DIREKTUR")
    assert "Log audit" in section(page, "DIREKTUR") and "Log audit" not in admin
    assert "Tidak ada halaman khusus peran ini" in operator
    assert parse(page).xpath('//*[@id="unlaned-steps"]') == []  # every step has its role
