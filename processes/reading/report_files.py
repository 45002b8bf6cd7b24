"""The Laporan as files: XLSX (`xlsx_writer`, streamed; numbers as numbers, dates as
dates) and PDF (WeasyPrint, with a bar per figure drawn in HTML)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from processes.reading.report import COLUMNS, Report, figure_rows, generated_at
from processes.reading.xlsx_writer import workbook
from processes.reference.dates import long_date, short_date

TEMPLATES = Path(__file__).resolve().parent / "templates"


def to_xlsx(report: Report) -> bytes:
    summary = [[report.title], ["Kelompok", "Uraian", "Jumlah"], *map(list, figure_rows(report))]
    return workbook([("Ringkasan", summary), ("Catatan", [COLUMNS, *report.records])])


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
