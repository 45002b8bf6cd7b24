"""Demo users as the tests need them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from processes.accounts.models import User


def user(session: Session, username: str) -> User:
    return session.scalar(select(User).where(User.username == username))


def extra_user(session: Session, username: str, role: str, unit: str, full_name: str = "") -> User:
    """A user beyond the demo ones (named tmp-…, removed after the test), with the demo password."""
    from processes.accounts.users import create_user
    from tests.conftest import DEMO_PASSWORD

    assert username.startswith("tmp-"), "extra users are named tmp-… so the tests remove them"
    created = create_user(session, username, full_name or username, DEMO_PASSWORD, role, unit)
    session.commit()
    return created
