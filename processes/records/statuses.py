"""Record statuses of the SOP: the one table of each status's colour, jenis and phase.

Two facts about a status, each asked in one way:
- its **jenis** is the spec's own: SEMI FINAL while a submission waits for approval
  (the three DIAJUKAN), FINAL otherwise;
- its **phase** is where the case stands in its life: MENUNGGU until the pencatatan is
  approved, AKTIF while the case runs (an update may be waiting meanwhile), TUTUP once it
  has ended (SELESAI, TIDAK TERBUKTI, TIDAK BERSALAH, DIHENTIKAN) and accepts no update,
  BATAL when its first pencatatan was withdrawn or refused (DIBATALKAN): the record is
  kept for the trail, but it never was a case, so it counts nowhere and is no finding.
The diagrams' gateways, the dashboard and the SKHP findings table derive from these.
"""

from __future__ import annotations

from dataclasses import dataclass

SEMI_FINAL, FINAL = "SEMI FINAL", "FINAL"
MENUNGGU, AKTIF, TUTUP, BATAL = "MENUNGGU", "AKTIF", "TUTUP", "BATAL"


@dataclass(frozen=True)
class Status:
    code: str
    colour: str
    jenis: str
    phase: str
    description: str

    @property
    def waiting(self) -> bool:
        """A submission waits for approval (the spec's SEMI FINAL)."""
        return self.jenis == SEMI_FINAL


DIAJUKAN_DICATAT = "DIAJUKAN (DICATAT)"
DIAJUKAN_UPDATE = "DIAJUKAN (UPDATE)"
DIAJUKAN_PEMUTAKHIRAN = "DIAJUKAN (PEMUTAKHIRAN)"
PROSES = "PROSES"
PENGAWASAN = "PENGAWASAN"
SELESAI = "SELESAI"
TIDAK_TERBUKTI = "TIDAK TERBUKTI"
TIDAK_BERSALAH = "TIDAK BERSALAH"
DIHENTIKAN = "DIHENTIKAN"
DIBATALKAN = "DIBATALKAN"

STATUSES: dict[str, Status] = {
    s.code: s
    for s in [
        Status(DIAJUKAN_DICATAT, "#8a4b00", SEMI_FINAL, MENUNGGU,
               "Diajukan oleh operator, menunggu persetujuan"),
        Status(PROSES, "#0b5cad", FINAL, AKTIF, "Catatan sudah disetujui dan berproses"),
        Status(DIAJUKAN_UPDATE, "#6f42c1", SEMI_FINAL, AKTIF, "Update data diajukan oleh operator"),
        Status(DIAJUKAN_PEMUTAKHIRAN, "#a0410d", SEMI_FINAL, AKTIF,
               "Pemutakhiran diajukan oleh operator"),
        Status(PENGAWASAN, "#b3261e", FINAL, AKTIF, "Sudah disidang dan sedang menjalani hukuman"),
        Status(SELESAI, "#2e7d32", FINAL, TUTUP, "Catatan telah berakhir"),
        Status(TIDAK_TERBUKTI, "#0e6b8a", FINAL, TUTUP, "Hasil pemutakhiran: tidak terbukti"),
        Status(TIDAK_BERSALAH, "#00695c", FINAL, TUTUP, "Hasil pemutakhiran: tidak bersalah"),
        Status(DIHENTIKAN, "#56606b", FINAL, TUTUP,
               "Dihentikan (perdamaian/RJ, meninggal, pensiun)"),
        Status(DIBATALKAN, "#5d4037", FINAL, BATAL,
               "Pencatatan ditarik atau ditolak sebelum disetujui"),
    ]
}


def in_phase(phase: str) -> frozenset[str]:
    """The codes of the statuses in `phase`."""
    return frozenset(code for code, status in STATUSES.items() if status.phase == phase)
