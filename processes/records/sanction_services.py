"""Service tasks of `berakhirnya_hukuman.bpmn`: when the record's sanctions end, and
whether the operator has acted on it (a pemutakhiran submitted, or the case closed)."""

from __future__ import annotations

from typing import Any

from engine import ServiceContext
from processes.errors import Refused
from processes.records import statuses
from processes.records.models import Record
from processes.records.sanction_dates import start_of
from processes.records.sanctions import NEVER, record_clean_from
from processes.reference.dates import long_date
from processes.workflow.services import SERVICES

#: While the record shows these, the putusan's sanctions are still being served (a banding
#: may be waiting: if it is approved, its own instance takes the reminder over).
SERVING = frozenset({statuses.PENGAWASAN, statuses.DIAJUKAN_UPDATE})


def _record(ctx: ServiceContext) -> Record:
    record = ctx.session.get(Record, int(ctx.data.get("record_id") or 0))
    if record is None:
        raise Refused("Catatan tidak ditemukan.")
    return record


@SERVICES.register("catpers.akhir_hukuman")
def akhir_hukuman(ctx: ServiceContext, tahap: str, ditunggu: str = "") -> dict[str, Any]:
    """When the sanctions of the putusan of `tahap` end, for the diagram's timer.

    `tunggu`: a reminder is due at `sampai` (midnight WIB of the day after the last day
    served); not when the sanction never ends, the case closed or a later putusan replaced
    this one. `berubah`: the end is no longer the `ditunggu` the timer waited for (a later
    correction), so the diagram waits again. Reads only.
    """
    record = _record(ctx)
    clean_from = record_clean_from(ctx.session, record)
    waits = (record.tahap == tahap and record.status in SERVING
             and clean_from is not None and clean_from != NEVER)
    sampai = start_of(clean_from) if waits else ""
    return {
        "tunggu": waits, "sampai": sampai, "berubah": bool(ditunggu) and sampai != ditunggu,
        "bersih_sejak": long_date(clean_from) if waits else "",
    }


@SERVICES.register("catpers.cek_tindak_lanjut_hukuman")
def cek_tindak_lanjut_hukuman(ctx: ServiceContext, tahap: str) -> dict[str, Any]:
    """The operator closes the reminder only once it was acted on: a pemutakhiran waits or
    is approved, or a later putusan replaced this one."""
    record = _record(ctx)
    phase = statuses.STATUSES[record.status].phase
    acted = (record.status == statuses.DIAJUKAN_PEMUTAKHIRAN or phase == statuses.TUTUP
             or record.tahap != tahap)
    if not acted:
        raise Refused("Hukuman catatan ini telah berakhir: ajukan Pemutakhiran (Berakhirnya "
                      "hukuman) dari halaman catatan lebih dulu, lalu selesaikan tugas ini.")
    return {"status": record.status}
