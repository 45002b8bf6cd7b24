"""Reads of secret data: every read of a person's catpers, a document, a task or a letter
is a row of the audit log, with the ground it was read on. Kabid Propam views them with
every other event in `processes.access.audit_trail`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from processes.accounts.models import User
from processes.db import audit


def log_read(session: Session, user: User, nomor: str, what: str, ref: str, ground: str) -> None:
    """`user` read `what` (CATATAN, DOKUMEN, PERSONEL, DAFTAR, TUGAS, SURAT_SKHP ...) about
    `nomor` on `ground`; `ref` says which (record id, letter number, instance)."""
    audit.record(
        session, f"BACA_{what}", user_id=user.id, target=nomor, outcome=ground,
        detail={"ref": str(ref)} if ref != "" else {},
    )
