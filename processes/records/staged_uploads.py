"""Staged uploads: a PDF sent with a form that came back with errors, kept for its resubmission.

The form's page carries only the staged file's random token; the file itself stays in the
database (several web workers serve one office), owned by the user who uploaded it and
tied to one form. A token is honoured only for that user and that form, before it expires;
a completed submission turns the file into a StoredFile and drops what was staged for it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from engine import as_utc
from processes.db.base import utcnow
from processes.records.documents import clean_name
from processes.records.models import StagedUpload

#: How long a staged file waits for its form to be resubmitted.
STAGED_FOR = timedelta(hours=24)


@dataclass(frozen=True)
class StagedFile:
    """What a re-rendered form shows of a staged file: its token and the name it came with."""

    token: str
    name: str


def stage(session: Session, user_id: int, form_key: str, field: str, content: bytes,
          name: str) -> StagedFile:
    """Keep `content` for `user_id`'s next submission of `form_key`; expired files go first."""
    purge_expired(session)
    row = StagedUpload(
        token=secrets.token_urlsafe(32), user_id=user_id, form_key=form_key[:200],
        field=field[:100], original_name=clean_name(name) or "berkas.pdf", content=content,
        expires_at=utcnow() + STAGED_FOR,
    )
    session.add(row)
    session.flush()
    return StagedFile(row.token, row.original_name)


def find(session: Session, user_id: int, form_key: str, field: str, token: str) -> StagedUpload | None:
    """The staged file behind `token`, if it is `user_id`'s, for this form's field and not expired."""
    if not token or len(token) > 64:
        return None
    row = session.get(StagedUpload, token)
    if row is None or row.user_id != user_id or row.form_key != form_key or row.field != field:
        return None
    return row if as_utc(row.expires_at) > utcnow() else None


def someone_elses(session: Session, user_id: int, token: str) -> bool:
    """Whether `token` names a file another user staged (a token that was passed on)."""
    row = session.get(StagedUpload, token) if token and len(token) <= 64 else None
    return row is not None and row.user_id != user_id


def discard(session: Session, user_id: int, form_key: str) -> None:
    """Drop what `user_id` staged for `form_key`: its submission completed."""
    session.execute(delete(StagedUpload).where(
        StagedUpload.user_id == user_id, StagedUpload.form_key == form_key[:200]))


def purge_expired(session: Session) -> int:
    """Drop every expired staged file; how many there were."""
    expired = list(session.scalars(select(StagedUpload.token).where(StagedUpload.expires_at <= utcnow())))
    if expired:
        session.execute(delete(StagedUpload).where(StagedUpload.token.in_(expired)))
    return len(expired)
