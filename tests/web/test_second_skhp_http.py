"""A second SKHP for the same purpose while one is in force needs the first revoked, or a
stated reason; another purpose, a rekam jejak, or an expired first letter need neither."""

from __future__ import annotations

from datetime import timedelta

from processes.letters.content import office_today
from processes.letters.models import Letter
from tests.support.access_checks import SANDI
from tests.support.access_flows import issue_letter, post_permohonan
from tests.support.letters import tanggal
from tests.support.pages import parse, squash

MESSAGE = "masih memiliki SKHP yang berlaku untuk peruntukan yang sama"


def field_error(response, field: str) -> str:
    found = parse(response).xpath(f'//*[@data-field="{field}"]//*[contains(@class,"error")]')
    return squash(found[0].text_content()) if found else ""


def test_the_same_purpose_again_is_refused_without_a_reason(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("operator")
    refused = post_permohonan(client)
    assert refused.status_code == 422
    message = field_error(refused, "alasan_skhp_baru")
    assert MESSAGE in message
    assert f"berlaku sampai {tanggal(letter.valid_until)}" in message
    assert letter.nomor not in refused.get_data(as_text=True)  # the page names no other letter
    short = post_permohonan(client, alasan_skhp_baru="ya")
    assert short.status_code == 422


def test_a_stated_reason_lets_the_request_through(client, auth, session):
    issue_letter(client, auth, session)
    auth.login("operator")
    accepted = post_permohonan(
        client, alasan_skhp_baru="Periode kenaikan pangkat bergeser; Ro SDM meminta surat baru")
    assert accepted.status_code == 302


def test_another_purpose_or_a_rekam_jejak_needs_no_reason(client, auth, session):
    issue_letter(client, auth, session)
    auth.login("operator")
    assert post_permohonan(client, peruntukan="PENDIDIKAN").status_code == 302
    assert post_permohonan(client, jenis_permohonan="REKAM_JEJAK").status_code == 302


def test_once_revoked_or_expired_the_same_purpose_needs_no_reason(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    client.post(f"/surat/{letter.id}/cabut", data={**SANDI, "alasan": "Diganti surat baru"})
    auth.login("operator")
    assert post_permohonan(client).status_code == 302
    second = issue_letter(client, auth, session, keterangan_peruntukan="periode 1 Juli 2027",
                          alasan_skhp_baru="Periode berikutnya")
    session.get(Letter, second.id).valid_until = office_today() - timedelta(days=1)
    session.commit()
    auth.login("operator")
    assert post_permohonan(client).status_code == 302
