"""The Laporan as files: XLSX (openpyxl; numbers as numbers, dates as dates) and PDF
(WeasyPrint, with a bar per figure drawn in HTML)."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from openpyxl import Workbook

from processes.reading.report import COLUMNS, Report, figure_rows, generated_at
from processes.reference.dates import long_date, short_date

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _naive(value):
    # Excel has no time zones: times are written as UTC without one.
    return value.replace(tzinfo=None) if isinstance(value, datetime) else value


def to_xlsx(report: Report) -> bytes:
    book = Workbook(write_only=True)
    summary = book.create_sheet("Ringkasan")
    summary.append([report.title])
    summary.append(["Kelompok", "Uraian", "Jumlah"])
    for row in figure_rows(report):
        summary.append(list(row))
    records = book.create_sheet("Catatan")
    records.append(list(COLUMNS))
    for row in report.records:
        records.append([_naive(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.filters["tanggal"], env.filters["tgl"] = long_date, short_date
    return env


def to_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    rows = figure_rows(report)
    top = max((n for _, _, n in rows), default=0) or 1
    html = _environment().get_template("laporan.html").render(
        report=report, rows=rows, top=top, generated=generated_at(), columns=COLUMNS,
    )
    return HTML(string=html).write_pdf()
