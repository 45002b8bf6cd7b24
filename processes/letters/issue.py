"""Issued letters: rendering and signing them once after issue, reading them, verifying
(by token, and an uploaded copy against the stored bytes), revoking."""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from engine import utcnow
from processes.access.grounds import PEMOHON, person_ground
from processes.access.models import AccessRequest
from processes.access.read_log import log_read
from processes.accounts.models import User
from processes.accounts.roles import DIREKTUR
from processes.accounts.signin import confirm_password
from processes.db import audit
from processes.db.audit_actions import CABUT_SURAT
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused
from processes.letters import signing
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.pdf import render_rekam_jejak, render_skhp
from processes.letters.pdf.snapshot import from_json
from processes.letters.state import state_of

log = logging.getLogger(__name__)
RENDER = {"SKHP": render_skhp, "REKAM_JEJAK": render_rekam_jejak}


def render(letter: Letter) -> None:
    """Make the signed PDF from the frozen content; an issued PDF is never made again.

    The stored SHA-256 is of the signed bytes: it is what an uploaded copy is compared with.
    """
    if letter.pdf_sha256:
        return
    pdf = RENDER[letter.jenis](from_json(letter.jenis, letter.content))
    signed = signing.sign(pdf, f"Penerbitan {letter.nomor}", letter.content.get("tempat", ""))
    letter.pdf, letter.pdf_sha256 = signed, hashlib.sha256(signed).hexdigest()


#: session.info key: a letter was issued in this session (its PDF is made after the commit).
ISSUED = "letters.issued"


def mark_issued(session: Session) -> None:
    session.info[ISSUED] = True


def issued_in(uow: UnitOfWork) -> bool:
    """Whether the use case just run issued a letter (asked once: the mark is taken), so a
    completion that issued none opens no second transaction to look for pending PDFs."""
    return bool(uow.session.info.pop(ISSUED, False))


def render_pending(uow: UnitOfWork) -> None:
    """Render letters issued without their PDF yet (run after the issuing commit)."""
    with uow:
        pending = uow.session.scalars(select(Letter.id).where(Letter.pdf_sha256.is_(None))).all()
        for letter_id in pending:
            letter = uow.session.get(Letter, letter_id)
            try:
                render(letter)
                uow.commit()
            except Exception:
                # Left pending: `read_letter` renders it again on first download.
                log.exception("surat %s belum dapat dibuat PDF-nya", letter.nomor)
                uow.rollback()


def letter_ground(session: Session, user: User, letter: Letter) -> str | None:
    requester = session.scalar(
        select(AccessRequest.requested_by).where(AccessRequest.id == letter.request_id)
    )
    ground = person_ground(session, user, letter.nomor_identitas)
    return ground or (PEMOHON if requester == user.id else None)


def read_letter(uow: UnitOfWork, user: User, letter_id: int) -> Letter:
    """The letter's PDF for a reader with a ground; the read is logged."""
    with uow:
        session = uow.session
        letter = session.scalar(
            select(Letter).options(undefer(Letter.pdf)).where(Letter.id == letter_id)
        )
        ground = letter_ground(session, user, letter) if letter else None
        if ground is None:
            raise Forbidden("Anda tidak berwenang membaca surat ini.")
        render(letter)
        log_read(session, user, letter.nomor_identitas, f"SURAT_{letter.jenis}", letter.nomor, ground)
        uow.commit()
        return letter


@dataclass(frozen=True)
class Verification:
    nomor: str
    nama: str
    pangkat: str
    issued_on: date
    valid_until: date | None
    status: str  # BERLAKU | KEDALUWARSA | DICABUT
    #: The SKHP's verdict and its purpose, as printed ("" for a rekam jejak and for letters
    #: issued before the verdict): shown so a paper copy whose verdict was altered is caught.
    kesimpulan: str = ""
    peruntukan: str = ""


def verify(session: Session, token: str) -> Verification | None:
    """What the public verification page may show; None for an unknown token."""
    letter = session.scalar(select(Letter).where(Letter.verify_token == token))
    if letter is None:
        return None
    content = letter.content or {}
    return Verification(letter.nomor, letter.nama, letter.pangkat, letter.issued_on,
                        letter.valid_until, state_of(letter, office_today()),
                        content.get("kesimpulan", ""), content.get("peruntukan", ""))


#: A letter is tens of kilobytes; anything far larger is not one of ours.
MAX_COMPARED_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class UploadCheck:
    """The verdict on an uploaded copy: `same` is None when the upload could not be compared."""

    same: bool | None
    message: str


def compare_upload(session: Session, token: str, content: bytes) -> UploadCheck | None:
    """Whether `content` is exactly the issued letter of `token` (None for an unknown token).

    Only the stored SHA-256 of the signed PDF is compared: the page says same or not,
    and reveals nothing of the letter beyond what `verify` shows.
    """
    digest = session.scalar(select(Letter.pdf_sha256).where(Letter.verify_token == token))
    if digest is None:
        pending = session.scalar(select(Letter.id).where(Letter.verify_token == token))
        return None if pending is None else UploadCheck(None, PENDING)
    problem = _upload_problem(content)
    if problem:
        return UploadCheck(None, problem)
    if hmac.compare_digest(hashlib.sha256(content).hexdigest(), digest):
        return UploadCheck(True, "Berkas ini sama dengan surat yang diterbitkan, tanpa perubahan.")
    return UploadCheck(False, "Berkas ini BUKAN surat yang diterbitkan: isinya berbeda dari "
                              "surat asli (diubah, dibuat ulang, atau surat lain).")


PENDING = "Berkas PDF surat ini belum selesai dibuat; coba lagi beberapa saat lagi."


def _upload_problem(content: bytes) -> str | None:
    if not content:
        return "Pilih berkas PDF surat yang akan diperiksa."
    if len(content) > MAX_COMPARED_BYTES:
        return "Berkas terlalu besar untuk sebuah surat E-CATPERS (maksimal 2 MB)."
    if not content.startswith(b"%PDF-"):
        return "Berkas ini bukan PDF. Unggah berkas PDF surat yang Anda terima."
    return None


def revoke(
    uow: UnitOfWork, user: User, letter_id: int, reason: str, password: str | None = None
) -> None:
    """Kabid Propam withdraws a letter, re-entering their password; its verification page
    says so from then on."""
    if user.role != DIREKTUR:
        raise Forbidden("Hanya Kabid Propam yang dapat mencabut surat.")
    if len(reason.strip()) < 5:
        raise Refused("Alasan pencabutan wajib diisi (minimal 5 karakter).")
    with uow:
        refusal = confirm_password(uow.session, user, password)
        if refusal:
            uow.commit()  # the wrong password counts toward the sign-in throttle
            raise Refused(refusal + " Surat tidak dicabut.")
        letter = uow.session.get(Letter, letter_id)
        if letter is None:
            raise Forbidden("Surat tidak ditemukan.")
        revoke_letter(uow.session, user.id, letter, reason)
        uow.commit()


def revoke_letter(session: Session, user_id: int, letter: Letter, reason: str, **detail) -> None:
    """Withdraw `letter` (who may, and their password, are the caller's to check); audited."""
    if letter.revoked_at is not None:
        raise Refused("Surat ini sudah dicabut.")
    letter.revoked_at, letter.revoked_by = utcnow(), user_id
    letter.revoke_reason = reason.strip()
    audit.record_change(session, CABUT_SURAT, user_id=user_id, target=letter.nomor_identitas,
                        before={"dicabut": None}, after={"dicabut": letter.revoke_reason},
                        nomor=letter.nomor, jenis=letter.jenis, **detail)
