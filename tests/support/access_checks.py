"""Checks the access tests share: refusals that reveal nothing, the SKHP's findings per
area, row counts, page text."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from tests.conftest import DEMO_PASSWORD
from tests.support.pages import parse, squash

REFUSAL = "tidak berwenang"
#: What only the catpers (or the letter's body) says; never on a refusal or verification page.
CATPERS_WORDS = ("Tidak masuk dinas", "LP/A/12/X/2026/Yanduan", "MASIH DALAM PROSES", "Banit Reskrim")

#: Kabid Propam re-enters the password to revoke a letter.
SANDI = {"konfirmasi_sandi": DEMO_PASSWORD}


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def text_of(response) -> str:
    return squash(parse(response).text_content())


def assert_refused(response, *secrets: str) -> None:
    assert response.status_code == 403, response.status_code
    page = response.get_data(as_text=True)
    assert REFUSAL in page
    for secret in secrets:
        assert secret not in page, secret


def finding(text: str, area: str) -> str:
    """What the SKHP says for one area: the words after `<area> :` up to the next item."""
    found = re.search(rf"{area} : (.+?)(?= [a-j]\. | Berdasarkan hasil penelitian| Surat keterangan ini)", text)
    assert found, (area, text)
    return found.group(1)


def download(client, letter_id: int):
    return client.get(f"/surat/{letter_id}.pdf")
