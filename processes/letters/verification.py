"""The public check of a letter (its QR code's address): rate-limited per address, and
every check logged with its address, time and result.

The log is the `verification_check` table; the same rows are what the limit counts, so
it holds in every worker process. Refused checks are neither answered nor logged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from engine import as_utc, utcnow
from processes.db.uow import UnitOfWork
from processes.letters.issue import Verification, verify
from processes.letters.models import Letter, VerificationCheck

LIMIT, WINDOW = 30, timedelta(minutes=10)
UNKNOWN = "TIDAK DIKENAL"


@dataclass(frozen=True)
class Check:
    """What a check found (None: no such letter), or how long the address must wait."""

    found: Verification | None
    wait_minutes: int = 0


def now() -> datetime:
    """The check's clock (tests move it)."""
    return utcnow()


def check_letter(uow: UnitOfWork, token: str, address: str | None) -> Check:
    """Look up the letter of a verification token for someone at `address`."""
    address = (address or "-")[:45]
    at = now()
    with uow:
        session = uow.session
        count, oldest = session.execute(
            select(func.count(), func.min(VerificationCheck.checked_at)).where(
                VerificationCheck.address == address, VerificationCheck.checked_at > at - WINDOW)
        ).one()
        if count >= LIMIT:
            return Check(None, max(1, math.ceil((as_utc(oldest) + WINDOW - at).total_seconds() / 60)))
        found = verify(session, token)
        letter_id = session.scalar(select(Letter.id).where(Letter.verify_token == token))
        session.add(VerificationCheck(checked_at=at, address=address, letter_id=letter_id,
                                      result=found.status if found else UNKNOWN))
        uow.commit()
        return Check(found)
