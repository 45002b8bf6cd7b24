"""Need-to-know through HTTP, as stories: the hole an operator could once open for themselves
with a returned submission, and the process page after a task is done. (Rule by rule of
the AKSES CATPERS table, on shared fixtures: test_access_matrix.py.)"""

from __future__ import annotations

from processes.accounts.roles import SUPERVISOR
from processes.db.audit_actions import AKSES_DITOLAK
from tests.support.actors import extra_user, user
from tests.support.audit import entries, last_entry_id, read_rows
from tests.support.data import NRP_AIPDA
from tests.support.flows import record_in_proses, submitted_record
from tests.support.pages import (
    instance_of,
    parse,
    person_path,
    post_decision,
    post_pencatatan,
    task_of,
)

PERBAIKI = "Perbaiki data pencatatan"


def reads_of(session, username: str, after: int = 0) -> list[tuple[str, str, str]]:
    """The reads the audit log holds of `username` (after entry `after`): (what, ref, ground)."""
    return [(r.what, r.ref, r.ground)
            for r in read_rows(session, user(session, username).id, after)]


def last_read(session) -> int:
    return last_entry_id(session)


def test_a_returned_submission_opens_nothing_else_about_the_person(client, auth, session):
    earlier = record_in_proses(session, username="op.kapuas")  # a member of Polres Kapuas
    auth.login("op.barsel")  # Polres Barito Selatan records the same member
    instance_id = instance_of(post_pencatatan(client))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "KEMBALIKAN", "Lengkapi uraian")

    auth.login("op.barsel")
    task = task_of(client, instance_id, PERBAIKI)  # a task about the member waits for them
    for url in (person_path(session, NRP_AIPDA), f"/catatan/{earlier.id}",
                f"/catatan/{earlier.id}/dokumen/PENCATATAN"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "tidak berwenang" in response.get_data(as_text=True), url
        assert not response.data.startswith(b"%PDF"), url
    assert reads_of(session, "op.barsel") == []  # no read happened, so none was logged
    # ... but every try is in the audit log, as a refusal of op.barsel, for Kabid to see.
    refused = [e for e in entries(session, AKSES_DITOLAK) if e.user_id == user(session, "op.barsel").id]
    assert [e.target for e in refused] == [
        person_path(session, NRP_AIPDA), f"/catatan/{earlier.id}",
        f"/catatan/{earlier.id}/dokumen/PENCATATAN"]

    # What is theirs stays theirs: the task, its PDF, their own record, with no way further.
    page = client.get(f"/tugas/{task.task_id}")
    assert page.status_code == 200
    assert not parse(page).xpath('//a[@id="person-link"]')
    assert "/personel/" not in page.get_data(as_text=True)
    assert client.get(f"/tugas/{task.task_id}/berkas/dokumen_file").status_code == 200
    own = next(r.ref for r in read_rows(session) if r.what == "TUGAS")
    assert own == str(instance_id)
    assert [(what, ground) for what, _, ground in reads_of(session, "op.barsel")] == [
        ("TUGAS", "MENANGANI_TUGAS"), ("DOKUMEN_TUGAS", "MENANGANI_TUGAS")]


def test_a_past_approver_without_a_ground_no_longer_opens_the_process_page(client, auth, session):
    extra_user(session, "tmp-kaurlit.kapuas", SUPERVISOR, "POLRES-KAPUAS", "Ipda Kaur Kapuas")
    record = submitted_record(session, username="op.kapuas")
    page = f"/proses/{record.instance_id}"

    auth.login("tmp-kaurlit.kapuas")  # Kaurlitpers of Polres Kapuas: the table gives no scope
    assert client.get(page).status_code == 200  # their task waits: the page is its own data
    assert reads_of(session, "tmp-kaurlit.kapuas") == [
        ("PROSES", str(record.instance_id), "MENANGANI_TUGAS")]
    assert client.get(f"/catatan/{record.id}").status_code == 403  # the record is not the task
    post_decision(client, record.instance_id, "SETUJU", "Lengkap")

    before = last_read(session)
    refused = client.get(page)
    assert refused.status_code == 403
    text = refused.get_data(as_text=True)
    assert "tidak berwenang" in text and NRP_AIPDA not in text and "Lengkap" not in text
    assert client.get(f"{page}/diagram.bpmn").status_code == 403
    assert reads_of(session, "tmp-kaurlit.kapuas", after=before) == []

    auth.login("kaurlitpers")  # of the Polda: reads it on the table's ground, and it is logged
    before = last_read(session)
    assert NRP_AIPDA in client.get(page).get_data(as_text=True)
    assert reads_of(session, "kaurlitpers", after=before) == [
        ("PROSES", str(record.instance_id), "SEMUA_CATPERS")]
    auth.login("op.kapuas")  # the submitter
    assert client.get(page).status_code == 200
    auth.login("op.barsel")
    assert client.get(page).status_code == 403
