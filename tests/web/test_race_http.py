"""Fifty people press "Kirim" on the same task at once, over real HTTP: one wins, the other
forty-nine are told who completed it, and nothing is written twice or half.

The app runs in a threaded WSGI server on a free port of 127.0.0.1, against the test
database; each client is a thread with its own connection.
"""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from werkzeug.serving import make_server

import engine
from engine.models import TaskHistory
from engine.waits import TaskWait
from tests.conftest import DEMO_PASSWORD
from tests.support import fuzz
from tests.support.flows import submitted_record, task_of
from tests.support.pages import parse, squash
from tests.support.races import race

CLIENTS = 50
DONE_BY_KAURLITPERS = "Tugas ini sudah diselesaikan oleh Iptu Rina Marlina (Kaurlitpers)."


@pytest.fixture
def server(app) -> Iterator[tuple[str, int]]:
    served = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    yield "127.0.0.1", served.server_port
    served.shutdown()
    thread.join(10)


def _request(address, method: str, path: str, cookie: str = "", body: dict | None = None):
    conn = http.client.HTTPConnection(*address, timeout=60)
    headers = {"Cookie": cookie} if cookie else {}
    data = None
    if body is not None:
        data = urllib.parse.urlencode(body)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    page = response.read().decode()
    conn.close()
    return response.status, response.getheader("Location"), _session_cookie(response) or cookie, page


def _session_cookie(response) -> str:
    found = re.search(r"(session=[^;]*)", response.getheader("Set-Cookie") or "")
    return found.group(1) if found else ""


def _flashes(page: str) -> list[str]:
    return [squash(f.text_content()) for f in parse(page).xpath('//*[contains(@class, "flash")]')]


def _waits_counted(session) -> int:
    """Waits the Anev's histogram holds (each completion counts for its unit and its Polda)."""
    session.expire_all()
    return session.scalar(select(func.coalesce(func.sum(TaskWait.n), 0)))


def test_fifty_clients_complete_one_task_exactly_one_wins(server, session):
    record = submitted_record(session)
    task = task_of(session, "kaurlitpers", record.instance_id)
    status, _, cookie, _ = _request(server, "POST", "/masuk", body={
        "username": "kaurlitpers", "password": DEMO_PASSWORD})
    assert status == 302 and cookie
    before, waits_before = fuzz.row_counts(session), _waits_counted(session)

    def press_send() -> tuple[int, list[str]]:
        status, location, own_cookie, page = _request(
            server, "POST", f"/tugas/{task.id}", cookie, {"keputusan": "SETUJU"})
        if status == 302:  # the message travels in the session cookie to the next page
            status, _, _, page = _request(server, "GET", urllib.parse.urlparse(location).path,
                                          own_cookie)
        return status, _flashes(page)

    outcomes = race(*[press_send] * CLIENTS)
    assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
    assert all(status < 500 for status, _ in outcomes), Counter(s for s, _ in outcomes)
    messages = Counter(" ".join(flashes) for _, flashes in outcomes)
    assert messages == {
        f"Tugas \u201c{task.title}\u201d selesai.": 1, DONE_BY_KAURLITPERS: CLIENTS - 1,
    }, messages
    history = session.scalar(select(func.count()).select_from(TaskHistory)
                             .where(TaskHistory.task_id == task.id))
    assert history == 1
    after = fuzz.row_counts(session)
    assert {**before, "wf_task_history": before["wf_task_history"] + 1,
            "wf_task_wait": after["wf_task_wait"]} == after
    assert _waits_counted(session) == waits_before + 2  # one wait: its unit and the Polda's
    assert [t.lane for t in engine.instance_tasks(session, record.instance_id)] == ["Kasubbid Paminal"]
