"""Importing the personnel master data from an XLSX or CSV file (the administrator's
Data induk page): read the file, check every row (`personnel_rows`), then insert the new
persons and update the changed ones in bulk statements, keeping each changed field in
`personnel_change`. A file imported twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from processes.accounts.admin import require_admin
from processes.accounts.models import Unit
from processes.db import audit
from processes.db.audit_actions import IMPOR_DATA_INDUK
from processes.db.base import utcnow
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.records.personnel_models import Personnel, PersonnelChange
from processes.records.personnel_rows import (
    COLUMNS,
    REQUIRED,
    BadRow,
    References,
    check_row,
    header_keys,
)

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
#: The fields compared with what is on file; a change to any is kept in the history.
FIELDS = ("personel", "nama", "pangkat", "jabatan", "unit_id", "tempat_lahir",
          "tanggal_lahir", "jenis_kelamin", "agama")
_CHUNK = 2000
_SCAN_FROM = 5000
#: Rows checked or written between two progress steps.
STEP = 5000


def _quiet(_state: str, _done: int, _total: int) -> None:
    pass


@dataclass
class ImportReport:
    file_name: str
    rows: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)


def file_rows(file_name: str, content: bytes) -> Iterator[list[Any]]:
    """The rows of an XLSX (first sheet) or CSV (comma or semicolon, UTF-8) file."""
    if len(content) > MAX_BYTES:
        raise Refused("Berkas terlalu besar (paling besar 50 MB).")
    name = file_name.lower()
    if name.endswith(".xlsx"):
        return _xlsx_rows(content)
    if name.endswith(".csv"):
        return _csv_rows(content)
    raise Refused("Berkas harus .xlsx atau .csv (unduh templatnya).")


def _xlsx_rows(content: bytes) -> Iterator[list[Any]]:
    # calamine (Rust) reads 100,000 rows in seconds; openpyxl takes over a minute.
    from python_calamine import CalamineWorkbook

    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0)
        return iter(sheet.to_python(skip_empty_area=False))
    except Exception as err:  # calamine raises its own kinds for a file that is not XLSX
        raise Refused("Berkas XLSX tidak dapat dibaca; simpan ulang dari Excel/LibreOffice.") from err


def _csv_rows(content: bytes) -> Iterator[list[Any]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise Refused("Berkas CSV harus berkode UTF-8.") from err
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(io.StringIO(text), delimiter=delimiter)


def import_file(uow: UnitOfWork, admin, file_name: str, content: bytes,
                today: dt.date | None = None,
                progress: Callable[[str, int, int], None] = _quiet) -> ImportReport:
    """Check every row and write the good ones in one transaction; the report says what
    happened to each row (bad rows with their reasons). `progress(state, done, total)` hears
    of every STEP rows checked (MEMERIKSA) and written (MENYIMPAN)."""
    require_admin(admin)
    rows = list(file_rows(file_name, content))
    header = rows[0] if rows else None
    keys = header_keys(header or [])
    missing = [label for key, label in COLUMNS if key in REQUIRED and key not in keys]
    if missing:
        raise Refused("Kolom wajib tidak ada di baris pertama: " + ", ".join(missing) + ".")
    report = ImportReport(file_name=file_name[:200])
    total = max(len(rows) - 1, 0)
    with uow:
        refs = References.read(uow.session)
        good = _checked_rows(rows[1:], keys, refs, today or dt.date.today(), report,
                             lambda done: progress("MEMERIKSA", done, total))
        _write(uow.session, good, admin.id, report,
               lambda done: progress("MENYIMPAN", done, len(good)))
        audit.record(uow.session, IMPOR_DATA_INDUK, user_id=admin.id, target=report.file_name,
                     detail={"baris": report.rows, "baru": report.inserted,
                             "diubah": report.updated, "tetap": report.unchanged,
                             "ditolak": len(report.bad)})
        uow.commit()
    return report


def _checked_rows(rows, keys, refs, today, report, checked) -> dict[str, dict]:
    good: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=2):
        if (number - 2) % STEP == 0:
            checked(number - 2)
        if not any(cell not in (None, "") for cell in row):
            continue  # an empty line
        report.rows += 1
        if report.rows > MAX_ROWS:
            raise Refused(f"Berkas berisi lebih dari {MAX_ROWS:,} baris; bagi menjadi beberapa berkas.")
        cells = {key: row[pos] if pos < len(row) else None for key, pos in keys.items()}
        values, reasons = check_row(cells, refs, today)
        nomor = values["nomor_identitas"]
        if nomor in first_row:
            reasons.append(f"NRP/NIP sama dengan baris {first_row[nomor]}.")
            good.pop(nomor, None)
        if reasons:
            report.bad.append(BadRow(number, nomor, reasons))
        else:
            good[nomor] = values
        first_row.setdefault(nomor, number)
    return good


def _write(session: Session, good: dict[str, dict], user_id: int, report: ImportReport,
           written: Callable[[int], None]) -> None:
    on_file = _on_file(session, list(good))
    unit_names = dict(session.execute(select(Unit.id, Unit.name)).all())
    now = utcnow()
    inserts, updates, changes = [], [], []
    for nomor, values in good.items():
        old = on_file.get(nomor)
        if old is None:
            inserts.append({**values, "updated_at": now})
            continue
        changed = [name for name in FIELDS if old[name] != values[name]]
        if not changed:
            report.unchanged += 1
            continue
        updates.append({"_id": old["id"], **{name: values[name] for name in FIELDS}, "updated_at": now})
        changes += [{
            "personnel_id": old["id"], "field": name, "source": f"impor {report.file_name}"[:200],
            "old": _shown(name, old[name], unit_names), "new": _shown(name, values[name], unit_names),
            "changed_by": user_id, "changed_at": now,
        } for name in changed]
    table = Personnel.__table__
    update = table.update().where(table.c.id == bindparam("_id")).values(
        {name: bindparam(name) for name in (*FIELDS, "updated_at")})
    written(0)
    done = report.unchanged
    for statement, batch in _batches(((table.insert(), inserts), (update, updates))):
        session.execute(statement, batch)
        done += len(batch)
        written(done)
    if changes:
        session.execute(PersonnelChange.__table__.insert(), changes)
    report.inserted, report.updated = len(inserts), len(updates)


def _batches(work) -> Iterator[tuple[Any, list[dict]]]:
    for statement, rows in work:
        for start in range(0, len(rows), STEP):
            yield statement, rows[start:start + STEP]


def _on_file(session: Session, numbers: list[str]) -> dict[str, dict]:
    """The stored rows of these numbers: by key for a small file, one scan for a large one
    (a scan reads 100,000 rows faster than fifty lookups of 2,000 keys each)."""
    table = Personnel.__table__
    if len(numbers) > _SCAN_FROM:
        wanted = set(numbers)
        rows = (row for row in session.execute(select(table)) if row.nomor_identitas in wanted)
    else:
        rows = (row for start in range(0, len(numbers), _CHUNK)
                for row in session.execute(select(table).where(
                    table.c.nomor_identitas.in_(numbers[start:start + _CHUNK]))))
    return {row.nomor_identitas: dict(row._mapping) for row in rows}


def _shown(name: str, value: Any, unit_names: dict[int, str]) -> str:
    if name == "unit_id":
        return unit_names.get(value, "")
    return "" if value is None else str(value)[:120]
