"""What an SKHP says per area (pidana, kode etik, disiplin), from a person's records.

Which statuses count, and as what, is one table here: a record not yet approved
(DIAJUKAN (DICATAT)) is not yet a catatan; one that ended tidak terbukti, tidak bersalah
or dihentikan is not a finding against the person.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import statuses as st

#: jenis pelanggaran -> SKHP area
AREA_OF = {"PIDANA": "PIDANA", "KEPP": "KODE ETIK", "DISIPLIN": "DISIPLIN"}

#: status -> "OPEN" | "DONE" (absent: not a finding)
COUNTS_AS = {
    st.PROSES: "OPEN", st.PENGAWASAN: "OPEN", st.DIAJUKAN_UPDATE: "OPEN",
    st.DIAJUKAN_PEMUTAKHIRAN: "OPEN", st.SELESAI: "DONE",
}

TIDAK_ADA, MASIH_PROSES, SUDAH_SELESAI = "TIDAK ADA", "MASIH DALAM PROSES", "SUDAH SELESAI"


@dataclass(frozen=True)
class RecordFact:
    jenis: str
    status: str
    summary: str


@dataclass(frozen=True)
class AreaFinding:
    area: str
    keadaan: str
    rincian: str


def findings(records: list[RecordFact]) -> list[AreaFinding]:
    result = []
    for jenis, area in AREA_OF.items():
        counted = [(r, COUNTS_AS[r.status]) for r in records if r.jenis == jenis and r.status in COUNTS_AS]
        if not counted:
            keadaan = TIDAK_ADA
        elif any(kind == "OPEN" for _, kind in counted):
            keadaan = MASIH_PROSES
        else:
            keadaan = SUDAH_SELESAI
        rincian = "; ".join(f"{r.summary} ({r.status})" for r, _ in counted)
        result.append(AreaFinding(area, keadaan, rincian))
    return result
