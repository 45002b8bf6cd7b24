"""Demo users as the tests need them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import User


def user(session: Session, username: str) -> User:
    return session.scalar(select(User).where(User.username == username))
