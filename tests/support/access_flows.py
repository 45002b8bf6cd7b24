"""The access module through the web, as its users work it, and reading what it gives back.

Used by the HTTP tests (Flask test client): submit a permohonan SKHP / rekam jejak or an
akses khusus with its reference PDF, get a letter issued, and read the read log page and
the letters list. Reading the letter itself: tests/support/letters.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from processes.letters.models import Letter
from tests.support.data import MINIMAL_PDF, akses_khusus_fields, permohonan_fields
from tests.support.flows import letter_of
from tests.support.pages import (
    instance_of,
    parse,
    post_decision,
    post_start,
    squash,
)

TASK_KAURLITPERS = "Teliti permohonan (Kaurlitpers)"
TASK_KASUBBID = "Persetujuan Kasubbid Paminal"
TASK_KABID = "Persetujuan Kabid Propam"
TASK_PERBAIKI = "Perbaiki permohonan"
TASK_AKSES_KHUSUS = "Keputusan Kabid Propam"


def post_permohonan(client, pdf: bytes | None = MINIMAL_PDF, **overrides: str):
    return post_start(client, "permohonan_catpers", permohonan_fields(**overrides), pdf)


def post_akses_khusus(client, pdf: bytes | None = MINIMAL_PDF, **overrides: str):
    return post_start(client, "akses_khusus", akses_khusus_fields(**overrides), pdf)


AUTHORITY_USER = {TASK_KASUBBID: "kasubbid", TASK_KABID: "kabid"}


def issue_letter(
    client, auth, session, authority: str = TASK_KASUBBID, username: str = "operator",
    **overrides: str,
) -> Letter:
    """`username` requests, Kaurlitpers approves, the authority approves: the issued letter."""
    auth.login(username)
    instance_id = instance_of(post_permohonan(client, **overrides))
    auth.login("kaurlitpers")
    post_decision(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login(AUTHORITY_USER[authority])
    post_decision(client, instance_id, "SETUJU", title=authority)
    letter = letter_of(session, instance_id)
    assert letter is not None, "no letter issued"
    return letter


# -- reading what comes back ----------------------------------------------------------


@dataclass(frozen=True)
class LogRow:
    """One row of the audit log page, as Kabid Propam reads it (labels, not codes)."""

    user: str
    nomor: str
    what: str
    ground: str
    detail: str = ""


def read_log(client, **params: str) -> tuple[int, list[LogRow]]:
    response = client.post("/log-akses", data=params)
    assert response.status_code == 200, response.status_code
    page = parse(response)
    total = int(re.match(r"\s*(\d+) entri", page.xpath('//span[@id="total"]')[0].text_content()).group(1))
    rows = []
    for tr in page.xpath('//table[@id="audit-log"]/tbody/tr'):
        cells = [squash(td.text_content()) for td in tr.xpath("./td")]
        rows.append(LogRow(cells[2].split(" (")[0], cells[4], cells[3], cells[5], cells[6]))
    return total, rows


def letters_listed(client) -> dict[str, dict[str, str]]:
    """The /surat table by letter number: kind, name, state, and the PDF link."""
    response = client.get("/surat")
    assert response.status_code == 200, response.status_code
    listed = {}
    for tr in parse(response).xpath('//table[@id="letters"]/tbody/tr'):
        cells = [squash(td.text_content()) for td in tr.xpath("./td")]
        link = tr.xpath("./td[1]/a")[0]
        listed[squash(link.text_content())] = {
            "href": link.get("href"), "jenis": cells[1], "nama": cells[2], "keadaan": cells[5],
            "cabut": bool(tr.xpath(".//form[contains(@action, '/cabut')]")),
        }
    return listed
