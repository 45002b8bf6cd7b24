"""The production shape: stateless app processes on one database. One instance's tasks are
completed through two app processes, and a signed-in user stays signed in when the
process serving them is restarted (the session lives in the signed cookie, not in memory)."""

from __future__ import annotations

import multiprocessing
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

from sqlalchemy import select

import engine
from engine.models import Instance
from tests.conftest import AUDIT_KEY, DEMO_PASSWORD
from tests.support.flows import submitted_record, task_of

SPAWN = multiprocessing.get_context("spawn")


def serve(config: dict, ports) -> None:
    """One app process (as a gunicorn worker is): its own app, engine and pool."""
    from werkzeug.serving import make_server

    from web import create_app

    server = make_server("127.0.0.1", 0, create_app(config))
    ports.put(server.server_port)
    server.serve_forever()


class AppProcess:
    def __init__(self, config: dict) -> None:
        ports = SPAWN.Queue()
        self.process = SPAWN.Process(target=serve, args=(config, ports), daemon=True)
        self.process.start()
        self.url = f"http://127.0.0.1:{ports.get(timeout=60)}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(10)


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer to look at, not to follow


class Browser:
    """One user's cookies, sent to whichever app process a request goes to."""

    def __init__(self) -> None:
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _Stay()
        )

    def request(self, url: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(url, body, timeout=30) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as err:
            return err.code, err.headers.get("Location", "")


def test_one_instance_is_completed_through_two_app_processes_and_survives_a_restart(
    db_url, session, office_key
):
    config = {"DATABASE_URL": db_url, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "uji",
              "AUDIT_KEY": AUDIT_KEY, "SIGNING_KEY": office_key}
    record = submitted_record(session, nomor_identitas="93020001")
    first, second = AppProcess(config), AppProcess(config)
    try:
        kaur, kasubbid = Browser(), Browser()
        signed_in = kaur.request(first.url + "/masuk", {"username": "kaurlitpers", "password": DEMO_PASSWORD})
        assert signed_in[0] == 302
        task = task_of(session, "kaurlitpers", record.instance_id)
        # Signed in at the first process, the approval goes through the second.
        status, where = kaur.request(f"{second.url}/tugas/{task.id}", {"keputusan": "SETUJU", "catatan": ""})
        assert (status, urllib.parse.urlparse(where).path) == (302, "/")

        kasubbid.request(second.url + "/masuk", {"username": "kasubbid", "password": DEMO_PASSWORD})
        assert kasubbid.request(second.url + "/")[0] == 200
        second.stop()
        second = AppProcess(config)  # the process serving Kasubbid is restarted
        assert kasubbid.request(second.url + "/")[0] == 200, "still signed in after the restart"
        task = task_of(session, "kasubbid", record.instance_id)
        status, _ = kasubbid.request(f"{first.url}/tugas/{task.id}", {"keputusan": "SETUJU", "catatan": ""})
        assert status == 302
    finally:
        first.stop()
        second.stop()
    session.expire_all()
    status = session.scalar(select(Instance.status).where(Instance.id == record.instance_id))
    assert status == "complete"
    assert engine.instance_tasks(session, record.instance_id) == []
