"""Refusals in the audit log: who tried what, and what they were told.

The refused request's own work is rolled back first; the refusal is then written in a
transaction of its own, so it stays even though nothing else of that request does.
"""

from __future__ import annotations

from processes.db import audit
from processes.db.audit_actions import AKSES_DITOLAK
from processes.db.uow import UnitOfWork


def record_refusal(
    uow: UnitOfWork, user_id: int | None, method: str, path: str, code: int, message: str,
) -> None:
    with uow:
        audit.record(uow.session, AKSES_DITOLAK, user_id=user_id, target=path, outcome=message,
                     detail={"metode": method, "kode": code})
        uow.commit()
