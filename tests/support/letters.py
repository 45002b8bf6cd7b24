"""Reading an issued letter back: its PDF's text, and the numbers and dates it prints."""

from __future__ import annotations

import io
import re
from calendar import monthrange
from datetime import date

from pypdf import PdfReader

from tests.support.pages import squash

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, as extracted."""
    assert pdf.startswith(b"%PDF"), pdf[:20]
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdf_text(pdf: bytes) -> str:
    """The whole PDF's text, white space folded."""
    return squash(" ".join(pdf_pages(pdf)))


def tanggal(day: date) -> str:
    """A date as the letters write it: 22 November 2026."""
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def six_months_after(day: date) -> date:
    month = day.month - 1 + 6
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def skhp_number(n: int, day: date) -> str:
    return f"SKHP/{n}/{ROMAN[day.month - 1]}/{day.year}/LITPERS"


TOKEN_LENGTH = 32  # secrets.token_urlsafe(24)


def verify_token_in(text: str) -> str:
    """The token of the verification address printed under the QR code.

    The printed address wraps in its narrow column (often after a '-'), so the extracted
    text may hold the address in pieces (a break after the host's '/' too): join them up
    to the token's length.
    """
    found = re.search(r"/\s*verifikasi/((?:\s*[A-Za-z0-9_-]+){1,8})", text)
    assert found, text
    token = ""
    for piece in found.group(1).split():
        token += piece
        if len(token) >= TOKEN_LENGTH:
            break
    assert len(token) == TOKEN_LENGTH, (token, text)
    return token
