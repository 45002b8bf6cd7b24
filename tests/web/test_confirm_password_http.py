"""Weighty acts need the password again: the authority approving a permohonan (which issues
the SKHP or rekam jejak), Kabid Propam granting akses khusus, and revoking a letter. A
missing or wrong password changes nothing, and guessing it is throttled."""

from __future__ import annotations

from sqlalchemy import func, select

from processes.access.models import AccessGrant
from processes.letters.models import Letter
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import (
    TASK_AKSES_KHUSUS,
    TASK_KABID,
    TASK_KASUBBID,
    issue_letter,
    post_akses_khusus,
)
from tests.support.accounts import flashes
from tests.support.flows import decide, record_in_proses, request_of, submit_permohonan
from tests.support.pages import instance_of, parse, post_decision, task_of

WRONG = "Kata sandi Anda salah. Keputusan belum dikirim."


def letters(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Letter))


def grants(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(AccessGrant))


def permohonan_at(session, authority_task: str) -> int:
    """A permohonan SKHP Kaurlitpers passed on; the AKP's goes to Kabid, the AIPDA's to Kasubbid."""
    overrides = {"pangkat": "AKP", "nomor_identitas": "88110987", "nama": "Rudi Santoso"} if (
        authority_task == TASK_KABID) else {}
    instance_id = submit_permohonan(session, **overrides)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    return instance_id


def test_approving_a_permohonan_asks_for_the_authoritys_password(client, auth, session):
    for issued, (username, authority_task) in enumerate(
            (("kasubbid", TASK_KASUBBID), ("kabid", TASK_KABID))):
        instance_id = permohonan_at(session, authority_task)
        auth.login(username)
        task = task_of(client, instance_id, authority_task)
        page = parse(client.get(f"/tugas/{task.task_id}"))
        field = page.xpath('//input[@name="konfirmasi_sandi"]')[0]
        assert field.get("type") == "password"
        for password in (None, "", "tebakan-salah-sekali"):
            data = {"keputusan": "SETUJU"} | ({"konfirmasi_sandi": password} if password is not None else {})
            response = client.post(f"/tugas/{task.task_id}", data=data)
            assert response.status_code == 422 and flashes(response) == [WRONG], username
            assert letters(session) == issued
            assert request_of(session, instance_id).status == "MENUNGGU"
        assert task_of(client, instance_id, authority_task).task_id == task.task_id  # still open
        post_decision(client, instance_id, "SETUJU", title=authority_task)  # with the password
        assert request_of(session, instance_id).status == "DISETUJUI"
    assert letters(session) == 2


def test_returning_a_permohonan_needs_no_password(client, auth, session):
    instance_id = permohonan_at(session, TASK_KASUBBID)
    auth.login("kasubbid")
    task = task_of(client, instance_id, TASK_KASUBBID)
    response = client.post(f"/tugas/{task.task_id}",
                           data={"keputusan": "KEMBALIKAN", "catatan": "Lengkapi surat permintaan"})
    assert response.status_code == 302 and letters(session) == 0


def test_the_kaurlitpers_step_asks_for_no_password(client, auth, session):
    instance_id = submit_permohonan(session)
    auth.login("kaurlitpers")
    task = task_of(client, instance_id)
    assert not parse(client.get(f"/tugas/{task.task_id}")).xpath('//input[@name="konfirmasi_sandi"]')
    assert client.post(f"/tugas/{task.task_id}", data={"keputusan": "SETUJU"}).status_code == 302


def test_granting_akses_khusus_asks_for_kabids_password_refusing_does_not(client, auth, session):
    record_in_proses(session, username="op.kapuas")
    auth.login("op.barsel")
    granted = instance_of(post_akses_khusus(client))
    refused = instance_of(post_akses_khusus(client, nomor_identitas="90030456", nama="Dedi"))
    auth.login("kabid")
    task = task_of(client, granted, TASK_AKSES_KHUSUS)
    response = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "SETUJU", "masa_hari": "7", "konfirmasi_sandi": "tebakan-salah-sekali"})
    assert response.status_code == 422 and flashes(response) == [WRONG]
    assert grants(session) == 0 and request_of(session, granted).status == "MENUNGGU"
    post_decision(client, granted, "SETUJU", title=TASK_AKSES_KHUSUS, masa_hari="7")
    assert grants(session) == 2  # the named official and the requester
    task = task_of(client, refused, TASK_AKSES_KHUSUS)
    response = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "TOLAK", "catatan": "Dasar permintaan tidak cukup"})
    assert response.status_code == 302 and request_of(session, refused).status == "DITOLAK"


def test_revoking_a_letter_asks_for_the_password(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    for password in ("", "tebakan-salah-sekali"):
        response = client.post(f"/surat/{letter.id}/cabut", follow_redirects=True, data={
            "alasan": "Data identitas keliru", "konfirmasi_sandi": password})
        assert flashes(response) == ["Kata sandi Anda salah. Surat tidak dicabut."]
        session.expire_all()
        assert session.get(Letter, letter.id).revoked_at is None
    response = client.post(f"/surat/{letter.id}/cabut", follow_redirects=True, data={
        "alasan": "Data identitas keliru", "konfirmasi_sandi": DEMO_PASSWORD})
    assert flashes(response) == ["Surat telah dicabut."]


def test_guessing_the_confirmation_password_is_throttled(client, auth, session):
    letter = issue_letter(client, auth, session)
    auth.login("kabid")
    for _ in range(5):
        client.post(f"/surat/{letter.id}/cabut", follow_redirects=True, data={
            "alasan": "Data identitas keliru", "konfirmasi_sandi": "tebakan-salah-sekali"})
    response = client.post(f"/surat/{letter.id}/cabut", follow_redirects=True, data={
        "alasan": "Data identitas keliru", "konfirmasi_sandi": DEMO_PASSWORD})
    assert flashes(response) == [
        "Terlalu banyak percobaan yang gagal. Coba lagi dalam 1 detik. Surat tidak dicabut."]
    session.expire_all()
    assert session.get(Letter, letter.id).revoked_at is None
