"""A refusal from a use case or the runtime becomes the error page, with its own message."""

from __future__ import annotations

from tests.support.flows import decide, submitted_record, task_of
from tests.support.pages import parse, squash


def error_of(response) -> tuple[str, str]:
    page = parse(response)
    return squash(page.xpath("//h1")[0].text_content()), squash(
        page.xpath('//*[@id="error-message"]')[0].text_content()
    )


def test_an_unknown_process_is_not_found(client, auth):
    auth.login("kabid")
    response = client.get("/proses/999999")
    assert response.status_code == 404
    assert error_of(response) == ("Tidak ditemukan", "Proses tidak ditemukan.")


def test_a_task_someone_else_must_do_is_refused_with_the_reason(client, auth, session):
    record = submitted_record(session)
    task_id = task_of(session, "kaurlitpers", record.instance_id).id
    auth.login("kasubbid")
    response = client.get(f"/tugas/{task_id}")
    assert response.status_code == 403
    assert error_of(response) == ("Akses ditolak", "Anda tidak berwenang mengerjakan tugas ini.")


def test_the_file_of_a_completed_task_is_refused_saying_who_completed_it(client, auth, session):
    record = submitted_record(session)
    task_id = task_of(session, "kaurlitpers", record.instance_id).id
    decide(session, "kaurlitpers", record.instance_id, "SETUJU")
    auth.login("kaurlitpers")
    response = client.get(f"/tugas/{task_id}/berkas/dokumen_file")
    assert response.status_code == 403
    assert error_of(response) == (
        "Akses ditolak", "Tugas ini sudah diselesaikan oleh Iptu Rina Marlina (Kaurlitpers)."
    )
