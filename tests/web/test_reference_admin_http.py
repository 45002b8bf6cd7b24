"""The administrator keeps the pick-lists: new wujud perbuatan and sanksi, relabels, deactivation."""

from __future__ import annotations

import pytest
from sqlalchemy import delete

from processes.accounts.models import Unit
from processes.reference.models import ReferenceItem
from tests.support.pages import post_pencatatan


@pytest.fixture(autouse=True)
def _forget_additions(session_factory):
    """Reference rows outlive a test (they are seeded once per run): remove what tests add."""
    yield
    with session_factory() as s:
        s.execute(delete(ReferenceItem).where(ReferenceItem.code == "JUDI_ONLINE"))
        s.execute(delete(Unit).where(Unit.code == "POLRES-UJI"))
        s.commit()


def test_a_new_wujud_perbuatan_appears_in_the_pencatatan_form(client, auth):
    auth.login("admin")
    response = client.post("/admin/daftar/wujud_perbuatan",
                           data={"code": "JUDI_ONLINE", "label": "Judi online"})
    assert response.status_code == 302
    auth.login("operator")
    assert 'value="JUDI_ONLINE"' in client.get("/ajukan/pencatatan").get_data(as_text=True)
    assert post_pencatatan(client, wujud_perbuatan="JUDI_ONLINE").status_code == 302


def test_the_administrator_ties_a_wujud_perbuatan_to_its_jenis(client, auth, session):
    from sqlalchemy import select

    auth.login("admin")
    page = client.get("/admin/daftar/wujud_perbuatan").get_data(as_text=True)
    assert "Kode Etik (KEPP)" in page and 'name="jenis" value="KEPP"' in page  # labels, ticked per jenis
    client.post("/admin/daftar/wujud_perbuatan",
                data={"code": "JUDI_ONLINE", "label": "Judi online", "jenis": ["PIDANA"]})
    item = session.scalar(select(ReferenceItem).where(ReferenceItem.code == "JUDI_ONLINE"))
    assert item.attrs == {"jenis": ["PIDANA"]}
    auth.login("operator")
    assert post_pencatatan(client, wujud_perbuatan="JUDI_ONLINE").status_code == 422  # DISIPLIN
    assert post_pencatatan(client, wujud_perbuatan="JUDI_ONLINE", jenis_pelanggaran="PIDANA",
                           pasal="KUHP-303").status_code == 302

    auth.login("admin")
    client.post(f"/admin/butir/{item.id}", data={
        "list_name": "wujud_perbuatan", "label": "Judi online", "active": "1", "scope": "1",
        "jenis": ["DISIPLIN", "PIDANA"]})
    session.refresh(item)
    assert item.attrs == {"jenis": ["DISIPLIN", "PIDANA"]}
    client.post(f"/admin/butir/{item.id}", data={"label": "Judi daring", "active": "1"})
    session.refresh(item)
    assert item.attrs == {"jenis": ["DISIPLIN", "PIDANA"]}  # a relabel keeps the scope


def test_a_deactivated_item_is_no_longer_offered_or_accepted(client, auth, session):
    from sqlalchemy import select

    from processes.reference.models import ReferenceItem

    item = session.scalar(select(ReferenceItem).where(
        ReferenceItem.list_name == "wujud_perbuatan", ReferenceItem.code == "MABUK_MIRAS"))
    auth.login("admin")
    client.post(f"/admin/butir/{item.id}", data={"label": item.label, "active": "0"})
    try:
        auth.login("operator")
        assert 'value="MABUK_MIRAS"' not in client.get("/ajukan/pencatatan").get_data(as_text=True)
        response = post_pencatatan(client, wujud_perbuatan="MABUK_MIRAS")
        assert response.status_code == 422
        assert "Pilihan Wujud perbuatan tidak dikenal" in response.get_data(as_text=True)
    finally:
        auth.login("admin")
        client.post(f"/admin/butir/{item.id}", data={"label": item.label, "active": "1"})


def test_codes_used_by_rules_cannot_be_added_and_bad_codes_are_explained(client, auth):
    auth.login("admin")
    response = client.post("/admin/daftar/pangkat", data={"code": "AKBP2", "label": "X"})
    assert response.status_code == 422
    assert "tidak dapat ditambah" in response.get_data(as_text=True)
    response = client.post("/admin/daftar/pasal", data={"code": "pasal 1 a", "label": "X"})
    assert response.status_code == 422 and "Kode hanya huruf besar" in response.get_data(as_text=True)
    assert 'value="X"' in response.get_data(as_text=True)


def test_a_new_polres_can_be_chosen_as_unit_kerja(client, auth):
    auth.login("admin")
    client.post("/admin/satuan", data={"code": "POLRES-UJI", "name": "Polres Uji", "jenis": "POLRES"})
    auth.login("operator")
    assert 'value="POLRES-UJI"' in client.get("/ajukan/pencatatan").get_data(as_text=True)


def test_only_the_admin_edits_reference_data(client, auth):
    for username in ("operator", "kabid", "kapolda"):
        auth.login(username)
        assert client.get("/admin/daftar").status_code == 403
        assert client.post("/admin/daftar/pasal", data={"code": "X", "label": "X"}).status_code == 403
