"""A PDF sent with a form that comes back with errors is kept for the corrected submission,
for its uploader and that form only, and shown by its name."""

from __future__ import annotations

import hashlib
from datetime import timedelta

from sqlalchemy import func, select, update

from processes.db.audit_actions import AKSES_DITOLAK
from processes.db.base import utcnow
from processes.records.models import Record, RecordDocument, StagedUpload, StoredFile
from processes.work.tasks import STAGED_GONE
from tests.support.audit import entries
from tests.support.data import MINIMAL_PDF, pencatatan_data
from tests.support.pages import only_task, parse, pdf_upload, post_decision, post_start, start_url
from tests.support.web_flows import text_by_id

OTHER_PDF = MINIMAL_PDF.replace(b"%%EOF", b"% hasil pindai ulang\n%%EOF")


def staged_token(page) -> str:
    tokens = page.xpath('//input[@name="dokumen_file__staged"]/@value')
    assert len(tokens) == 1, tokens
    return tokens[0]


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def post_without_file(client, url: str, fields: dict[str, str], token: str):
    return client.post(url, data={**fields, "dokumen_file__staged": token},
                       content_type="multipart/form-data")


def test_the_pdf_of_a_refused_pencatatan_is_kept_and_used_when_it_is_corrected(client, auth, session):
    auth.login("operator")
    response = client.post(
        start_url("pencatatan"),
        data={**pencatatan_data(pangkat=""), "dokumen_file__upload": pdf_upload(name="LP-12.pdf")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "file-dokumen_file").startswith("Berkas tersimpan: LP-12.pdf")
    assert text_by_id(page, "err-dokumen_file") is None  # nothing to choose again
    assert count(session, StoredFile) == 0 and count(session, StagedUpload) == 1

    response = post_without_file(client, start_url("pencatatan"), pencatatan_data(), staged_token(page))
    assert response.status_code == 302
    document = session.scalar(select(RecordDocument))
    assert document.file_hash == hashlib.sha256(MINIMAL_PDF).hexdigest()
    assert session.get(StoredFile, document.file_hash).original_name == "LP-12.pdf"
    assert count(session, StagedUpload) == 0  # the submission completed: nothing left staged


def test_another_user_cannot_use_a_staged_token(client, auth, session):
    auth.login("operator")
    page = parse(post_start(client, "pencatatan", pencatatan_data(pangkat="")))
    token = staged_token(page)

    auth.login("op.kapuas")
    response = post_without_file(
        client, start_url("pencatatan"), pencatatan_data(unit_kerja="POLRES-KAPUAS"), token)
    assert response.status_code == 422
    assert text_by_id(parse(response), "err-dokumen_file") == STAGED_GONE
    assert session.scalar(select(Record)) is None
    refusal = entries(session, AKSES_DITOLAK)[-1]
    assert refusal.target == "mulai:pencatatan:0"

    auth.login("operator")  # the owner still has it
    assert post_without_file(client, start_url("pencatatan"), pencatatan_data(), token).status_code == 302


def test_a_staged_file_expires(client, auth, session):
    auth.login("operator")
    token = staged_token(parse(post_start(client, "pencatatan", pencatatan_data(pangkat=""))))
    session.execute(update(StagedUpload).values(expires_at=utcnow() - timedelta(minutes=1)))
    session.commit()
    response = post_without_file(client, start_url("pencatatan"), pencatatan_data(), token)
    assert response.status_code == 422
    assert text_by_id(parse(response), "err-dokumen_file") == STAGED_GONE
    assert session.scalar(select(Record)) is None
    post_start(client, "pencatatan", pencatatan_data(pangkat=""))  # stages a new one
    assert session.scalars(select(StagedUpload.token)).all() != [token]  # the old one is gone
    assert count(session, StagedUpload) == 1


def test_a_returned_task_keeps_a_new_pdf_across_an_error_and_shows_files_by_name(client, auth, session):
    auth.login("operator")
    post_start(client, "pencatatan", pencatatan_data())
    auth.login("kaurlitpers")
    post_decision(client, only_task(client).instance_id, "KEMBALIKAN", "Ganti hasil pindai")
    auth.login("operator")
    url = f"/tugas/{only_task(client).task_id}"
    shown = parse(client.get(url))
    assert text_by_id(shown, "file-dokumen_file").startswith("Berkas tersimpan: dokumen.pdf")
    assert hashlib.sha256(MINIMAL_PDF).hexdigest()[:12] not in client.get(url).get_data(as_text=True)

    response = client.post(url, data={"dokumen_tanggal": "kemarin",
                                      "dokumen_file__upload": pdf_upload(OTHER_PDF, "pindai-ulang.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    page = parse(response)
    assert text_by_id(page, "file-dokumen_file").startswith("Berkas tersimpan: pindai-ulang.pdf")

    response = post_without_file(client, url, {"dokumen_tanggal": "2026-10-02"}, staged_token(page))
    assert response.status_code == 302
    assert session.get(StoredFile, hashlib.sha256(OTHER_PDF).hexdigest()).original_name == "pindai-ulang.pdf"
    assert count(session, StagedUpload) == 0
