"""The Laporan's XLSX writer: what openpyxl reads back is what was written — text as
text (escaped, leading spaces kept, characters XML cannot hold dropped), numbers as
numbers, dates and times as dates, an empty cell keeping its column."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from processes.reading.xlsx_writer import workbook


def test_what_is_written_reads_back_as_numbers_dates_and_text():
    moment = datetime(2026, 12, 2, 13, 30, tzinfo=UTC)
    rows = [["Nama", "Jumlah"], ["A & <B>", 3, 2.5, moment, date(2026, 1, 1), None, " x", "a\x01b", True]]
    book = load_workbook(io.BytesIO(workbook([("Ringkasan", [["Judul"]]), ("Catatan", rows)])))
    assert book.sheetnames == ["Ringkasan", "Catatan"]
    assert book["Ringkasan"]["A1"].value == "Judul"
    read = [c.value for c in book["Catatan"][2]]
    assert read == ["A & <B>", 3, 2.5, datetime(2026, 12, 2, 13, 30), datetime(2026, 1, 1), None,
                    " x", "ab", True]
    assert book["Catatan"]["I2"].value is True and book["Catatan"]["A1"].value == "Nama"


def test_a_sheet_of_many_rows_keeps_every_row_in_order():
    rows = [[i, f"baris {i}"] for i in range(2500)]
    sheet = load_workbook(io.BytesIO(workbook([("Catatan", rows)])), read_only=True)["Catatan"]
    assert list(sheet.iter_rows(values_only=True)) == [tuple(r) for r in rows]
