"""Signing in: the throttle after failed tries (per user name and per address, the same for
unknown users), argon2 hashing on the way in, where a sign-in may send the browser next,
and sessions that end when idle or too old."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from sqlalchemy import update
from werkzeug.security import generate_password_hash

from processes.accounts import signin, throttle
from processes.accounts.models import User
from processes.accounts.users import create_user
from tests.conftest import DEMO_PASSWORD
from tests.support.accounts import Clock, flashes, user_row
from tests.unit.test_passwords import OFF_SITE
from web import create_app, db

WRONG = "Nama pengguna atau kata sandi salah, atau akun dinonaktifkan."


@pytest.fixture
def throttle_clock(monkeypatch):
    """The throttle's clock, moved by the test."""
    at = {"now": throttle.now()}
    monkeypatch.setattr(throttle, "now", lambda: at["now"])

    def advance(seconds: float) -> None:
        at["now"] += timedelta(seconds=seconds)

    return advance


def sign_in(client, username: str, password: str, address: str | None = None):
    """POST the sign-in form (from `address`, if given; else the test client's 127.0.0.1)."""
    environ = {"REMOTE_ADDR": address} if address else {}
    return client.post("/masuk", data={"username": username, "password": password},
                       environ_base=environ)


def test_five_failures_then_each_try_waits_twice_as_long(client, throttle_clock):
    for _ in range(5):
        response = sign_in(client, "operator", "bukan-kata-sandinya")
        assert response.status_code == 401 and flashes(response) == [WRONG]
    response = sign_in(client, "operator", DEMO_PASSWORD)  # even the right password waits
    assert response.status_code == 429 and response.headers["Retry-After"] == "1"
    assert flashes(response) == ["Terlalu banyak percobaan yang gagal. Coba lagi dalam 1 detik."]
    throttle_clock(1.5)
    assert sign_in(client, "operator", "bukan-kata-sandinya").status_code == 401  # the 6th
    response = sign_in(client, "operator", DEMO_PASSWORD)
    assert response.status_code == 429 and response.headers["Retry-After"] == "2"
    throttle_clock(2.5)
    assert sign_in(client, "operator", DEMO_PASSWORD).status_code == 302
    client.post("/keluar")
    # Signing in ends the account's count: a typo afterwards is just a typo.
    assert sign_in(client, "operator", "bukan-kata-sandinya").status_code == 401
    assert sign_in(client, "operator", DEMO_PASSWORD).status_code == 302


def test_the_delay_is_capped_and_long_waits_are_said_in_minutes(client, session, throttle_clock):
    for _ in range(15):
        throttle_clock(16 * 60)  # each try after the last one's wait
        assert sign_in(client, "kapolda", "bukan-kata-sandinya").status_code == 401
    response = sign_in(client, "kapolda", DEMO_PASSWORD)
    assert response.status_code == 429 and response.headers["Retry-After"] == "900"
    assert flashes(response) == ["Terlalu banyak percobaan yang gagal. Coba lagi dalam 15 menit."]


def test_an_unknown_user_reads_exactly_like_a_known_one(client, throttle_clock):
    pages = {}
    for username in ("operator", "tidak-ada-orangnya"):
        responses = [sign_in(client, username, "bukan-kata-sandinya") for _ in range(6)]
        pages[username] = [(r.status_code, flashes(r)) for r in responses]
    assert pages["operator"] == pages["tidak-ada-orangnya"]
    assert pages["operator"][-1] == (429, ["Terlalu banyak percobaan yang gagal. Coba lagi dalam 1 detik."])


def test_an_unknown_user_costs_one_argon2_check_like_a_wrong_password(client, monkeypatch):
    checked: list[str] = []
    real = signin.verify_password

    def counting(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(signin, "verify_password", counting)
    sign_in(client, "operator", "bukan-kata-sandinya")
    sign_in(client, "tidak-ada-orangnya", "bukan-kata-sandinya")
    assert len(checked) == 2
    known, unknown = (stored.split("$")[:4] for stored in checked)
    assert unknown == known == ["", "argon2id", "v=19", "m=19456,t=2,p=1"]


def test_a_disabled_user_with_the_right_password_reads_like_a_wrong_one(client, session_factory):
    with session_factory() as s:
        user = create_user(s, "tmp-op", "Bripda Tono", DEMO_PASSWORD, "OPERATOR", "POLDA-KALTENG")
        user.is_active = False
        s.commit()
    response = sign_in(client, "tmp-op", DEMO_PASSWORD)
    assert response.status_code == 401 and flashes(response) == [WRONG]


def test_many_user_names_from_one_address_are_throttled_too(app, client, throttle_clock):
    for n in range(20):  # an office behind one gateway may mistype twenty times in an hour
        assert sign_in(client, f"coba-{n}", "bukan-kata-sandinya", "10.9.9.9").status_code == 401
    response = sign_in(client, "kabid", DEMO_PASSWORD, "10.9.9.9")
    assert response.status_code == 429
    assert sign_in(app.test_client(), "kabid", DEMO_PASSWORD, "10.9.9.10").status_code == 302
    throttle_clock(61 * 60)  # an address's failures count for an hour
    assert sign_in(client, "kabid", DEMO_PASSWORD, "10.9.9.9").status_code == 302


def test_an_old_werkzeug_hash_is_replaced_by_argon2id_at_sign_in(client, session, session_factory):
    with session_factory() as s:
        create_user(s, "tmp-op", "Bripda Tono", DEMO_PASSWORD, "OPERATOR", "POLDA-KALTENG")
        s.execute(update(User).where(User.username == "tmp-op")
                  .values(password_hash=generate_password_hash(DEMO_PASSWORD, method="scrypt")))
        s.commit()
    assert sign_in(client, "tmp-op", "salah-kata-sandinya").status_code == 401
    assert user_row(session, "tmp-op").password_hash.startswith("scrypt:")
    assert sign_in(client, "tmp-op", DEMO_PASSWORD).status_code == 302
    assert user_row(session, "tmp-op").password_hash.startswith("$argon2id$")
    client.post("/keluar")
    assert sign_in(client, "tmp-op", DEMO_PASSWORD).status_code == 302


# -- where a sign-in sends the browser ---------------------------------------------------


def test_the_reported_redirect_stays_on_the_site(client):
    response = client.post("/masuk?next=/%09/evil.example/",
                           data={"username": "operator", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_no_tricky_next_sends_the_browser_off_site(client, target):
    response = client.post("/masuk", query_string={"next": target},
                           data={"username": "operator", "password": DEMO_PASSWORD})
    if "\x00" in target:
        assert response.status_code == 400  # refused before anything reads it
        return
    location = response.headers["Location"]
    assert response.status_code == 302 and location == "/", (target, location)
    assert urlsplit(urljoin("http://ecatpers.polda/masuk", location)).netloc == "ecatpers.polda"


def test_a_page_asked_before_signing_in_opens_after_it(client):
    response = client.get("/catatan?page=1")
    assert response.status_code == 302
    login_page = response.headers["Location"]
    assert login_page.startswith("/masuk?next=")
    response = client.post(login_page, data={"username": "operator", "password": DEMO_PASSWORD})
    assert response.headers["Location"] == "/catatan?page=1"


# -- how long a session lasts -------------------------------------------------------------


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def clocked(db_url, session_factory, clock):
    """An app whose sessions run on `clock` (30 idle minutes, 12 hours at most)."""
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "uji", "CLOCK": clock})
    yield app
    db.dispose(app)


def test_a_session_idle_for_30_minutes_ends_with_a_message(clocked, clock):
    client = clocked.test_client()
    sign_in(client, "operator", DEMO_PASSWORD)
    clock.advance(minutes=29)
    assert client.get("/").status_code == 200
    clock.advance(minutes=29)  # active 29 minutes ago: still on
    assert client.get("/catatan").status_code == 200
    clock.advance(minutes=31)
    response = client.get("/catatan")
    assert response.status_code == 302 and response.headers["Location"].startswith("/masuk")
    page = client.get(response.headers["Location"])
    assert flashes(page) == [
        "Sesi Anda berakhir karena tidak ada aktivitas selama 30 menit. Silakan masuk kembali."]
    assert client.get("/").status_code == 302  # and it stays ended


def test_a_busy_session_still_ends_12_hours_after_signing_in(clocked, clock):
    client = clocked.test_client()
    sign_in(client, "operator", DEMO_PASSWORD)
    for _ in range(35):  # 11 h 40 min of work, a request every 20 minutes
        clock.advance(minutes=20)
        assert client.get("/").status_code == 200
    clock.advance(minutes=21)
    response = client.get("/")
    assert response.status_code == 302
    assert flashes(client.get("/masuk")) == [
        "Sesi Anda berakhir karena sudah 12 jam sejak masuk. Silakan masuk kembali."]


def test_the_limits_are_settings(db_url, session_factory, clock):
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "uji", "CLOCK": clock, "SESSION_IDLE_MINUTES": 5})
    client = app.test_client()
    sign_in(client, "operator", DEMO_PASSWORD)
    clock.advance(minutes=6)
    assert client.get("/").status_code == 302
    db.dispose(app)


def test_the_defaults_are_30_minutes_and_12_hours(app):
    assert (app.config["SESSION_IDLE_MINUTES"], app.config["SESSION_MAX_HOURS"]) == (30, 12)
