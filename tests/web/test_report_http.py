"""Laporan: a year, a quarter or a month, one unit or all, as XLSX (real numbers and
dates), PDF and CSV; only what the viewer may read; every export in the audit log."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from processes.accounts.models import Unit
from processes.db.audit_actions import AKSES_DITOLAK, EKSPOR_LAPORAN
from processes.reference import lists as reference
from tests.support.audit import entries
from tests.support.data import KEPP
from tests.support.flows import record_in_proses, submitted_record

YEAR = datetime.now(UTC).year
POLDA = "/POLDA-KALTENG/"


def download(client, fmt, jenis="tahun", periode=str(YEAR), satuan=""):
    return client.post("/laporan/unduh", data={"format": fmt, "jenis": jenis, "periode": periode,
                                                "satuan": satuan})


def two_records(session):
    return submitted_record(session), record_in_proses(session, username="op.kapuas", **KEPP)


def test_the_yearly_xlsx_holds_numbers_and_dates(client, auth, session):
    waiting, kepp = two_records(session)
    auth.login("kabid")
    response = download(client, "xlsx")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.data))
    figures = {row[1]: row[2] for row in book["Ringkasan"].iter_rows(min_row=3, values_only=True)}
    assert figures["Kode etik"] == 1 and figures["Disiplin"] == 1 and isinstance(figures["Pidana"], int)
    rows = list(book["Catatan"].iter_rows(min_row=2, values_only=True))
    assert sorted(r[3] for r in rows) == sorted([waiting.person.nama, kepp.person.nama])
    assert all(isinstance(r[0], datetime) for r in rows)
    logged = entries(session, EKSPOR_LAPORAN)[-1]
    assert logged.detail["format"] == "xlsx" and logged.detail["catatan"] == 2


def test_the_pdf_reads_the_figures_and_the_records(client, auth, session):
    _, kepp = two_records(session)
    auth.login("kapolda")
    response = download(client, "pdf", jenis="bulan", periode=f"{YEAR}-{datetime.now(UTC).month:02d}")
    # Words as a reader sees them: a cell may wrap a name onto two lines.
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(io.BytesIO(response.data)).pages)
    assert "Laporan Catatan Personel" in text and kepp.person.nama in text and "Kode etik" in text


def test_the_pdf_carries_the_charts_with_their_numbers(client, auth, session):
    two_records(session)  # one disiplin, one kode etik, this month
    auth.login("kapolda")
    response = download(client, "pdf", jenis="bulan", periode=f"{YEAR}-{datetime.now(UTC).month:02d}")
    pages = PdfReader(io.BytesIO(response.data)).pages
    text = " ".join(p.extract_text() for p in pages)
    for title in ("Catpers per kelompok pangkat", "Pelanggar per keadaan",
                  "Catpers per jenis pelanggaran", "Catpers dicatat per bulan"):
        assert title in text
    assert "Kode etik: 1 (50%)" in text and "Pidana: 0 (0%)" in text  # the donut's legend


def test_an_operators_csv_lists_only_their_own_records(client, auth, session):
    _, kepp = two_records(session)
    auth.login("op.kapuas")
    rows = list(csv.reader(io.StringIO(download(client, "csv").get_data(as_text=True))))
    assert [r[3] for r in rows[1:]] == [kepp.person.nama]
    assert entries(session, EKSPOR_LAPORAN)[-1].detail["catatan"] == 1


def test_a_quarter_outside_the_records_is_empty(client, auth, session):
    two_records(session)
    auth.login("kabid")
    rows = list(csv.reader(io.StringIO(download(client, "csv", "triwulan", f"{YEAR - 1}-T4")
                                       .get_data(as_text=True))))
    assert rows == [rows[0]] and rows[0][0] == "Dicatat"


def test_another_units_report_is_refused_and_logged(client, auth, session):
    auth.login("op.kapuas")
    assert download(client, "xlsx", satuan=POLDA).status_code == 403
    assert entries(session, AKSES_DITOLAK) and not entries(session, EKSPOR_LAPORAN)


def test_a_bad_period_is_told_not_a_server_error(client, auth):
    auth.login("kabid")
    response = download(client, "xlsx", jenis="triwulan", periode="2026-T5")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Periode laporan tidak valid" in page


def test_the_records_are_listed_in_words_not_codes(client, auth, session):
    _, kepp = two_records(session)
    auth.login("kabid")
    book = load_workbook(io.BytesIO(download(client, "xlsx").data))
    row = next(r for r in book["Catatan"].iter_rows(min_row=2, values_only=True)
               if r[3] == kepp.person.nama)
    unit = session.scalar(select(Unit.name).where(Unit.path == kepp.unit_path))
    assert row[4:] == (reference.label_of(session, "pangkat", kepp.pangkat),
                       reference.label_of(session, "jenis_pelanggaran", "KEPP"), kepp.status,
                       reference.label_of(session, "tahap", kepp.tahap), unit)
    assert "KEPP" not in (row[5], row[7]) and not row[8].startswith("/")
    text = download(client, "csv").get_data(as_text=True)
    assert unit in text and kepp.unit_path not in text


def test_the_pdf_names_its_period_and_date_in_words(client, auth, session):
    two_records(session)
    auth.login("kabid")
    response = download(client, "pdf", jenis="triwulan", periode=f"{YEAR}-T1")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.data)).pages)
    assert f"Januari {YEAR} s.d. Maret {YEAR}" in text and f"{YEAR}-01" not in text
