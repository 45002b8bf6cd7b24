"""What an approver decides on, shown on the task page: the person's catpers and, for a
permohonan SKHP, the findings as the letter would print them today.

Shown only on a ground of `access.grounds.decision_ground`; each showing is logged as a
read of the person (BACA_TUGAS_CATPERS), like every other read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

import engine
from engine import TaskInfo
from engine.catalogue import version_bundle
from processes.access.grounds import decision_ground
from processes.access.read_log import log_read
from processes.accounts.models import User
from processes.letters.content import person_records, skhp_findings
from processes.letters.pdf import Finding
from processes.records.writes import record_of_instance
from processes.reference import lists as reference

#: The decision table that says how a record counts on an SKHP (the letter's own).
FINDINGS_TABLE = "temuan_skhp"


@dataclass(frozen=True)
class RecordLine:
    """One catatan of the person, as a list row: labels, never codes."""

    record_id: int
    dicatat: datetime
    jenis: str
    wujud: str
    satuan: str
    tahap: str
    status: str


@dataclass
class DecisionView:
    ground: str
    #: The person's other catatan (the one being decided on left out).
    records: list[RecordLine] = field(default_factory=list)
    #: For a permohonan SKHP: each area as the letter prints it; else empty.
    findings: list[Finding] = field(default_factory=list)
    letter: str = ""  # "SKHP" | "REKAM_JEJAK" | "" (not a permohonan)


def decision_view(session: Session, user: User, task: TaskInfo, data: dict) -> DecisionView | None:
    """What the holder of `task` sees of the person it is about, or None (no ground, or no
    person). The caller has opened the task for `user`."""
    nomor = task.business_key
    ground = decision_ground(session, user, nomor, task.lane) if nomor else None
    if ground is None:
        return None
    deciding = record_of_instance(session, task.instance_id)
    view = DecisionView(ground, records=[
        _line(session, r) for r in person_records(session, nomor)
        if deciding is None or r.id != deciding.id
    ])
    view.letter = str(data.get("jenis_permohonan") or "")
    if view.letter == "SKHP":
        tables = _tables(session, task.instance_id)
        view.findings = skhp_findings(
            session, nomor,
            lambda status: engine.decide(tables, FINDINGS_TABLE, {"status": status})["temuan"])
    return view


def log_decision_view(session: Session, user: User, task: TaskInfo, view: DecisionView) -> None:
    log_read(session, user, task.business_key, "TUGAS_CATPERS", task.instance_id, view.ground)


def _tables(session: Session, instance_id: int) -> dict[str, bytes]:
    """The decision tables of the version the instance runs: the ones its letter will use."""
    bundle = version_bundle(session, engine.instance_version(session, instance_id).id)
    return {name: xml.encode("utf-8") for name, xml in (bundle.decisions if bundle else {}).items()}


def _line(session: Session, record) -> RecordLine:
    return RecordLine(
        record.id, record.created_at,
        reference.label_of(session, "jenis_pelanggaran", record.jenis_pelanggaran),
        reference.label_of(session, "wujud_perbuatan", record.wujud_perbuatan),
        reference.label_of(session, "unit", record.unit_kerja),
        reference.label_of(session, "tahap", record.tahap), record.status,
    )
