"""Flask app and client fixtures, and an `auth` helper that signs in as a demo user."""

from __future__ import annotations

import io
import re

import pytest

from tests.conftest import DEMO_PASSWORD
from tests.support.data import MINIMAL_PDF, pencatatan_data
from web import create_app, db


@pytest.fixture
def app(db_url, session_factory, tmp_path, office_key):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": db_url,
            "WTF_CSRF_ENABLED": False,
            "SECRET_KEY": "uji",
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


def pdf_upload(content: bytes = MINIMAL_PDF, name: str = "lp.pdf"):
    return (io.BytesIO(content), name)


def submit_pencatatan(client, **overrides):
    data = pencatatan_data(**overrides)
    data["dokumen_file__upload"] = pdf_upload()
    return client.post("/ajukan/pencatatan", data=data, content_type="multipart/form-data")


def task_ids(client) -> list[str]:
    page = client.get("/").get_data(as_text=True)
    return re.findall(r'href="/tugas/([0-9a-f-]{36})"', page)
