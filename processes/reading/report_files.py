"""The Laporan as files: XLSX (`xlsx_writer`, streamed; numbers as numbers, dates as
dates) and PDF (WeasyPrint, with the Dasbor's charts drawn as SVG: `report_charts`)."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from processes.reading.report import COLUMNS, Report, figure_rows, generated_at
from processes.reading.report_charts import bars, columns, donut
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


def charts(report: Report) -> list[Markup]:
    """The Dasbor's charts of the report's figures."""
    d = report.figures

    def pairs(figures) -> list[tuple[str, int]]:
        return [(f.label, f.n) for f in figures]

    return [
        bars("Catpers per kelompok pangkat", pairs(d.by_group)),
        bars("Pelanggar per keadaan", pairs(d.outcomes)),
        donut("Catpers per jenis pelanggaran", pairs(d.by_jenis)),
        bars("Menunggu persetujuan", pairs(d.waiting)),
        columns("Catpers dicatat per bulan", pairs(d.trend)),
    ]


def to_pdf(report: Report) -> bytes:
    from weasyprint import HTML

    html = _environment().get_template("laporan.html").render(
        report=report, rows=figure_rows(report), charts=charts(report), generated=generated_at(),
        columns=COLUMNS,
    )
    return HTML(string=html).write_pdf()
