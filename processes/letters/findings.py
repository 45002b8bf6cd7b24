"""What an SKHP says per area (pidana, kode etik, disiplin), from a person's records.

How each record counts (OPEN, DONE, or not a finding) is the decision table
`bpmn-models/temuan_skhp.dmn`, which a process owner may edit; it is passed in here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from processes.records.penanganan import MARK as MABES_MARK

#: jenis pelanggaran -> SKHP area
AREA_OF = {"PIDANA": "PIDANA", "KEPP": "KODE ETIK", "DISIPLIN": "DISIPLIN"}

#: status -> "OPEN" | "DONE" | "" (not a finding)
CountsAs = Callable[[str], str]

TIDAK_ADA, MASIH_PROSES, SUDAH_SELESAI = "TIDAK ADA", "MASIH DALAM PROSES", "SUDAH SELESAI"


@dataclass(frozen=True)
class RecordFact:
    jenis: str
    status: str
    summary: str
    #: Handled by (or limpah'd to) Mabes Polri: the letter says so beside the case.
    mabes: bool = False

    @property
    def described(self) -> str:
        return f"{self.summary}, status {self.status}" + (f", {MABES_MARK}" if self.mabes else "")


@dataclass(frozen=True)
class AreaFinding:
    area: str
    keadaan: str
    rincian: str


def findings(records: list[RecordFact], counts_as: CountsAs) -> list[AreaFinding]:
    kinds = {status: counts_as(status) for status in {r.status for r in records}}
    result = []
    for jenis, area in AREA_OF.items():
        counted = [(r, kinds[r.status]) for r in records if r.jenis == jenis and kinds[r.status]]
        if not counted:
            keadaan = TIDAK_ADA
        elif any(kind == "OPEN" for _, kind in counted):
            keadaan = MASIH_PROSES
        else:
            keadaan = SUDAH_SELESAI
        rincian = "; ".join(r.described for r, _ in counted)
        result.append(AreaFinding(area, keadaan, rincian))
    return result
