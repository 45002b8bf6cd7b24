"""Personnel master data files for tests: CSV and XLSX bytes from rows, and rows that the
import takes (an AIPDA by NRP, an ASN III/a by NIP)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook

HEADER = ["NRP/NIP", "Nama", "Pangkat/golongan", "Jabatan", "Satuan kerja", "Tempat lahir",
          "Tanggal lahir", "Jenis kelamin (L/P)", "Agama"]
NRP_BUDI, NIP_SRI = "85010123", "199003152015022001"
BUDI = [NRP_BUDI, "Budi Santoso", "AIPDA", "Banit Provos", "POLRES-KAPUAS", "Kuala Kapuas",
        "1985-01-20", "L", "Islam"]
SRI = [NIP_SRI, "Sri Wahyuni", "III/a", "Staf Subbid Paminal", "SATKER-BIDPROPAM",
       "Palangka Raya", "15-03-1990", "P", "Kristen Protestan"]


def csv_file(rows: list[list], header: list[str] = HEADER, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def xlsx_file(rows: list[list], header: list[str] = HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, content: bytes, name: str = "personel.csv"):
    return client.post("/admin/data-induk/impor",
                       data={"berkas": (io.BytesIO(content), name)},
                       content_type="multipart/form-data")
