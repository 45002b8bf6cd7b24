"""Flask app and client fixtures, and an `auth` helper that signs in as a demo user.

Helpers that drive the app through HTTP are in tests/support/pages.py.
"""

from __future__ import annotations

import pytest

from tests.conftest import AUDIT_KEY, DEMO_PASSWORD
from web import create_app, db


@pytest.fixture
def app(db_url, session_factory, tmp_path, office_key):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_url,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "uji",
            "AUDIT_KEY": AUDIT_KEY,
            "SIGNING_KEY": office_key,
        }
    )
    yield app
    db.dispose(app)


@pytest.fixture
def client(app):
    return app.test_client()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, username: str, password: str = DEMO_PASSWORD):
        self.client.post("/keluar")
        return self.client.post("/masuk", data={"username": username, "password": password})


@pytest.fixture
def auth(client):
    return Auth(client)
