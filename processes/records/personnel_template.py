"""The import template an administrator downloads: the columns of `personnel_rows` with
two example rows (one NRP, one NIP) that import as they are."""

from __future__ import annotations

import csv
import io

from processes.records.personnel_rows import COLUMNS

EXAMPLES = (
    ("85010123", "Budi Santoso", "AIPDA", "Banit Provos", "POLRES-KAPUAS", "Kuala Kapuas",
     "1985-01-20", "L", "Islam"),
    ("199003152015022001", "Sri Wahyuni", "III/a", "Staf Subbid Paminal", "SATKER-BIDPROPAM",
     "Palangka Raya", "1990-03-15", "P", "Kristen Protestan"),
)


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for _, label in COLUMNS])
    writer.writerows(EXAMPLES)
    return out.getvalue().encode("utf-8-sig")  # Excel opens UTF-8 with a BOM correctly


def template_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Data induk personel"
    sheet.append([label for _, label in COLUMNS])
    for row in EXAMPLES:
        sheet.append(list(row))
    # NRP/NIP as text: Excel drops leading zeros and the last digits of an 18-digit number.
    for cell in sheet["A"]:
        cell.number_format = "@"
    for column, width in zip("ABCDEFGHI", (22, 28, 18, 28, 22, 18, 14, 10, 18), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
