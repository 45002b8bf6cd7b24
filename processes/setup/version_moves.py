"""Moving running instances of a process to its version in force, from the catalogue:
each selected instance is moved when the engine finds it safe, or refused with the
reason; every outcome is audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from engine import NotFound
from engine.instance_migration import Movable, movable, move_instance
from processes.accounts.models import User
from processes.db import audit
from processes.db.audit_actions import PINDAH_VERSI, TOLAK_PINDAH_VERSI
from processes.db.uow import UnitOfWork
from processes.setup.catalogue import owner_only


@dataclass(frozen=True)
class MoveResult:
    """One selected instance and what became of it, in words."""

    instance_id: int
    moved: bool
    message: str


def movable_by_version(session: Session, user: User) -> dict[int, list[Movable]]:
    """The running and stopped instances of every version, for the catalogue page."""
    owner_only(user)
    found: dict[int, list[Movable]] = {}
    for row in movable(session):
        found.setdefault(row.version_id, []).append(row)
    return found


def move_instances(uow: UnitOfWork, user: User, instance_ids: Iterable[int],
                   target_id: int) -> list[MoveResult]:
    """Move each selected instance to version `target_id`, in id order (the lock order of
    one instance after another), all in one transaction."""
    with uow:
        owner_only(user)
        results = [_move(uow.session, user, i, target_id) for i in sorted(set(instance_ids))]
        uow.commit()
        return results


def _move(session: Session, user: User, instance_id: int, target_id: int) -> MoveResult:
    try:
        outcome = move_instance(session, instance_id, target_id)
    except NotFound as err:  # an id that is no instance
        return _refused(session, user, instance_id, target_id, str(err))
    if not outcome.moved:
        return _refused(session, user, instance_id, target_id, outcome.reason)
    audit.record(session, PINDAH_VERSI, user_id=user.id, target=f"proses {instance_id}",
                 outcome="dipindahkan", detail={"proses": instance_id, "dari_versi": outcome.from_version,
                         "ke_versi": target_id})
    return MoveResult(instance_id, True, f"Dipindahkan ke versi {target_id}.")


def _refused(session: Session, user: User, instance_id: int, target_id: int,
             reason: str) -> MoveResult:
    audit.record(session, TOLAK_PINDAH_VERSI, user_id=user.id, target=f"proses {instance_id}",
                 outcome="ditolak", detail={"proses": instance_id, "ke_versi": target_id,
                                            "alasan": reason})
    return MoveResult(instance_id, False, reason)
