"""A live server on a free port and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import DEMO_PASSWORD
from web import create_app, db

CHROMIUM = os.environ.get("ECATPERS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def live_server(db_url, office_key):
    app = create_app({"DATABASE_URL": db_url, "SECRET_KEY": "uji-e2e", "SIGNING_KEY": office_key})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    db.dispose(app)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium tidak ditemukan di {CHROMIUM}")
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM}; uji peramban dilewati")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Desk:
    """One person at their own browser: signs in and works the app like a user."""

    def __init__(self, browser, base_url: str) -> None:
        self.context = browser.new_context(base_url=base_url, locale="id-ID")
        self.context.set_default_timeout(15_000)
        self.page = self.context.new_page()

    def login(self, username: str) -> Desk:
        self.page.goto("/masuk")
        self.page.fill("#username", username)
        self.page.fill("#password", DEMO_PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url("**/")
        return self

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def desk(browser, live_server, session_factory):
    opened: list[Desk] = []

    def open_desk(username: str) -> Desk:
        d = Desk(browser, live_server).login(username)
        opened.append(d)
        return d

    yield open_desk
    for d in opened:
        d.close()
