"""Letters E-CATPERS issues: SKHP and rekam jejak, as PDF.

`model` holds the plain dataclasses a caller fills; `render` turns them into PDF
bytes with WeasyPrint. No database, no Flask.
"""

from .model import (
    AREAS,
    DEFAULT_KOP,
    KEADAAN,
    AwardEntry,
    Finding,
    Identity,
    RecordEntry,
    RekamJejakLetter,
    Signatory,
    SkhpLetter,
    TahapLine,
)
from .render import (
    format_tanggal,
    qr_svg,
    rekam_jejak_html,
    render_rekam_jejak,
    render_skhp,
    skhp_html,
)

__all__ = [
    "AREAS",
    "DEFAULT_KOP",
    "KEADAAN",
    "AwardEntry",
    "Finding",
    "Identity",
    "RecordEntry",
    "RekamJejakLetter",
    "Signatory",
    "SkhpLetter",
    "TahapLine",
    "format_tanggal",
    "qr_svg",
    "rekam_jejak_html",
    "render_rekam_jejak",
    "render_skhp",
    "skhp_html",
]
