"""The administrator keeps the units: a satker under the Polda or under a Polres, a new
name, a new parent while nothing names the unit yet, and deactivation (never deletion).
The reference lists are searched and paged."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, select, update

from processes.accounts.models import Unit
from processes.db.audit_actions import AKSES_DITOLAK, UBAH_SATUAN
from tests.support.audit import entries
from tests.support.pages import parse, squash


@pytest.fixture(autouse=True)
def _units_as_seeded(session_factory):
    """Units outlive a test (seeded once per run): remove added ones, restore edited ones."""
    with session_factory() as s:
        kapuas = s.scalar(select(Unit).where(Unit.code == "POLRES-KAPUAS"))
        name = kapuas.name
    yield
    with session_factory() as s:
        s.execute(delete(Unit).where(Unit.code.like("UJI-%")))
        s.execute(update(Unit).where(Unit.code == "POLRES-KAPUAS").values(name=name, active=True))
        s.commit()


def unit(session, code: str) -> Unit | None:
    session.expire_all()
    return session.scalar(select(Unit).where(Unit.code == code))


def add(client, code: str, jenis: str, parent: str = "POLDA-KALTENG", name: str = "Satuan uji"):
    return client.post("/admin/satuan", data={"code": code, "name": name, "jenis": jenis, "parent": parent})


def flashes(client) -> str:
    return squash(" ".join(e.text_content() for e in parse(client.get("/admin/daftar").get_data(
        as_text=True)).xpath('//*[contains(@class, "flash")]')))


def test_a_satker_goes_under_the_polda_or_a_polres_and_a_polres_only_under_the_polda(client, auth, session):
    auth.login("admin")
    add(client, "UJI-SATRESKRIM-KAPUAS", "SATKER", "POLRES-KAPUAS", "Satreskrim Polres Kapuas")
    assert unit(session, "UJI-SATRESKRIM-KAPUAS").path == "/POLDA-KALTENG/POLRES-KAPUAS/UJI-SATRESKRIM-KAPUAS/"
    add(client, "UJI-POLRES", "POLRES", "POLRES-KAPUAS")
    assert "Polres hanya dapat berada di bawah Polda" in flashes(client)
    assert unit(session, "UJI-POLRES") is None
    add(client, "UJI-SUB", "SATKER", "UJI-SATRESKRIM-KAPUAS")
    assert "Satker hanya dapat berada di bawah Polda atau Polres" in flashes(client)


def test_a_unit_is_renamed_and_the_change_is_audited(client, auth, session):
    auth.login("admin")
    kapuas = unit(session, "POLRES-KAPUAS")
    client.post(f"/admin/satuan/{kapuas.id}", data={"name": "Polres Kapuas (baru)",
                                                     "parent": "POLDA-KALTENG", "active": "1"})
    assert unit(session, "POLRES-KAPUAS").name == "Polres Kapuas (baru)"
    (row,) = entries(session, UBAH_SATUAN)
    assert row.target == "POLRES-KAPUAS"
    assert row.detail["perubahan"] == {"name": ["Polres Kapuas", "Polres Kapuas (baru)"]}


def test_a_unit_in_use_does_not_move_but_a_new_one_does(client, auth, session):
    auth.login("admin")
    kapuas = unit(session, "POLRES-KAPUAS")  # op.kapuas works there
    add(client, "UJI-SAT", "SATKER")
    client.post(f"/admin/satuan/{kapuas.id}", data={"name": kapuas.name, "parent": "UJI-SAT"})
    assert "sudah dipakai (pengguna)" in flashes(client)
    assert unit(session, "POLRES-KAPUAS").path == "/POLDA-KALTENG/POLRES-KAPUAS/"
    new = unit(session, "UJI-SAT")
    client.post(f"/admin/satuan/{new.id}", data={"name": "Satuan uji", "parent": "POLRES-KAPUAS", "active": "1"})
    assert unit(session, "UJI-SAT").path == "/POLDA-KALTENG/POLRES-KAPUAS/UJI-SAT/"


def test_a_deactivated_unit_is_no_longer_offered_and_one_with_active_users_stays(client, auth, session):
    auth.login("admin")
    add(client, "UJI-LAMA", "SATKER", name="Satker lama")
    old = unit(session, "UJI-LAMA")
    client.post(f"/admin/satuan/{old.id}", data={"name": "Satker lama", "active": "0"})
    assert unit(session, "UJI-LAMA").active is False
    assert 'value="UJI-LAMA"' not in client.get("/admin/pengguna").get_data(as_text=True)
    kapuas = unit(session, "POLRES-KAPUAS")
    client.post(f"/admin/satuan/{kapuas.id}", data={"name": kapuas.name, "active": "0"})
    assert "Masih ada pengguna aktif di satuan ini" in flashes(client)
    assert unit(session, "POLRES-KAPUAS").active is True


def test_only_the_administrator_edits_units_and_the_refusal_is_audited(client, auth, session):
    kapuas = unit(session, "POLRES-KAPUAS")
    auth.login("kabid")
    assert client.post(f"/admin/satuan/{kapuas.id}", data={"name": "X"}).status_code == 403
    assert [e.target for e in entries(session, AKSES_DITOLAK)] == [f"/admin/satuan/{kapuas.id}"]
    assert unit(session, "POLRES-KAPUAS").name == kapuas.name


def item_codes(page: str) -> list[str]:
    return [squash(td.text_content()) for td in parse(page).xpath('//table[@id="items"]/tbody/tr/td[1]')]


def test_the_pasal_list_is_paged_and_searched(client, auth):
    auth.login("admin")
    first = client.get("/admin/daftar/pasal").get_data(as_text=True)
    assert len(item_codes(first)) == 25
    assert "Halaman 1 dari" in squash(parse(first).xpath('//*[@id="item-pager"]')[0].text_content())
    second = client.get("/admin/daftar/pasal?hal=2").get_data(as_text=True)
    assert len(item_codes(second)) == 25 and not set(item_codes(first)) & set(item_codes(second))
    found = client.get("/admin/daftar/pasal?q=pp94-2021-p3").get_data(as_text=True)
    assert item_codes(found) and all(code.startswith("PP94-2021-P3") for code in item_codes(found))
    assert client.get("/admin/daftar/pasal?hal=999999999").status_code == 200  # past the end: empty
