"""Kaurlitpers approves pencatatan after pencatatan while the server is killed (kill -9) and
started again, round after round: afterwards `periksa` finds every instance, open task,
record and submission in agreement, and the audit chain is whole.

A real server process on 127.0.0.1 (a free port) against the test database; the loop is
bounded in rounds and seconds.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import engine
from processes.accounts.users import actor_for
from processes.db.audit import verify
from processes.db.uow import UnitOfWork
from processes.work import consistency
from tests.conftest import AUDIT_KEY, DEMO_PASSWORD
from tests.support.actors import user
from tests.support.flows import submitted_record

ROOT = Path(__file__).resolve().parents[2]
ROUNDS, RECORDS, CLIENTS = 4, 40, 4
SERVER = """
import sys
from werkzeug.serving import make_server
from web import create_app
app = create_app({"DATABASE_URL": sys.argv[1], "SECRET_KEY": "uji-kill", "WTF_CSRF_ENABLED": False})
server = make_server("127.0.0.1", int(sys.argv[2]), app, threaded=True)
print("siap", flush=True)
server.serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db_url: str, port: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-c", SERVER, db_url, str(port)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert server.stdout.readline().strip() == "siap"
    return server


def signed_in(base: str) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    form = urllib.parse.urlencode({"username": "kaurlitpers", "password": DEMO_PASSWORD})
    opener.open(f"{base}/masuk", form.encode(), timeout=10).close()
    return opener


def approve_all(base: str, task_ids: list[str], stop: threading.Event,
                landed: threading.Event) -> None:
    """Approve each task until the server dies under us (a refused or lost request is fine);
    `landed` is set once an approval has come back, so the kill never precedes them all."""
    try:
        opener = signed_in(base)
        for task_id in task_ids:
            if stop.is_set():
                return
            form = urllib.parse.urlencode({"keputusan": "SETUJU"}).encode()
            opener.open(f"{base}/tugas/{task_id}", form, timeout=10).close()
            landed.set()
    except (urllib.error.URLError, http.client.HTTPException, ConnectionError, OSError):
        return  # killed mid-request: what it left must still agree


def open_approvals(session) -> list[str]:
    session.expire_all()
    return [t.id for t in engine.inbox(session, actor_for(user(session, "kaurlitpers")))]


def test_approvals_killed_mid_flight_leave_everything_in_agreement(db_url, session,
                                                                   session_factory):
    for i in range(RECORDS):
        submitted_record(session, username="op.kapuas", nomor_identitas=f"850{i:05d}")
    port, rng = free_port(), random.Random(7)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    left = []
    for _round in range(ROUNDS):
        tasks = open_approvals(session)
        if not tasks or time.monotonic() > deadline:
            break
        server, stop, landed = start_server(db_url, port), threading.Event(), threading.Event()
        shares = [tasks[i::CLIENTS] for i in range(CLIENTS)]
        workers = [threading.Thread(target=approve_all, args=(base, share, stop, landed))
                   for share in shares]
        for worker in workers:
            worker.start()
        # A loaded machine may take seconds for the first answer: time the kill from it.
        landed.wait(timeout=30)
        time.sleep(rng.uniform(0.1, 0.5))
        os.kill(server.pid, signal.SIGKILL)  # no shutdown, no rollback by the server
        server.wait(timeout=10)
        server.stdout.close()
        stop.set()
        for worker in workers:
            worker.join(timeout=15)
        left.append(len(open_approvals(session)))
    report = consistency.periksa(lambda: UnitOfWork(session_factory))
    assert report.lines == []
    assert report.instances == RECORDS
    # Approvals landed between kills, and the kills came while approvals were still going.
    assert left[-1] < RECORDS and left[0] > 0
    assert verify(session, AUDIT_KEY).ok
