"""Withdrawing a waiting submission: the submitting unit takes it back, with a reason.

Who may is the continuation rule (an operator of the record's unit or of its Polda,
`access.continuation`). The submission may be with an approver or back with the operator
for correction: the instance ends wherever it waits (its open tasks are cancelled, the
ending is in its history), and the record returns to its previous status
(`records.endings`; a first pencatatan becomes DIBATALKAN). Audited like every record write.
"""

from __future__ import annotations

import engine
from engine import ServiceContext
from processes.access import continuation
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.db.uow import UnitOfWork
from processes.errors import Forbidden, Refused
from processes.records.endings import WITHDRAWN, end_submission
from processes.records.models import Record
from processes.records.writes import WAITING, submission_of
from processes.work.runtime import RUNTIME

NOTHING_WAITING = "Tidak ada pengajuan yang menunggu pada proses ini."


def withdrawable(session, user: User, instance_id: int) -> Record | None:
    """The record whose submission `user` may withdraw in this instance now, or None."""
    submission = submission_of(session, instance_id)
    if submission is None or submission.status != WAITING:
        return None
    record = session.get(Record, submission.record_id)
    return record if continuation.may_continue(user, record) else None


def withdraw(uow: UnitOfWork, user: User, instance_id: int, reason: str) -> Record:
    """End the instance's waiting submission as withdrawn; returns the record."""
    with uow:
        session = uow.session
        submission = submission_of(session, instance_id)
        if submission is None or submission.status != WAITING:
            raise Forbidden(NOTHING_WAITING)
        if withdrawable(session, user, instance_id) is None:
            raise Forbidden(continuation.REFUSED)
        if len((reason or "").strip()) < 5:
            raise Refused("Alasan penarikan wajib diisi (minimal 5 karakter).")
        actor = actor_for(user)
        info = engine.instance_info(session, instance_id)
        # The instance is locked first (the one lock order), then the record is written.
        RUNTIME.end_instance(session, actor, instance_id, "Pengajuan ditarik", WITHDRAWN,
                             reason.strip()[:2000])
        ctx = ServiceContext(session=session, instance_id=instance_id, process_id=info.process_id,
                             unit_path=info.unit_path, started_by=info.started_by, actor=actor)
        record = end_submission(session, ctx, WITHDRAWN, reason)
        uow.commit()
        return record
