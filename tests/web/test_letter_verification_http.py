"""The public verification page compares an uploaded PDF with the letter as issued."""

from __future__ import annotations

import pytest

from tests.support.access_flows import issue_letter
from tests.support.pages import parse, squash


def upload(client, token: str, content: bytes | None, name: str = "surat.pdf"):
    """POST the form as a browser does. Encoded here: the test client would spool a large
    form to a temporary file it never closes."""
    body = b"--b\r\n"
    if content is not None:
        body += (f'Content-Disposition: form-data; name="berkas"; filename="{name}"\r\n'
                 "Content-Type: application/pdf\r\n\r\n").encode() + content + b"\r\n--b"
    return client.post(f"/verifikasi/{token}", data=body + b"--\r\n",
                       content_type="multipart/form-data; boundary=b")


def result_of(response) -> str:
    found = parse(response).xpath('//*[@id="compare-result"]')
    return squash(found[0].text_content()) if found else ""


@pytest.fixture
def letter(client, auth, session):
    letter = issue_letter(client, auth, session)
    client.post("/keluar")  # the public checks a letter without signing in
    return letter


def test_the_issued_pdf_is_recognised_and_the_page_shows_no_more_than_before(client, letter):
    response = upload(client, letter.verify_token, letter.pdf)
    assert response.status_code == 200
    assert "sama dengan surat yang diterbitkan" in result_of(response)
    assert "BUKAN" not in result_of(response)
    page = parse(response)
    facts = [squash(dt.text_content()) for dt in page.xpath('//*[@id="verification"]//dt')]
    assert facts == ["Nomor", "Nama", "Pangkat", "Tanggal terbit", "Berlaku sampai", "Kesimpulan"]
    body = response.get_data(as_text=True)
    assert letter.pdf_sha256 not in body and "85051234" not in body


def test_a_copy_with_one_byte_changed_is_not_the_issued_letter(client, letter):
    changed = bytearray(letter.pdf)
    changed[len(changed) // 2] ^= 0x01
    response = upload(client, letter.verify_token, bytes(changed))
    assert response.status_code == 200
    assert "BUKAN surat yang diterbitkan" in result_of(response)
    assert "sama dengan surat yang diterbitkan" not in result_of(response)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Ini bukan PDF", "bukan PDF"),
        (b"", "Pilih berkas PDF"),
        (None, "Pilih berkas PDF"),
        (b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024), "terlalu besar"),
    ],
    ids=["not a PDF", "empty file", "no file", "larger than a letter"],
)
def test_a_bad_upload_gets_a_clear_message(client, letter, content, message):
    response = upload(client, letter.verify_token, content)
    assert response.status_code == 400
    assert message in result_of(response)
    assert squash(parse(response).xpath('//*[@id="status"]')[0].text_content()) == "BERLAKU"


def test_an_upload_beyond_the_request_limit_is_refused_with_a_message(client, letter):
    response = upload(client, letter.verify_token, b"%PDF-" + b"0" * (13 * 1024 * 1024))
    assert response.status_code == 413
    assert "Berkas terlalu besar" in response.get_data(as_text=True)


def test_an_upload_for_an_unknown_token_finds_no_letter(client, letter):
    token = letter.verify_token[:-1] + ("A" if letter.verify_token[-1] != "A" else "B")
    response = upload(client, token, letter.pdf)
    assert response.status_code == 404
    assert "Surat tidak ditemukan" in response.get_data(as_text=True)
    assert result_of(response) == ""


def test_a_letter_whose_pdf_is_not_made_yet_says_so(client, auth, session, letter):
    from processes.letters import signing
    from processes.letters.models import Letter

    session.get(Letter, letter.id).pdf_sha256 = None  # as if it were still waiting to be made
    session.commit()
    assert "belum selesai dibuat" in result_of(upload(client, letter.verify_token, letter.pdf))
    signing.configure(None)  # and the office key is gone meanwhile: no unsigned letter either
    auth.login("operator")
    response = client.get(f"/surat/{letter.id}.pdf", follow_redirects=True)
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert "kunci tanda tangan elektronik kantor belum dipasang" in response.get_data(as_text=True)
