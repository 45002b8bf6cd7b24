"""Issued letters: rendering and signing them once after issue, reading them, verifying,
revoking."""

from __future__ import annotations

import hashlib
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
from processes.accounts.roles import DIREKTUR, VIEW_ALL_ROLES
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused
from processes.letters import signing
from processes.letters.content import office_today
from processes.letters.models import Letter
from processes.letters.pdf import render_rekam_jejak, render_skhp
from processes.letters.pdf.snapshot import from_json

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
    if user.role not in VIEW_ALL_ROLES and requester == user.id:
        return PEMOHON
    return person_ground(session, user, letter.nomor_identitas)


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


def letters_visible(session: Session, user: User) -> list[Letter]:
    query = select(Letter).order_by(Letter.issued_on.desc(), Letter.id.desc()).limit(200)
    if user.role not in VIEW_ALL_ROLES:
        mine = select(AccessRequest.id).where(AccessRequest.requested_by == user.id)
        query = query.where(Letter.request_id.in_(mine))
    return list(session.scalars(query))


@dataclass(frozen=True)
class Verification:
    nomor: str
    nama: str
    pangkat: str
    issued_on: date
    valid_until: date | None
    status: str  # BERLAKU | KEDALUWARSA | DICABUT


def verify(session: Session, token: str) -> Verification | None:
    """What the public verification page may show; None for an unknown token."""
    letter = session.scalar(select(Letter).where(Letter.verify_token == token))
    if letter is None:
        return None
    if letter.revoked_at is not None:
        status = "DICABUT"
    elif letter.valid_until is not None and letter.valid_until < office_today():
        status = "KEDALUWARSA"
    else:
        status = "BERLAKU"
    return Verification(letter.nomor, letter.nama, letter.pangkat, letter.issued_on,
                        letter.valid_until, status)


def revoke(uow: UnitOfWork, user: User, letter_id: int, reason: str) -> None:
    """Kabid Propam withdraws a letter; its verification page says so from then on."""
    if user.role != DIREKTUR:
        raise Forbidden("Hanya Kabid Propam yang dapat mencabut surat.")
    if len(reason.strip()) < 5:
        raise Refused("Alasan pencabutan wajib diisi (minimal 5 karakter).")
    with uow:
        letter = uow.session.get(Letter, letter_id)
        if letter is None:
            raise Forbidden("Surat tidak ditemukan.")
        if letter.revoked_at is not None:
            raise Refused("Surat ini sudah dicabut.")
        letter.revoked_at, letter.revoked_by = utcnow(), user.id
        letter.revoke_reason = reason.strip()
        uow.commit()
