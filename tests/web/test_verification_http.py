"""The public verification page of issued letters, and their revocation by Kabid Propam."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from processes.letters.content import office_today
from processes.letters.models import Letter
from tests.support.access_checks import (
    CATPERS_WORDS,
    SANDI,
    text_of,
)
from tests.support.access_flows import (
    issue_letter,
    letters_listed,
)
from tests.support.data import NAMA_AIPDA, NRP_AIPDA
from tests.support.flows import record_in_proses
from tests.support.letters import (
    six_months_after,
    tanggal,
)
from tests.support.pages import (
    parse,
    squash,
)

# -- the public verification page ----------------------------------------------------


def verification(client, token: str):
    return client.get(f"/verifikasi/{token}")


def test_verification_needs_no_login_and_shows_only_the_letter_facts(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    letter = issue_letter(client, auth, session)
    client.post("/keluar")
    response = verification(client, letter.verify_token)
    assert response.status_code == 200
    page = parse(response)
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"
    facts = dict(zip(
        (squash(d.text_content()) for d in page.xpath('//*[@id="verification"]//dt')),
        (squash(d.text_content()) for d in page.xpath('//*[@id="verification"]//dd')),
        strict=True,
    ))
    assert set(facts) == {"Nomor", "Nama", "Pangkat", "Tanggal terbit", "Berlaku sampai",
                          "Kesimpulan"}
    assert facts["Nomor"] == letter.nomor
    assert facts["Nama"].upper() == NAMA_AIPDA.upper()
    assert "AIPDA" in facts["Pangkat"]
    assert facts["Tanggal terbit"] == tanggal(office_today())
    assert facts["Berlaku sampai"] == tanggal(six_months_after(office_today()))
    # The verdict the letter prints, so a paper copy whose verdict was altered is caught;
    # not why, nor any finding.
    assert facts["Kesimpulan"] == (
        "TIDAK MEMENUHI SYARAT untuk keperluan Kenaikan pangkat periode 1 Januari 2027")
    body = text_of(response)
    for secret in (*CATPERS_WORDS, "TIDAK ADA", "dalam proses", "Karo SDM", NRP_AIPDA,
                   "Sampit", "B/456/XI/2026"):
        assert secret not in body, secret
    assert "Keluar" not in body  # no signed-in chrome either


def test_an_expired_letter_verifies_as_kedaluwarsa(client, auth, session):
    letter = issue_letter(client, auth, session)
    session.execute(update(Letter).where(Letter.id == letter.id)
                    .values(valid_until=office_today() - timedelta(days=1)))
    session.commit()
    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "KEDALUWARSA"
    assert squash(page.xpath('//*[@id="nomor"]')[0].text_content()) == letter.nomor


def test_a_letter_on_its_last_valid_day_still_verifies_as_berlaku(client, auth, session):
    letter = issue_letter(client, auth, session)
    session.execute(update(Letter).where(Letter.id == letter.id).values(valid_until=office_today()))
    session.commit()
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"


def test_kabid_revokes_with_a_reason_and_the_letter_verifies_as_dicabut(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    assert letters_listed(client)[letter.nomor]["cabut"]
    response = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Data identitas keliru"})
    assert response.status_code == 302
    listed = letters_listed(client)[letter.nomor]
    assert listed["keadaan"].startswith("DICABUT") and "Data identitas keliru" in listed["keadaan"]
    assert not listed["cabut"]
    session.expire_all()
    stored = session.get(Letter, letter.id)
    assert stored.revoked_at is not None and stored.revoke_reason == "Data identitas keliru"

    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "DICABUT"
    assert squash(page.xpath('//*[@id="nomor"]')[0].text_content()) == letter.nomor

    auth.login("kabid")  # a second revocation is refused, the first reason stays
    follow = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Alasan lain sekali"},
                         follow_redirects=True)
    assert "sudah dicabut" in follow.get_data(as_text=True)
    session.expire_all()
    assert session.get(Letter, letter.id).revoke_reason == "Data identitas keliru"


def test_a_revoked_letter_that_also_expired_says_dicabut(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Ditarik atas permintaan Ro SDM"})
    session.execute(update(Letter).where(Letter.id == letter.id)
                    .values(valid_until=office_today() - timedelta(days=3)))
    session.commit()
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "DICABUT"


TAMPERS = {
    "one-character-altered": lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"),
    "cut-short": lambda t: t[:-1],
    "lengthened": lambda t: t + "x",
    "other-case": lambda t: t.swapcase(),
    "guessed": lambda t: "x" * 32,
    "letter-id": lambda t: "1",
    "nul-byte": lambda t: t[:16] + "%00" + t[16:],  # a crafted link
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=list(TAMPERS))
def test_a_tampered_or_guessed_token_shows_nothing(client, auth, session, tamper):
    letter = issue_letter(client, auth, session)
    client.post("/keluar")
    token = tamper(letter.verify_token)
    assert token != letter.verify_token
    response = verification(client, token)
    assert response.status_code == 404
    body = text_of(response)
    assert "tidak ditemukan" in body  # the page, or (a NUL byte) the app's own 404 page
    for secret in (letter.nomor, "SKHP/", NAMA_AIPDA, "AIPDA", "BERLAKU", "DICABUT", "KEDALUWARSA"):
        assert secret.lower() not in body.lower(), secret


def test_only_kabid_may_revoke_and_a_reason_is_required(client, auth, session):
    letter = issue_letter(client, auth, session)
    for username in ("operator", "op.kapuas", "kaurlitpers", "kasubbid", "kapolda", "admin"):
        auth.login(username)
        response = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Saya ingin mencabut"})
        assert response.status_code == 403, username
        if username in ("operator", "kapolda"):  # they see the letter, but no revoke button
            assert not letters_listed(client)[letter.nomor]["cabut"], username
    auth.login("kabid")
    for reason in ("", "   ", "abc"):
        follow = client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": reason},
                             follow_redirects=True)
        errors = [squash(e.text_content()) for e in
                  parse(follow).xpath('//*[contains(@class, "flash-error")]')]
        assert errors == ["Alasan pencabutan wajib diisi (minimal 5 karakter)."], (reason, errors)
    session.expire_all()
    assert session.get(Letter, letter.id).revoked_at is None
    client.post("/keluar")
    page = parse(verification(client, letter.verify_token))
    assert squash(page.xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"


def test_revoking_an_unknown_letter_is_refused(client, auth):
    auth.login("kabid")
    response = client.post("/surat/999999/cabut", data={**SANDI, "alasan": "Surat tidak dikenal"})
    assert response.status_code in (403, 404)
