"""The administrator: users' roles and access, and the office's letter settings."""

from __future__ import annotations

from sqlalchemy import select

from processes.accounts.models import User
from tests.conftest import DEMO_PASSWORD
from tests.support.accounts import choose_own_password


def user_id(session, username):
    return session.scalar(select(User.id).where(User.username == username))


def test_admin_creates_a_user_who_can_then_sign_in(client, auth):
    auth.login("admin")
    response = client.post("/admin/pengguna", data={
        "username": "tmp-kaur2", "full_name": "Ipda Sinta", "jabatan": "Kaurlitpers",
        "nrp": "95010101", "role": "SUPERVISOR", "unit": "POLDA-KALTENG",
        "password": "kata-sandi-panjang",
    })
    assert response.status_code == 302
    auth.login("tmp-kaur2", "kata-sandi-panjang")
    assert client.get("/").headers["Location"] == "/kata-sandi"  # their own password first
    choose_own_password(client, "kata-sandi-panjang", "sinta-punya-sandi-sendiri")
    assert "Ipda Sinta" in client.get("/").get_data(as_text=True)


def test_bad_new_user_is_explained_and_typed_values_stay(client, auth, session):
    auth.login("admin")
    response = client.post("/admin/pengguna", data={
        "username": "tmp-x", "full_name": "Bripda Tono", "role": "OPERATOR",
        "unit": "POLDA-KALTENG", "password": "pendek",
    })
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kata sandi minimal 12 karakter" in page and 'value="Bripda Tono"' in page
    assert user_id(session, "tmp-x") is None


def test_changing_a_role_ends_that_users_session_at_once(client, auth, session, app):
    auth.login("admin")
    client.post("/admin/pengguna", data={
        "username": "tmp-op", "full_name": "Bripda Tono", "role": "OPERATOR",
        "unit": "POLDA-KALTENG", "password": DEMO_PASSWORD + "xx",
    })
    other = app.test_client()
    other.post("/masuk", data={"username": "tmp-op", "password": DEMO_PASSWORD + "xx"})
    choose_own_password(other, DEMO_PASSWORD + "xx", DEMO_PASSWORD + "yy")
    assert other.get("/ajukan/pencatatan").status_code == 200
    client.post(f"/admin/pengguna/{user_id(session, 'tmp-op')}", data={"role": "SUPERVISOR", "active": "1"})
    assert other.get("/").status_code == 302  # signed out
    other.post("/masuk", data={"username": "tmp-op", "password": DEMO_PASSWORD + "yy"})
    assert other.get("/ajukan/pencatatan").status_code == 403  # a supervisor now
    client.post(f"/admin/pengguna/{user_id(session, 'tmp-op')}", data={"role": "SUPERVISOR", "active": "0"})
    assert other.get("/").status_code == 302
    assert other.post("/masuk", data={"username": "tmp-op", "password": DEMO_PASSWORD + "yy"}).status_code == 401


def test_admin_cannot_lock_themselves_out(client, auth, session):
    auth.login("admin")
    client.post(f"/admin/pengguna/{user_id(session, 'admin')}", data={"role": "ADMIN", "active": "0"})
    assert "tidak dapat menonaktifkan" in client.get("/admin/pengguna").get_data(as_text=True)
    session.expire_all()
    assert session.get(User, user_id(session, "admin")).is_active


def test_only_the_admin_reaches_administration(client, auth):
    for username in ("operator", "kaurlitpers", "kasubbid", "kabid", "kapolda"):
        auth.login(username)
        assert client.get("/admin/pengguna").status_code == 403, username
        assert client.post("/admin/pengaturan", data={"tempat_surat": "X"}).status_code == 403


def test_letter_number_format_is_configurable_and_checked(client, auth):
    auth.login("admin")
    response = client.post("/admin/pengaturan", data={"format_nomor_skhp": "SKHP/{x}/{tahun}"})
    assert response.status_code == 422
    assert "{n}" in response.get_data(as_text=True)
    response = client.post("/admin/pengaturan", data={"format_nomor_skhp": "SKHP-{n}/{bulan}/{tahun}/PAMINAL"})
    assert response.status_code == 302
    assert 'value="SKHP-{n}/{bulan}/{tahun}/PAMINAL"' in client.get("/admin/pengaturan").get_data(as_text=True)
