"""Uploaded PDFs: checked by their bytes, stored once under their SHA-256."""

from __future__ import annotations

import hashlib
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.db.upsert import insert_if_missing
from processes.errors import Refused
from processes.records.models import StoredFile
from processes.records.pdf_actions import active_content

__all__ = ["MAX_PDF_BYTES", "StoredFile", "check_pdf", "load", "names", "store_pdf"]

MAX_PDF_BYTES = 10 * 1024 * 1024


def check_pdf(content: bytes) -> str | None:
    """A message when `content` is not an acceptable PDF, else None."""
    if not content:
        return "Berkas kosong."
    if len(content) > MAX_PDF_BYTES:
        return f"Berkas terlalu besar (maksimal {MAX_PDF_BYTES // (1024 * 1024)} MB)."
    # The name and the browser's content type prove nothing; the bytes do.
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-2048:]:
        return "Berkas harus PDF yang utuh."
    try:
        found = active_content(content)
    except ValueError:
        return "Berkas harus PDF yang utuh."
    if found:
        return ("Berkas PDF memuat skrip atau tindakan otomatis (" + found.lstrip("/")
                + "); unggah hasil pindai tanpa skrip.")
    return None


def clean_name(name: str) -> str:
    """A file name as the browser sent it, without control or formatting characters
    (NUL, escape sequences, right-to-left overrides), at most 200 characters."""
    return "".join(c for c in name if not unicodedata.category(c).startswith("C"))[:200]


def store_pdf(session: Session, content: bytes, original_name: str, user_id: int) -> str:
    problem = check_pdf(content)
    if problem:
        raise Refused(problem)
    digest = hashlib.sha256(content).hexdigest()
    if session.get(StoredFile, digest) is None:
        # The same PDF uploaded by two people at once is stored once, without an error.
        insert_if_missing(session, StoredFile, ["sha256"], {
            "sha256": digest, "size": len(content), "original_name": clean_name(original_name),
            "uploaded_by": user_id, "content": content,
        })
    return digest


def names(session: Session, digests: list[str]) -> dict[str, str]:
    """The name each stored file was uploaded with, by its hash."""
    wanted = [d for d in digests if isinstance(d, str) and d]
    if not wanted:
        return {}
    rows = session.execute(select(StoredFile.sha256, StoredFile.original_name)
                           .where(StoredFile.sha256.in_(wanted)))
    return {digest: name for digest, name in rows}


def load(session: Session, digest: str) -> StoredFile | None:
    return session.get(StoredFile, digest)
