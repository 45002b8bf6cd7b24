"""The app as production runs it, for the HTTP benchmarks: gunicorn with N sync workers on
one database, in a child process started and stopped here.

Keys come from the environment (fresh random ones), so the server writes nothing into the
instance folder; its log goes to a temporary file printed when it fails to start.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ready(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/masuk")
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


@contextlib.contextmanager
def gunicorn(database_url: str, audit_key: bytes, workers: int = 2) -> Iterator[int]:
    """Serve `web:create_app()` on a free local port with `workers` workers; yields the port."""
    port = free_port()
    env = {**os.environ, "ECATPERS_DATABASE_URL": database_url,
           "ECATPERS_SECRET_KEY": secrets.token_hex(32),
           "ECATPERS_AUDIT_KEY": audit_key.decode(),
           "ECATPERS_AUDIT_HEAD_KEY": secrets.token_hex(32),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "web:create_app()"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while not _ready(port):
                if server.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("gunicorn did not start:\n" + log.read().decode(errors="replace"))
                time.sleep(0.2)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
