"""Record statuses of the SOP, with their colour and kind (semi-final / final)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Status:
    code: str
    colour: str
    kind: str
    description: str

    @property
    def waiting(self) -> bool:
        """A submission waits for approval (the semi-final statuses)."""
        return self.kind == "SEMI FINAL"

    @property
    def closed(self) -> bool:
        """The record's life is over: it accepts no update."""
        return self.code in CLOSED


DIAJUKAN_DICATAT = "DIAJUKAN (DICATAT)"
DIAJUKAN_UPDATE = "DIAJUKAN (UPDATE)"
DIAJUKAN_PEMUTAKHIRAN = "DIAJUKAN (PEMUTAKHIRAN)"
PROSES = "PROSES"
PENGAWASAN = "PENGAWASAN"
SELESAI = "SELESAI"
TIDAK_TERBUKTI = "TIDAK TERBUKTI"
TIDAK_BERSALAH = "TIDAK BERSALAH"
DIHENTIKAN = "DIHENTIKAN"

CLOSED = frozenset({SELESAI, TIDAK_TERBUKTI, TIDAK_BERSALAH, DIHENTIKAN})

STATUSES: dict[str, Status] = {
    s.code: s
    for s in [
        Status(DIAJUKAN_DICATAT, "#f0ad4e", "SEMI FINAL", "Diajukan oleh operator, menunggu persetujuan"),
        Status(PROSES, "#0275d8", "FINAL", "Catatan sudah disetujui dan berproses"),
        Status(DIAJUKAN_UPDATE, "#f7c873", "SEMI FINAL", "Update data diajukan oleh operator"),
        Status(DIAJUKAN_PEMUTAKHIRAN, "#e8a33d", "SEMI FINAL", "Pemutakhiran diajukan oleh operator"),
        Status(PENGAWASAN, "#d9534f", "FINAL", "Sudah disidang dan sedang menjalani hukuman"),
        Status(SELESAI, "#5cb85c", "FINAL", "Catatan telah berakhir"),
        Status(TIDAK_TERBUKTI, "#5bc0de", "FINAL", "Hasil pemutakhiran: tidak terbukti"),
        Status(TIDAK_BERSALAH, "#20c997", "FINAL", "Hasil pemutakhiran: tidak bersalah"),
        Status(DIHENTIKAN, "#6c757d", "FINAL", "Dihentikan (perdamaian/RJ, meninggal, pensiun)"),
    ]
}
