"""The flows that act on an existing record, and which of them a user may start now.

When each is allowed (jenis, tahap, waiting submission, closed status) is decided by the
diagrams' own gateways: `offered` runs each start in memory and keeps what passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

import engine
from processes.access.grounds import may_continue
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.records.models import Record
from processes.work.runtime import RUNTIME

#: Menu order of the record flows (their rules live in bpmn-models/).
RECORD_FLOWS = ("update_i", "update_ii", "update_iii", "update_iv", "pemutakhiran")


@dataclass(frozen=True)
class Offer:
    process_id: str
    name: str


def start_data(record: Record) -> dict:
    return {"record_id": record.id}


def refusal(session: Session, user: User, record: Record, process_id: str) -> str | None:
    """Why `user` may not start `process_id` on `record` now, or None."""
    if process_id not in RECORD_FLOWS:
        return "Proses ini tidak untuk catatan yang sudah ada."
    if not may_continue(user, record):
        return "Hanya pengaju catatan ini yang dapat mengajukan tahap berikutnya."
    try:
        return RUNTIME.preview_start(
            session, actor_for(user), process_id, record.unit_path, start_data(record)
        )
    except engine.NotFound as err:
        return str(err)


def offered(session: Session, user: User, record: Record) -> list[Offer]:
    offers = []
    for process_id in RECORD_FLOWS:
        try:
            version = engine.current_version(session, process_id)
        except engine.NotFound:
            continue
        if version.start_lane in actor_for(user).lanes and not refusal(
            session, user, record, process_id
        ):
            offers.append(Offer(process_id, version.name))
    return offers
