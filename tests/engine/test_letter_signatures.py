"""Issued letters carry the office's PAdES signature; without a usable key none is issued."""

from __future__ import annotations

import hashlib

import pytest
from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from sqlalchemy import select

import engine
from processes.access.models import AccessRequest
from processes.letters import signing
from processes.letters.models import Letter
from tests.engine.test_permohonan_flow import issue
from tests.support.flows import decide, submit_permohonan, task_of
from tests.support.signatures import TEST_COMMON_NAME, signature_status


def changed(pdf: bytes, at: int) -> bytes:
    tampered = bytearray(pdf)
    tampered[at] ^= 0x01
    return bytes(tampered)


def verdict(pdf: bytes, office_key) -> str:
    """"sah" only when pyHanko finds the signature intact, valid and trusted."""
    try:
        status = signature_status(pdf, office_key.cert)
    except (SignatureValidationError, PdfReadError) as err:  # the structure itself broke
        return f"rusak ({type(err).__name__})"
    return "sah" if status.intact and status.valid and status.trusted else "tidak sah"


@pytest.mark.parametrize("jenis", ["SKHP", "REKAM_JEJAK"])
def test_an_issued_letter_is_signed_by_the_office_over_all_its_bytes(
    session, session_factory, office_key, jenis
):
    letter = issue(session, session_factory, submit_permohonan(session, jenis_permohonan=jenis),
                   "Kasubbid Paminal")
    status = signature_status(letter.pdf, office_key.cert)
    assert (status.intact, status.valid, status.trusted) == (True, True, True)
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native == {"common_name": TEST_COMMON_NAME}
    assert letter.pdf_sha256 == hashlib.sha256(letter.pdf).hexdigest()  # of the signed bytes
    assert b"/ETSI.CAdES.detached" in letter.pdf  # PAdES, not the older adbe.pkcs7 form


def test_one_changed_byte_breaks_the_signature(session, session_factory, office_key):
    letter = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    pdf = letter.pdf
    assert verdict(pdf, office_key) == "sah"
    # The binary comment under the header: the file still parses, only the digest differs.
    assert pdf[9:10] == b"%"
    assert verdict(changed(pdf, 10), office_key) == "tidak sah"
    # A byte inside the page content, a third of the way into the signed revision.
    signed_end = pdf.rindex(b"/ByteRange")
    assert verdict(changed(pdf, signed_end // 3), office_key) != "sah"


def test_a_certificate_not_trusted_does_not_validate(session, session_factory, tmp_path):
    from tests.support.signatures import make_office_key

    letter = issue(session, session_factory, submit_permohonan(session), "Kasubbid Paminal")
    stranger = make_office_key(tmp_path / "lain")
    status = signature_status(letter.pdf, stranger.cert)
    assert status.intact and not status.trusted


def test_without_an_office_key_the_letter_is_refused_and_nothing_is_written(session, office_key):
    instance_id = submit_permohonan(session)
    decide(session, "kaurlitpers", instance_id, "SETUJU")
    signing.configure(None)
    with pytest.raises(engine.EngineError, match="kunci tanda tangan elektronik kantor belum"):
        decide(session, "kasubbid", instance_id, "SETUJU")
    session.rollback()
    assert session.scalar(select(Letter)) is None
    request = session.scalar(select(AccessRequest).where(AccessRequest.instance_id == instance_id))
    assert request.status == "MENUNGGU"
    signing.configure(office_key)  # once installed, the same task can be approved
    task_of(session, "kasubbid", instance_id)
    decide(session, "kasubbid", instance_id, "SETUJU")
    assert session.scalar(select(Letter.nomor)).startswith("SKHP/1/")
