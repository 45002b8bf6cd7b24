"""Two versions of one process, for the catalogue's visual diff (the browser compares them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from engine import NotFound
from engine.catalogue import version_bundle
from processes.accounts.models import User
from processes.setup.catalogue import owner_only


@dataclass(frozen=True)
class VersionPair:
    name: str
    old_id: int
    new_id: int


def version_pair(session: Session, user: User, old_id: int, new_id: int) -> VersionPair:
    """The two versions to compare; refused unless both exist and are of the same process."""
    owner_only(user)
    old, new = version_bundle(session, old_id), version_bundle(session, new_id)
    if old is None or new is None:
        raise NotFound("Versi tidak ditemukan.")
    if old.process_id != new.process_id:
        raise NotFound("Hanya dua versi dari proses yang sama yang dapat dibandingkan.")
    return VersionPair(new.name or new.process_id, old_id, new_id)
