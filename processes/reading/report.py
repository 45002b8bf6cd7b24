"""Laporan: the Dasbor's figures for a month, a quarter or a year (one unit or all),
with the records that changed in it, as XLSX, PDF and CSV.

An export reads only what the viewer may read (`readable_records`), and is one row of the
audit log (EKSPOR_LAPORAN: which format, unit, period and how many records) written before
anything is handed out.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from engine import utcnow
from processes.access.grounds import readable_records, viewer_of
from processes.accounts.models import Unit, User
from processes.db import audit
from processes.db.audit_actions import EKSPOR_LAPORAN
from processes.db.paging import after_day, day_start
from processes.db.uow import UnitOfWork
from processes.errors import Refused
from processes.reading.dashboard import Dashboard, Period, summary
from processes.reading.dashboard_filters import unit_for
from processes.records.models import Person, Record
from processes.reference import lists as reference
from processes.reference.dates import long_date, month_name

FORMATS = ("xlsx", "pdf", "csv")
KINDS = {"bulan": r"^(\d{4})-(0[1-9]|1[0-2])$", "triwulan": r"^(\d{4})-T([1-4])$", "tahun": r"^(\d{4})$"}
COLUMNS = ("Dicatat", "Diubah", "NRP/NIP", "Nama", "Pangkat", "Jenis pelanggaran", "Status",
           "Tahap", "Satuan pencatat")
ROW_LIMIT = 200_000


@dataclass
class Report:
    title: str
    figures: Dashboard
    records: list[tuple]  # one tuple per record, in COLUMNS order


def period_of(kind: str, value: str) -> Period:
    """A month ("2026-11"), a quarter ("2026-T4") or a year ("2026")."""
    found = re.match(KINDS.get(kind, "^$"), value.strip())
    if not found:
        raise Refused("Periode laporan tidak valid (bulan TTTT-BB, triwulan TTTT-T1..T4, tahun TTTT).")
    year = int(found.group(1))
    if kind == "bulan":
        return Period(value.strip(), value.strip())
    if kind == "triwulan":
        q = int(found.group(2))
        return Period(f"{year:04d}-{3 * q - 2:02d}", f"{year:04d}-{3 * q:02d}")
    return Period(f"{year:04d}-01", f"{year:04d}-12")


def _changed(session, viewer, unit: str, period: Period) -> list[tuple]:
    query = readable_records(viewer).where(
        Record.updated_at >= day_start(period.first_day),
        Record.updated_at < after_day(period.last_day),
    )
    if unit:
        query = query.where(Record.unit_path == unit)
    query = query.with_only_columns(
        Record.created_at, Record.updated_at, Person.nomor_identitas, Person.nama, Record.pangkat,
        Record.jenis_pelanggaran, Record.status, Record.tahap, Record.unit_path,
    ).order_by(Record.updated_at, Record.id).limit(ROW_LIMIT)
    # Through the connection: the rows are plain columns, and the ORM's row loading would
    # add a quarter to a year's fetch.
    return _in_words(session, session.connection().execute(query))


def _in_words(session, rows) -> list[tuple]:
    """Each row with its codes as their labels (pangkat, jenis, tahap, the unit's name): a
    report is read by people, and a code such as KEPP or /POLDA-KALTENG/ means nothing to
    them. The status keeps its name, which is the SOP's own."""
    pangkat, jenis, tahap = (reference.labels(session, name)
                             for name in ("pangkat", "jenis_pelanggaran", "tahap"))
    units = dict(session.execute(select(Unit.path, Unit.name)).all())
    return [(made, changed, nomor, nama, pangkat.get(p, p), jenis.get(j, j), status,
             tahap.get(t, t), units.get(u, u))
            for made, changed, nomor, nama, p, j, status, t, u in rows]


def build(uow: UnitOfWork, user: User, unit: str, period: Period, fmt: str) -> Report:
    """The report's content; the export is logged in the same transaction, before it is sent."""
    if fmt not in FORMATS:
        raise Refused("Format laporan tidak dikenal.")
    with uow:
        session, viewer = uow.session, viewer_of(user)
        unit = unit_for(session, viewer, unit)
        records = _changed(session, viewer, unit, period)
        figures = summary(session, viewer, unit, period)
        audit.record(session, EKSPOR_LAPORAN, user_id=user.id, target=unit or "SEMUA",
                     detail={"format": fmt, "dari": period.start, "sampai": period.end,
                             "catatan": len(records)})
        uow.commit()
    title = f"Laporan Catatan Personel {_in_months(period)}"
    return Report(title, figures, records)


def _in_months(period: Period) -> str:
    """'Desember 2026' or 'Januari 2026 s.d. Desember 2026'."""
    first, last = month_name(period.first_day), month_name(period.last_day)
    return first if first == last else f"{first} s.d. {last}"


def figure_rows(report: Report) -> list[tuple[str, str, int]]:
    """Every figure as (group, label, number)."""
    d = report.figures
    groups = (("Pangkat", d.by_group), ("Pelanggar", d.outcomes), ("Jenis", d.by_jenis),
              ("Permohonan", d.requests), ("Menunggu", d.waiting), ("Per bulan", d.trend))
    return [(name, f.label, f.n) for name, figures in groups for f in figures]


def to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in report.records:
        writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row])
    return out.getvalue()


def filename(report: Report, fmt: str) -> str:
    return f"laporan-catpers-{report.figures.period.start}-{report.figures.period.end}.{fmt}"


def generated_at() -> str:
    now = utcnow()
    return f"{long_date(now)} pukul {now:%H.%M} UTC"
