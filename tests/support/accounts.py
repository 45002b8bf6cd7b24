"""Accounts through the web: choosing one's own password, the administrator's changes and
their approval by a second administrator, and a clock the app's sessions run on."""

from __future__ import annotations

from sqlalchemy import select

from processes.accounts.models import AccountChange, User
from processes.accounts.users import create_user
from tests.conftest import DEMO_PASSWORD
from tests.support.pages import parse


def choose_own_password(client, current: str, new: str):
    """The signed-in user changes their password on /kata-sandi; it must be accepted."""
    response = client.post("/kata-sandi", data={"current": current, "new": new, "repeat": new})
    assert response.status_code == 302, flashes(response)
    return response


def flashes(response) -> list[str]:
    """The messages a page shows at its top."""
    return [" ".join(div.text_content().split())
            for div in parse(response).xpath('//div[contains(@class, "flash")]')]


def second_admin(session_factory, username: str = "tmp-admin2") -> str:
    """Another administrator (made directly, as `flask setup` would), ready to sign in."""
    return tmp_user(session_factory, username, "ADMIN", "POLDA-KALTENG", "Penata Rudi Hartono",
                    "198001012006041001")


def tmp_user(session_factory, username: str = "tmp-op", role: str = "OPERATOR",
             unit: str = "POLRES-KAPUAS", full_name: str = "Brigpol Yoga Lestari",
             nrp: str = "91020399") -> str:
    """A user of that role for one test (emptied after it), signing in with DEMO_PASSWORD."""
    assert username.startswith("tmp-")
    with session_factory() as s:
        create_user(s, username, full_name, DEMO_PASSWORD, role, unit, nrp=nrp)
        s.commit()
    return username


def signed_in(app, username: str, password: str = DEMO_PASSWORD):
    """A browser of its own, signed in as `username`."""
    client = app.test_client()
    response = client.post("/masuk", data={"username": username, "password": password})
    assert response.status_code == 302, flashes(response)
    return client


def user_row(session, username: str) -> User | None:
    session.expire_all()
    return session.scalar(select(User).where(User.username == username))


def waiting_changes(session) -> list[AccountChange]:
    session.expire_all()
    return list(session.scalars(select(AccountChange).where(AccountChange.status == "MENUNGGU")))


class Clock:
    """The app's clock for session times (seconds since the epoch), moved by the test."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, minutes: float = 0, hours: float = 0) -> None:
        self.now += minutes * 60 + hours * 3600
