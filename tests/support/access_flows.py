"""The access module through the web, as its users work it, and reading what it gives back.

Used by the HTTP tests (Flask test client) and, for the letter text, by the browser tests:
submit a permohonan SKHP / rekam jejak or an akses khusus with its reference PDF, find
one's own task of a process in the inbox and decide it, read a letter's PDF as text, and
read the read log page.
"""

from __future__ import annotations

import io
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from pypdf import PdfReader
from sqlalchemy import select

from processes.access.models import AccessRequest
from processes.letters.models import Letter
from tests.support.data import MINIMAL_PDF
from tests.support.pages import (
    decide,
    instance_of,
    parse,
    squash,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
    "Oktober", "November", "Desember",
)

#: The person most tests ask about (same as tests.support.data.pencatatan_data).
NRP_AIPDA, NAMA_AIPDA = "85051234", "Budi Hartono"
NRP_AKP, NAMA_AKP = "88110987", "Rudi Santoso"
NRP_OTHER = "90030456"

TASK_KAURLITPERS = "Teliti permohonan (Kaurlitpers)"
TASK_KASUBBID = "Persetujuan Kasubbid Paminal"
TASK_KABID = "Persetujuan Kabid Propam"
TASK_PERBAIKI = "Perbaiki permohonan"
TASK_AKSES_KHUSUS = "Keputusan Kabid Propam"


# -- what an operator types ---------------------------------------------------------


def permohonan_fields(**overrides: str) -> dict[str, str]:
    """A complete permohonan SKHP for the AIPDA Budi Hartono, as the form posts it."""
    data = {
        "jenis_permohonan": "SKHP",
        "peruntukan": "KENAIKAN_PANGKAT",
        "keterangan_peruntukan": "periode 1 Januari 2027",
        "kepada": "Karo SDM Polda Kalteng",
        "dokumen_nomor": "B/456/XI/2026/Ro SDM",
        "dokumen_jenis": "SURAT_PERINTAH",
        "dokumen_tanggal": "2026-11-02",
        "dokumen_perihal": "Permintaan SKHP kenaikan pangkat",
        "personel": "POLRI",
        "nomor_identitas": NRP_AIPDA,
        "nama": NAMA_AIPDA,
        "jenis_kelamin": "L",
        "pangkat": "AIPDA",
        "jabatan": "Banit Reskrim",
        "kesatuan": "POLRES-KAPUAS",
        "tempat_lahir": "Sampit",
        "tanggal_lahir": "1985-05-17",
        "agama": "Islam",
    }
    data.update(overrides)
    return data


def akses_khusus_fields(**overrides: str) -> dict[str, str]:
    data = {
        "personel": "POLRI",
        "nomor_identitas": NRP_AIPDA,
        "nama": NAMA_AIPDA,
        "dasar": "PERMINTAAN_KHUSUS_KAPOLDA",
        "alasan": "Atensi Kapolda atas laporan masyarakat di Barito Selatan",
        "dokumen_nomor": "ST/12/XI/2026/Polres Barsel",
        "dokumen_jenis": "SURAT_PERINTAH",
        "dokumen_tanggal": "2026-11-03",
        "dokumen_perihal": "Permintaan akses catpers",
    }
    data.update(overrides)
    return data


def _post_start(client, process_id: str, fields: dict[str, str], pdf: bytes | None):
    data: dict = dict(fields)
    if pdf is not None:
        data["dokumen_file__upload"] = (io.BytesIO(pdf), "surat-permintaan.pdf")
    return client.post(f"/ajukan/{process_id}", data=data, content_type="multipart/form-data")


def submit_permohonan(client, pdf: bytes | None = MINIMAL_PDF, **overrides: str):
    return _post_start(client, "permohonan_catpers", permohonan_fields(**overrides), pdf)


def submit_akses_khusus(client, pdf: bytes | None = MINIMAL_PDF, **overrides: str):
    return _post_start(client, "akses_khusus", akses_khusus_fields(**overrides), pdf)


AUTHORITY_USER = {TASK_KASUBBID: "kasubbid", TASK_KABID: "kabid"}


def request_of(session, instance_id: int) -> AccessRequest:
    session.expire_all()
    return session.scalar(select(AccessRequest).where(AccessRequest.instance_id == instance_id))


def letter_of(session, instance_id: int) -> Letter | None:
    request = request_of(session, instance_id)
    assert request is not None, instance_id
    return session.scalar(select(Letter).where(Letter.request_id == request.id))


def issue_letter(
    client, auth, session, authority: str = TASK_KASUBBID, username: str = "operator",
    **overrides: str,
) -> Letter:
    """`username` requests, Kaurlitpers approves, the authority approves: the issued letter."""
    auth.login(username)
    instance_id = instance_of(submit_permohonan(client, **overrides))
    auth.login("kaurlitpers")
    decide(client, instance_id, "SETUJU", title=TASK_KAURLITPERS)
    auth.login(AUTHORITY_USER[authority])
    decide(client, instance_id, "SETUJU", title=authority)
    letter = letter_of(session, instance_id)
    assert letter is not None, "no letter issued"
    return letter


# -- reading what comes back ----------------------------------------------------------


def pdf_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return squash(" ".join(page.extract_text() for page in pages))


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
    text may hold the token in pieces: join them up to the token's length.
    """
    found = re.search(r"/verifikasi/((?:\s*[A-Za-z0-9_-]+){1,8})", text)
    assert found, text
    token = ""
    for piece in found.group(1).split():
        token += piece
        if len(token) >= TOKEN_LENGTH:
            break
    assert len(token) == TOKEN_LENGTH, (token, text)
    return token


@dataclass(frozen=True)
class LogRow:
    user: str
    nomor: str
    what: str
    ground: str


def read_log(client, **params: str) -> tuple[int, list[LogRow]]:
    response = client.get("/log-akses", query_string=params)
    assert response.status_code == 200, response.status_code
    page = parse(response)
    total = int(re.match(r"\s*(\d+) entri", page.xpath('//p[@class="lead"]')[0].text_content()).group(1))
    rows = []
    for tr in page.xpath('//table[@id="read-log"]/tbody/tr'):
        cells = [squash(td.text_content()) for td in tr.xpath("./td")]
        rows.append(LogRow(cells[1], cells[2], cells[3], cells[4]))
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
