"""A minimal browser for the HTTP benchmarks: one user's cookies and CSRF token, plain
`http.client` (the standard library: no dependency), redirects returned, never followed.

Each request is timed by the caller; this module only speaks HTTP and reads what a page
gives back (the CSRF token, the task links of an inbox).
"""

from __future__ import annotations

import http.client
import re
import urllib.parse
from dataclasses import dataclass

CSRF = re.compile(rb'name="csrf_token" value="([^"]+)"')
TASK_LINK = re.compile(rb'href="/tugas/([0-9a-f-]{36})"')


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    body: bytes


class Browser:
    """One signed-in user: the cookies the app sets, sent back on every request."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.cookies: dict[str, str] = {}
        self.csrf = ""
        self._conn: http.client.HTTPConnection | None = None

    def get(self, path: str) -> Answer:
        return self._send("GET", path, None)

    def post(self, path: str, fields: dict[str, str]) -> Answer:
        return self._send("POST", path, {"csrf_token": self.csrf, **fields})

    def sign_in(self, username: str, password: str) -> None:
        self.csrf = csrf_of(self.get("/masuk").body)
        answer = self.post("/masuk", {"username": username, "password": password})
        if answer.status != 302:
            raise RuntimeError(f"{username}: sign-in answered {answer.status}")
        # The token is bound to the session a sign-in starts afresh: read it again.
        self.csrf = csrf_of(self.get("/").body)

    def cookie_bytes(self) -> int:
        return sum(len(k) + len(v) + 2 for k, v in self.cookies.items())

    def _send(self, method: str, path: str, fields: dict[str, str] | None) -> Answer:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
                   "User-Agent": "ecatpers-bench"}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        response = self._request(method, path, body, headers)
        payload = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self._close()
        return Answer(response.status, response.getheader("Location", ""), payload)

    def _request(self, method, path, body, headers) -> http.client.HTTPResponse:
        for attempt in (1, 2):  # a kept-alive connection the server closed is opened again
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self._conn.request(method, path, body, headers)
                return self._conn.getresponse()
            except (ConnectionError, http.client.HTTPException):
                self._close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def csrf_of(page: bytes) -> str:
    found = CSRF.search(page)
    if found is None:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1).decode()


def task_ids(page: bytes) -> list[str]:
    """The open tasks an inbox page links to, in the order shown."""
    return [m.decode() for m in dict.fromkeys(TASK_LINK.findall(page))]
