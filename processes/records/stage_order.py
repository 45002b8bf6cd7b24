"""The order of a record's tahap: which flow may start after the tahap it has reached.

The rule is the decision table `bpmn-models/urutan_tahap.dmn` (a process owner edits it),
read from its file and evaluated where each record flow starts, before the flow's own
diagram runs; the diagrams' gateways still say what each flow allows of itself (Update I
only once, Update III-IV only for KEPP, nothing after the case is closed). A table that
cannot be read or evaluated refuses the start (fails closed) and says so.
"""

from __future__ import annotations

import logging

import engine
from processes.records import statuses
from processes.records.models import Record
from processes.workflow.paths import BPMN_DIR

log = logging.getLogger(__name__)

TABLE_FILE = BPMN_DIR / "urutan_tahap.dmn"
DECISION = "urutan_tahap"
BROKEN = "Tabel urutan tahap tidak dapat dibaca; hubungi pemilik proses."


def stage_refusal(record: Record, process_id: str, table: bytes | None = None) -> str | None:
    """Why `process_id` may not start after the tahap `record` has reached, or None."""
    try:
        table = TABLE_FILE.read_bytes() if table is None else table
        answer = engine.decide({TABLE_FILE.name: table}, DECISION, {
            "proses": process_id, "jenis_pelanggaran": record.jenis_pelanggaran,
            "tahap": record.tahap, "fase": statuses.STATUSES[record.status].phase,
        })
    except Exception:  # a process owner's broken cell must not crash a page, nor open a start
        log.exception("tabel urutan tahap gagal dievaluasi untuk %s", process_id)
        return BROKEN
    if answer.get("boleh") is True:
        return None
    return str(answer.get("pesan") or "Tahap ini belum dapat diajukan.")
