"""Tinjau SKHP over HTTP: Kabid Propam's inbox gets the review when a new catpers of a
holder of a valid SKHP is approved; revoking asks for the password; nobody starts it by hand."""

from __future__ import annotations

from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.state import state_of
from tests.conftest import DEMO_PASSWORD
from tests.support.access_flows import issue_letter
from tests.support.pages import inbox, instance_of, parse, post_pencatatan, squash
from tests.support.web_flows import approve_both

TITLE = "Tinjau SKHP (catatan baru)"


def review_task(client, auth):
    auth.login("kabid")
    rows = [row for row in inbox(client) if row.title == TITLE]
    assert len(rows) == 1, rows
    return rows[0]


def new_catpers(client, auth):
    auth.login("operator")
    approve_both(auth, client, instance_of(post_pencatatan(client)))


def test_kabid_reads_the_letter_and_the_new_catpers_and_revokes_with_the_password(
    client, auth, session
):
    letter = issue_letter(client, auth, session)
    new_catpers(client, auth)
    task = review_task(client, auth)
    page = parse(client.get(f"/tugas/{task.task_id}"))
    summary = squash(page.xpath('//*[@id="summary"]')[0].text_content())
    assert letter.nomor in summary and "Catatan baru" in summary and "Disiplin" in summary
    refused = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "CABUT", "catatan": "Catatan baru setelah terbit"})
    assert refused.status_code != 302
    session.expire_all()
    assert session.get(Letter, letter.id).revoked_at is None
    done = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "CABUT", "catatan": "Catatan baru setelah terbit",
        "konfirmasi_sandi": DEMO_PASSWORD})
    assert done.status_code == 302
    session.expire_all()
    assert state_of(session.get(Letter, letter.id), office_today()) == "DICABUT"
    assert not [row for row in inbox(client) if row.title == TITLE]


def test_kabid_keeps_the_letter_and_a_note_is_required(client, auth, session):
    letter = issue_letter(client, auth, session)
    new_catpers(client, auth)
    task = review_task(client, auth)
    no_note = client.post(f"/tugas/{task.task_id}", data={"keputusan": "PERTAHANKAN"})
    assert no_note.status_code == 422
    kept = client.post(f"/tugas/{task.task_id}", data={
        "keputusan": "PERTAHANKAN", "catatan": "Pelanggaran ringan, sudah dibina"})
    assert kept.status_code == 302
    session.expire_all()
    assert state_of(session.get(Letter, letter.id), office_today()) == "BERLAKU"


def test_the_review_is_never_started_by_hand(client, auth):
    auth.login("kabid")
    home = client.get("/").get_data(as_text=True)
    assert "/ajukan/tinjau_skhp" not in home  # its first task is Kabid's, yet it is no start
    assert client.get("/ajukan/tinjau_skhp").status_code == 403
