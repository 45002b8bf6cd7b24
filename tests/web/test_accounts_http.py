"""Passwords and privileged accounts: users change their own password (ending their other
sessions); an administrator's reset forces a change at the next sign-in; making or
raising a Kabid Propam, Kapolda or administrator (or resetting their password) takes a
second administrator, and nobody approves their own request."""

from __future__ import annotations

from processes.accounts.passwords import verify_password
from processes.db.audit_actions import (
    MINTA_PERSETUJUAN_AKUN,
    PUTUSKAN_PERUBAHAN_AKUN,
    UBAH_PENGGUNA,
)
from tests.conftest import DEMO_PASSWORD
from tests.support.accounts import (
    choose_own_password,
    flashes,
    second_admin,
    signed_in,
    tmp_user,
    user_row,
    waiting_changes,
)
from tests.support.audit import entries

NEW = "kopi tubruk di palangka"


def new_user(client, username: str, role: str, password: str = "sandi sementara dari admin"):
    return client.post("/admin/pengguna", data={
        "username": username, "full_name": "Kombes Pol Arif Wibowo", "role": role,
        "unit": "POLDA-KALTENG", "password": password, "jabatan": "Kabid Propam",
    }, follow_redirects=True)


def change_role(client, session, username: str, role: str, active: str = "1"):
    user_id = user_row(session, username).id
    return client.post(f"/admin/pengguna/{user_id}", data={"role": role, "active": active},
                       follow_redirects=True)


def reset(client, session, username: str, password: str):
    user_id = user_row(session, username).id
    return client.post(f"/admin/pengguna/{user_id}/sandi", data={"password": password},
                       follow_redirects=True)


def decide(client, change_id: int, keputusan: str):
    return client.post(f"/admin/persetujuan/{change_id}", data={"keputusan": keputusan},
                       follow_redirects=True)


# -- one's own password ---------------------------------------------------------------------


def test_a_user_changes_their_password_and_their_other_sessions_end(app, session, session_factory):
    desk = signed_in(app, tmp_user(session_factory))
    phone = signed_in(app, "tmp-op")
    choose_own_password(desk, DEMO_PASSWORD, NEW)
    assert desk.get("/").status_code == 200  # this session goes on
    assert phone.get("/").status_code == 302  # the other one ended
    assert phone.post("/masuk", data={"username": "tmp-op", "password": DEMO_PASSWORD}).status_code == 401
    assert phone.post("/masuk", data={"username": "tmp-op", "password": NEW}).status_code == 302
    assert verify_password(user_row(session, "tmp-op").password_hash, NEW)


def test_a_new_password_must_meet_the_rules(app, session, session_factory):
    client = signed_in(app, tmp_user(session_factory))
    cases = [
        ("salah-sekali-ini", NEW, NEW, "Kata sandi saat ini salah."),
        (DEMO_PASSWORD, NEW, NEW + "x", "Kata sandi baru dan ulangannya tidak sama."),
        (DEMO_PASSWORD, "pendek-saja", "pendek-saja", "Kata sandi minimal 12 karakter."),
        (DEMO_PASSWORD, "qwertyuiopasdfgh", "qwertyuiopasdfgh", "paling umum"),
        (DEMO_PASSWORD, "Yoga Lestari 2026", "Yoga Lestari 2026", "mudah ditebak"),
        (DEMO_PASSWORD, "sandi-91020399", "sandi-91020399", "mudah ditebak"),  # the NRP
        (DEMO_PASSWORD, DEMO_PASSWORD, DEMO_PASSWORD, "harus berbeda"),
    ]
    for current, new, repeat, message in cases:
        response = client.post("/kata-sandi", data={"current": current, "new": new, "repeat": repeat})
        assert response.status_code == 422, message
        assert message in flashes(response)[0], (message, flashes(response))
    assert verify_password(user_row(session, "tmp-op").password_hash, DEMO_PASSWORD)


def test_guessing_the_current_password_is_throttled_like_signing_in(app, session_factory):
    client = signed_in(app, tmp_user(session_factory))
    for _ in range(5):
        client.post("/kata-sandi", data={"current": "tebakan-salah", "new": NEW, "repeat": NEW})
    response = client.post("/kata-sandi", data={"current": DEMO_PASSWORD, "new": NEW, "repeat": NEW})
    assert flashes(response) == ["Terlalu banyak percobaan yang gagal. Coba lagi dalam 1 detik."]


def test_the_password_page_needs_a_signed_in_user(client):
    assert client.get("/kata-sandi").headers["Location"].startswith("/masuk")


# -- the administrator's reset ----------------------------------------------------------------


def test_after_a_reset_the_user_can_do_nothing_before_choosing_a_password(app, client, auth, session,
                                                                          session_factory):
    user = signed_in(app, tmp_user(session_factory))
    auth.login("admin")
    response = reset(client, session, "tmp-op", "sandi sementara kapuas")
    assert "Kata sandi sementara untuk tmp-op berlaku" in flashes(response)[0]
    assert user.get("/").status_code == 302  # the reset ended their session
    assert user.post("/masuk", data={"username": "tmp-op", "password": DEMO_PASSWORD}).status_code == 401
    user.post("/masuk", data={"username": "tmp-op", "password": "sandi sementara kapuas"})
    for path in ("/", "/catatan", "/ajukan/pencatatan", "/surat", "/dasbor", "/surat/1.pdf"):
        response = user.get(path)
        assert response.status_code == 302 and response.headers["Location"] == "/kata-sandi", path
    response = user.post("/cek-identitas", data={"personel": "POLRI", "nomor": "1"})
    assert response.status_code == 302 and response.headers["Location"] == "/kata-sandi"
    assert "Buat kata sandi Anda sendiri" in user.get("/kata-sandi").get_data(as_text=True)
    choose_own_password(user, "sandi sementara kapuas", NEW)
    assert user.get("/catatan").status_code == 200
    assert not user_row(session, "tmp-op").must_change_password


def test_a_temporary_password_follows_the_rules_too(client, auth, session, session_factory):
    tmp_user(session_factory)
    auth.login("admin")
    assert flashes(reset(client, session, "tmp-op", "pendek")) == ["Kata sandi minimal 12 karakter."]
    assert flashes(reset(client, session, "admin", "sandi sementara admin")) == [
        "Ganti kata sandi Anda sendiri di halaman Ubah kata sandi."]
    assert not user_row(session, "tmp-op").must_change_password


# -- four eyes on privileged accounts --------------------------------------------------------


def test_a_new_kabid_waits_for_a_second_admin_who_alone_may_approve(app, client, auth, session,
                                                                   session_factory):
    other = signed_in(app, second_admin(session_factory))
    auth.login("admin")
    response = new_user(client, "tmp-kabid2", "DIREKTUR")
    assert flashes(response) == [
        "Pengguna tmp-kabid2 sebagai Kabid Propam menunggu persetujuan administrator lain."]
    assert user_row(session, "tmp-kabid2") is None  # nothing changes yet
    [change] = waiting_changes(session)
    assert change.password_hash.startswith("$argon2id$")

    page = decide(client, change.id, "SETUJU")
    assert flashes(page) == ["Permintaan Anda sendiri harus disetujui administrator lain."]
    assert user_row(session, "tmp-kabid2") is None
    assert "Menunggu persetujuan administrator lain" in page.get_data(as_text=True)

    page = decide(other, change.id, "SETUJU")
    assert flashes(page) == ["Perubahan disetujui dan diterapkan."]
    created = user_row(session, "tmp-kabid2")
    assert created.role == "DIREKTUR" and created.must_change_password
    assert waiting_changes(session) == []
    assert change.password_hash is None and change.decided_by == user_row(session, "tmp-admin2").id
    for keputusan in ("SETUJU", "TOLAK"):  # decided once
        assert flashes(decide(other, change.id, keputusan)) == [
            "Permintaan ini tidak ada atau sudah diputuskan."]


def test_raising_a_user_to_kapolda_waits_and_a_rejection_changes_nothing(app, client, auth, session,
                                                                        session_factory):
    other = signed_in(app, second_admin(session_factory))
    operator = signed_in(app, tmp_user(session_factory))
    auth.login("admin")
    assert flashes(change_role(client, session, "tmp-op", "ALL_VIEW")) == [
        "Peran tmp-op menjadi Kapolda menunggu persetujuan administrator lain."]
    assert user_row(session, "tmp-op").role == "OPERATOR"
    assert operator.get("/").status_code == 200  # nothing changed, not even the session
    assert flashes(change_role(client, session, "tmp-op", "DIREKTUR")) == [
        "Perubahan untuk tmp-op masih menunggu persetujuan."]

    [change] = waiting_changes(session)
    assert flashes(decide(other, change.id, "TOLAK")) == ["Permintaan ditolak."]
    assert user_row(session, "tmp-op").role == "OPERATOR"

    change_role(client, session, "tmp-op", "ALL_VIEW")
    [change] = waiting_changes(session)
    decide(other, change.id, "SETUJU")
    assert user_row(session, "tmp-op").role == "ALL_VIEW"
    assert operator.get("/").status_code == 302  # the new role starts with a new session
    change_role(client, session, "tmp-op", "OPERATOR")
    assert user_row(session, "tmp-op").role == "OPERATOR"  # lowering applies at once
    # Each request and each decision is in the audit log, with who asked and who decided.
    asked = entries(session, MINTA_PERSETUJUAN_AKUN)
    decided = entries(session, PUTUSKAN_PERUBAHAN_AKUN)
    assert [(e.target, e.detail["role"]) for e in asked] == [("tmp-op", "ALL_VIEW")] * 2
    assert [(e.outcome, e.user_id) for e in decided] == [
        ("DITOLAK", user_row(session, "tmp-admin2").id), ("DISETUJUI", user_row(session, "tmp-admin2").id)]
    assert entries(session, UBAH_PENGGUNA)[-1].detail["perubahan"]["role"] == ["ALL_VIEW", "OPERATOR"]


def test_a_privileged_users_new_password_waits_too(app, client, auth, session, session_factory):
    other = signed_in(app, second_admin(session_factory))
    tmp_user(session_factory, "tmp-kapolda", "ALL_VIEW", "POLDA-KALTENG")
    auth.login("admin")
    assert flashes(reset(client, session, "tmp-kapolda", "ambil alih akun kapolda")) == [
        "Kata sandi sementara untuk tmp-kapolda menunggu persetujuan administrator lain."]
    assert verify_password(user_row(session, "tmp-kapolda").password_hash, DEMO_PASSWORD)
    [change] = waiting_changes(session)
    decide(other, change.id, "SETUJU")
    after = user_row(session, "tmp-kapolda")
    assert verify_password(after.password_hash, "ambil alih akun kapolda") and after.must_change_password


def test_nobody_decides_a_change_about_themselves(app, client, auth, session, session_factory):
    other = signed_in(app, second_admin(session_factory))
    tmp_user(session_factory, "tmp-admin3", "ADMIN", "POLDA-KALTENG")
    third = signed_in(app, "tmp-admin3")
    reset(other, session, "tmp-admin3", "sandi baru untuk admin tiga")
    [change] = waiting_changes(session)
    assert flashes(decide(third, change.id, "SETUJU")) == [
        "Perubahan atas akun Anda sendiri diputuskan administrator lain."]
    assert waiting_changes(session) != []
    auth.login("admin")
    assert flashes(decide(client, change.id, "SETUJU")) == ["Perubahan disetujui dan diterapkan."]


def test_a_requester_may_withdraw_their_own_request(client, auth, session):
    auth.login("admin")
    new_user(client, "tmp-adm3", "ADMIN")
    [change] = waiting_changes(session)
    assert flashes(decide(client, change.id, "TOLAK")) == ["Permintaan ditolak."]
    assert user_row(session, "tmp-adm3") is None and waiting_changes(session) == []


def test_other_account_changes_apply_at_once(client, auth, session):
    auth.login("admin")
    assert flashes(new_user(client, "tmp-op2", "OPERATOR")) == ["Pengguna tmp-op2 dibuat."]
    created = user_row(session, "tmp-op2")
    assert created.role == "OPERATOR" and created.must_change_password
    change_role(client, session, "tmp-op2", "MANAGER", active="0")
    changed = user_row(session, "tmp-op2")
    assert (changed.role, changed.is_active) == ("MANAGER", False)
    assert waiting_changes(session) == []


def test_only_administrators_see_or_decide_approvals(client, auth, session):
    auth.login("admin")
    new_user(client, "tmp-kabid2", "DIREKTUR")
    [change] = waiting_changes(session)
    for username in ("operator", "kabid", "kapolda"):
        auth.login(username)
        assert client.get("/admin/persetujuan").status_code == 403, username
        response = client.post(f"/admin/persetujuan/{change.id}", data={"keputusan": "SETUJU"})
        assert response.status_code == 403, username
    assert user_row(session, "tmp-kabid2") is None


def test_a_bad_decision_or_unknown_change_is_explained(client, auth):
    auth.login("admin")
    assert flashes(decide(client, 424242, "SETUJU")) == ["Permintaan ini tidak ada atau sudah diputuskan."]
    assert flashes(decide(client, 424242, "MUNGKIN")) == ["Pilih Setujui atau Tolak."]


def test_the_server_creates_an_offices_administrator_from_its_shell(app, session):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "tmp-admin9", "Penata Sari Dewanti",
                                 "--password", "sandi admin pertama"])
    assert result.exit_code == 0, result.output
    assert "Administrator tmp-admin9 dibuat; kata sandinya wajib diganti saat masuk." in result.output
    created = user_row(session, "tmp-admin9")
    assert created.role == "ADMIN" and created.must_change_password
    result = runner.invoke(args=["create-admin", "tmp-admin8", "Penata Lain", "--password", "pendek"])
    assert result.exit_code != 0 and "Kata sandi minimal 12 karakter." in result.output
    assert user_row(session, "tmp-admin8") is None
