"""Render E-CATPERS letters (SKHP, rekam jejak) to PDF with Jinja2 and WeasyPrint.

Pure rendering: dataclasses from `processes.letters.model` in, PDF bytes out. The
HTML templates and the stylesheet live in `templates/` beside this module. Dates
are written in Indonesian with our own month table (no locale dependency). Every
page carries the RAHASIA classification at top and bottom (CSS page margin boxes).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import qrcode
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from qrcode.image.svg import SvgPathImage

from processes.reference.dates import long_date

from .model import RekamJejakLetter, SkhpLetter

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

_ANGKA: tuple[str, ...] = (
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
    "dua belas",
)

#: How each finding area is named in the SKHP sentence.
AREA_LABELS: dict[str, str] = {
    "PIDANA": "Perkara pidana",
    "KODE ETIK": "Pelanggaran kode etik profesi Polri",
    "DISIPLIN": "Pelanggaran disiplin",
}


def format_tanggal(value: date | None) -> str:
    """`date(2026, 11, 22)` -> "22 November 2026"; None -> "-"."""
    return "-" if value is None else long_date(value)


def _tanggal_html(value: date | None) -> Markup:
    """The date for a template, kept on one line."""
    return Markup('<span class="nowrap">{}</span>').format(format_tanggal(value))


def _bilangan(number: int) -> str:
    """6 -> "6 (enam)", the legal way of writing a small count."""
    if 0 <= number < len(_ANGKA):
        return f"{number} ({_ANGKA[number]})"
    return str(number)


def _area_label(area: str) -> str:
    return AREA_LABELS.get(area.strip().upper(), area.strip().capitalize())


def qr_svg(url: str, size_mm: float = 26) -> str:
    """The QR code of `url` as an inline `<svg>` element (vector, no Pillow)."""
    image = qrcode.make(
        url,
        image_factory=SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    svg = image.to_string(encoding="unicode")
    size = f'width="{size_mm:g}mm" height="{size_mm:g}mm"'
    return re.sub(r'width="[^"]*" height="[^"]*"', size, svg, count=1)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["tanggal"] = _tanggal_html
    env.filters["bilangan"] = _bilangan
    env.filters["area_label"] = _area_label
    # The SVG is generated here from the URL (never user markup), so it is safe.
    env.globals["qr_svg"] = lambda url: Markup(qr_svg(url))
    return env


@lru_cache(maxsize=1)
def _stylesheet():
    from weasyprint import CSS

    return CSS(filename=str(TEMPLATES_DIR / "letter.css"))


def _pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(TEMPLATES_DIR)).write_pdf(stylesheets=[_stylesheet()])


def skhp_html(letter: SkhpLetter) -> str:
    """The SKHP as HTML, before WeasyPrint applies `templates/letter.css`."""
    return _environment().get_template("skhp.html").render(letter=letter)


def rekam_jejak_html(letter: RekamJejakLetter) -> str:
    """The rekam jejak as HTML."""
    return _environment().get_template("rekam_jejak.html").render(letter=letter)


def render_skhp(letter: SkhpLetter) -> bytes:
    """The SKHP as PDF bytes (A4)."""
    return _pdf(skhp_html(letter))


def render_rekam_jejak(letter: RekamJejakLetter) -> bytes:
    """The rekam jejak as PDF bytes (A4)."""
    return _pdf(rekam_jejak_html(letter))
