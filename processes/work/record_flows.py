"""The flows that act on an existing record, and which of them a user may start now.

Who continues a record is `access.continuation` (its unit, not one operator); the order
of tahap is the decision table behind `records.stage_order`; when each flow is allowed
(jenis, waiting submission, closed status) is decided by the diagrams' own gateways:
`offered` runs each start in memory and keeps what passes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

import engine
from processes.access import continuation
from processes.accounts.models import User
from processes.accounts.users import actor_for
from processes.errors import Forbidden
from processes.records.models import Record
from processes.records.stage_order import stage_refusal
from processes.work.runtime import RUNTIME

#: Menu order of the record flows (their rules live in bpmn-models/).
RECORD_FLOWS = ("update_i", "update_ii", "update_iii", "update_iv", "pemutakhiran", "buka_kembali")


@dataclass(frozen=True)
class Offer:
    process_id: str
    name: str


def start_data(record: Record) -> dict:
    return {"record_id": record.id}


def record_to_continue(session: Session, user: User, record_id: int | None) -> Record:
    """The record `user` may continue (submit its next tahap, withdraw its submission).

    Continuing is not reading: the record is not shown on this ground (see
    `access.continuation`)."""
    record = session.get(Record, record_id) if record_id else None
    if record is None or not continuation.may_continue(user, record):
        raise Forbidden(continuation.REFUSED)
    return record


def refusal(session: Session, user: User, record: Record, process_id: str) -> str | None:
    """Why `user` may not start `process_id` on `record` now, or None."""
    return opening(session, user, record, process_id)[0]


def opening(
    session: Session, user: User, record: Record, process_id: str
) -> tuple[str | None, str | None]:
    """Why `user` may not start `process_id` on `record` now (or None), and the form its
    start reaches: the diagram's gateways may choose it on the record's facts (a record
    Mabes handles gets the Mabes form of a putusan)."""
    if process_id not in RECORD_FLOWS:
        return "Proses ini tidak untuk catatan yang sudah ada.", None
    if not continuation.may_continue(user, record):
        return continuation.REFUSED, None
    try:
        problem, form = RUNTIME.preview_form(
            session, actor_for(user), process_id, record.unit_path, start_data(record)
        )
    except engine.NotFound as err:
        return str(err), None
    return (problem or stage_refusal(record, process_id)), form


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
