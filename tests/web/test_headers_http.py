"""What every response tells the browser: a Content-Security-Policy without inline script,
no framing, no sniffing, no referrer, no caching of anything but public assets; HSTS and
Secure cookies behind HTTPS; documents and letters only as downloads. And the public
verification page: rate-limited per address, each check logged."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from processes.letters import verification
from processes.letters.models import VerificationCheck
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import issue_letter
from tests.support.pages import only_task, post_pencatatan
from web import create_app, db

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"


def assert_secure(response, cacheable: bool = False) -> None:
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'none'" in csp and "style-src 'self'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # plain HTTP: the default
    if not cacheable:
        assert headers["Cache-Control"] == "no-store", response.request.path


def test_every_kind_of_page_carries_the_headers(client, auth):
    assert_secure(client.get("/masuk"))
    assert_secure(client.get("/"))  # a redirect to sign in
    assert_secure(client.get("/verifikasi/tidak-ada"))
    auth.login("kabid")
    for path in ("/", "/catatan", "/dasbor", "/surat", "/log-akses", "/kata-sandi",
                 "/catatan/999999", "/halaman-tidak-ada", "/cek-identitas?personel=POLRI&nomor=1"):
        assert_secure(client.get(path))
    assert_secure(client.post("/masuk", data={"username": "kabid", "password": "salah"}))


def test_public_assets_may_be_cached_but_carry_the_same_headers(client):
    for path in ("/static/app.css", "/static/check.js", "/gaya/status.css"):
        response = client.get(path)
        assert response.status_code == 200
        assert_secure(response, cacheable=True)
        assert "no-store" not in response.headers.get("Cache-Control", "")
        response.close()


def test_status_colours_come_from_the_style_sheet(client):
    css = client.get("/gaya/status.css").get_data(as_text=True)
    assert ".status-proses { --c: #0b5cad; }" in css
    assert ".status-diajukan-dicatat { --c: #8a4b00; }" in css
    assert ".status-dicabut { --c: #b3261e; }" in css


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_no_template_holds_inline_script_style_or_handlers(template):
    text = template.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\son[a-z]+\s*=", text, re.IGNORECASE), "inline event handler"
    assert not re.search(r"\sstyle\s*=", text, re.IGNORECASE), "inline style"
    assert "<style" not in text and "javascript:" not in text


def test_documents_and_letters_are_downloads_never_inline(client, auth, session):
    auth.login("operator")
    post_pencatatan(client)
    auth.login("kaurlitpers")
    response = client.get(f"/tugas/{only_task(client).task_id}/berkas/dokumen_file")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename=dokumen_file.pdf'
    assert_secure(response)

    letter = issue_letter(client, auth, session)
    auth.login("operator")
    response = client.get(f"/surat/{letter.id}.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment; filename=") and "SKHP-" in disposition
    assert_secure(response)


def test_behind_https_cookies_are_secure_and_hsts_is_sent(db_url, session_factory, monkeypatch):
    monkeypatch.setenv("ECATPERS_SECURE_COOKIES", "1")
    app = create_app({"TESTING": True, "DATABASE_URL": db_url, "WTF_CSRF_ENABLED": False,
                      "SECRET_KEY": "uji"})
    client = app.test_client()
    response = client.post("/masuk", base_url="https://ecatpers.polda",
                           data={"username": "operator", "password": DEMO_PASSWORD})
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("__Host-session=") and "Secure" in cookie and "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie and "Domain" not in cookie
    db.dispose(app)


# -- the public verification page --------------------------------------------------------


def test_each_check_is_logged_and_an_address_gets_30_in_10_minutes(app, client, auth, session,
                                                                   monkeypatch):
    letter = issue_letter(client, auth, session)
    at = {"now": verification.now()}
    monkeypatch.setattr(verification, "now", lambda: at["now"])
    public = app.test_client()
    here = {"REMOTE_ADDR": "203.0.113.9"}
    for n in range(30):
        token = letter.verify_token if n % 2 else "bukan-token-yang-ada"
        response = public.get(f"/verifikasi/{token}", environ_base=here)
        assert response.status_code == (200 if n % 2 else 404), n
    response = public.get(f"/verifikasi/{letter.verify_token}", environ_base=here)
    assert response.status_code == 429 and response.headers["Retry-After"] == "600"
    page = response.get_data(as_text=True)
    assert "Coba lagi dalam 10 menit" in page and letter.nomor not in page
    assert public.get(f"/verifikasi/{letter.verify_token}",
                      environ_base={"REMOTE_ADDR": "203.0.113.10"}).status_code == 200
    at["now"] += timedelta(minutes=10, seconds=1)
    assert public.get(f"/verifikasi/{letter.verify_token}", environ_base=here).status_code == 200

    session.expire_all()
    checks = session.scalars(select(VerificationCheck).where(
        VerificationCheck.address == "203.0.113.9").order_by(VerificationCheck.id)).all()
    assert len(checks) == 31  # the refused one was neither answered nor logged
    assert [c.result for c in checks[:2]] == ["TIDAK DIKENAL", "BERLAKU"]
    assert {c.letter_id for c in checks if c.result == "BERLAKU"} == {letter.id}
