"""Whether the engine's tables agree: each instance's stored state against its open-task
rows and its status, and the history against the instances.

Read-only, inside the caller's transaction (give it a snapshot to check a live database).
Instances are read in batches by id: per batch one query for the instances, one for their
open-task rows, one for those rows already in the history, and one for specs not read yet.
Every stored state is unpacked as the runtime unpacks it, and its READY user tasks must be
exactly the instance's open-task rows, as `sync_open_tasks` would write them: a task with
no row is in nobody's inbox, and a row with no READY task behind it offers a task that
cannot be completed. Each disagreement comes back as a value with a sentence in Indonesian.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, exists, func, select
from sqlalchemy.orm import Session

from .models import Instance, OpenTask, ProcessVersion, TaskHistory
from .serialization import workflow_from_json
from .tasks import open_task_rows

RUNNING, COMPLETE = "running", "complete"

#: The open-task columns that must be what the stored state calls for, and how to name them.
COMPARED = {
    "process_id": "proses",
    "task_name": "nama tugas",
    "lane": "lane",
    "unit_path": "satuan kerja",
    "form": "formulir",
    "assignee_id": "penerima tugas",
    "business_key": "kunci bisnis",
}
_INSTANCE_COLUMNS = (
    Instance.id, Instance.process_id, Instance.version_id, Instance.status,
    Instance.business_key, Instance.label, Instance.details, Instance.started_by, Instance.unit_path,
    Instance.serializer_version, Instance.state_json,
)
_ROW_COLUMNS = (OpenTask.id, OpenTask.instance_id, OpenTask.title) + tuple(
    getattr(OpenTask, name) for name in COMPARED
)


@dataclass(frozen=True)
class Disagreement:
    """One thing the engine's tables disagree on, about one instance (which may be missing)."""

    instance_id: int
    process_id: str | None
    message: str


def check_instances(session: Session, batch_size: int = 200) -> Iterator[Disagreement]:
    """Every disagreement in the engine's tables, instance by instance (in id order)."""
    yield from _orphans(session)
    specs: dict[int, str] = {}
    last_id = 0
    while True:
        batch = session.execute(
            select(*_INSTANCE_COLUMNS)
            .where(Instance.id > last_id)
            .order_by(Instance.id)
            .limit(batch_size)
        ).all()
        if not batch:
            return
        last_id = batch[-1].id
        yield from _check_batch(session, batch, specs)


def _orphans(session: Session) -> Iterator[Disagreement]:
    """History and open-task rows of instances that do not exist (foreign keys switched off)."""
    for table, what in ((TaskHistory, "entri riwayat tugas"), (OpenTask, "baris tugas terbuka")):
        missing = ~exists().where(Instance.id == table.instance_id)
        counts = session.execute(
            select(table.instance_id, func.count())
            .where(missing)
            .group_by(table.instance_id)
            .order_by(table.instance_id)
        )
        for instance_id, count in counts:
            yield Disagreement(instance_id, None, f"{count} {what} merujuk proses yang tidak ada.")


def _check_batch(
    session: Session, batch: Sequence[Row], specs: dict[int, str]
) -> Iterator[Disagreement]:
    ids = [inst.id for inst in batch]
    wanted = {inst.version_id for inst in batch} - specs.keys()
    if wanted:
        specs.update(session.execute(
            select(ProcessVersion.id, ProcessVersion.spec_json)
            .where(ProcessVersion.id.in_(wanted))
        ).all())
    stored: dict[int, dict[str, Row]] = defaultdict(dict)
    for row in session.execute(select(*_ROW_COLUMNS).where(OpenTask.instance_id.in_(ids))):
        stored[row.instance_id][row.id] = row
    done = set(session.scalars(
        select(OpenTask.id)
        .join(TaskHistory, (TaskHistory.instance_id == OpenTask.instance_id)
              & (TaskHistory.task_id == OpenTask.id))
        .where(OpenTask.instance_id.in_(ids))
    ))
    for inst in batch:
        for message in _instance_messages(inst, specs[inst.version_id], stored[inst.id], done):
            yield Disagreement(inst.id, inst.process_id, message)


def _instance_messages(
    inst: Row, spec_json: str, stored: dict[str, Any], done: set[str]
) -> list[str]:
    """What is wrong with one instance, given its open-task rows and those already done."""
    try:
        workflow = workflow_from_json(inst.state_json, inst.serializer_version, spec_json)
    except Exception as err:  # noqa: BLE001 - a damaged state is reported; the check goes on
        return [f"data proses tidak dapat dibaca ({type(err).__name__}: {err})."]
    messages = []
    if inst.status not in (RUNNING, COMPLETE):
        messages.append(f"status proses '{inst.status}' tidak dikenal.")
    elif (inst.status == COMPLETE) != workflow.completed:
        actual = "sudah selesai" if workflow.completed else "belum selesai"
        messages.append(f"status proses tercatat '{inst.status}', tetapi data prosesnya {actual}.")
    if inst.status == COMPLETE and stored:
        leftover = f"proses sudah selesai tetapi masih punya {len(stored)} baris tugas terbuka."
        return [*messages, leftover]
    expected = {row.id: row for row in open_task_rows(inst, workflow)}
    messages += [
        f"tugas '{row.title}' siap dikerjakan menurut data proses, tetapi tidak ada di tabel "
        "tugas terbuka (tidak muncul di kotak masuk siapa pun)."
        for task_id, row in expected.items() if task_id not in stored
    ]
    messages += [
        f"baris tugas terbuka '{row.title}' ({task_id}) tidak sesuai tugas mana pun yang siap "
        "dikerjakan menurut data proses."
        for task_id, row in stored.items() if task_id not in expected
    ]
    for task_id in expected.keys() & stored.keys():
        messages += _row_differences(expected[task_id], stored[task_id])
    messages += [
        f"tugas '{row.title}' masih terbuka padahal sudah tercatat selesai di riwayat."
        for task_id, row in stored.items() if task_id in done
    ]
    return messages


def _row_differences(expected: OpenTask, stored: Any) -> list[str]:
    return [
        f"baris tugas terbuka '{stored.title}' berbeda dari data proses: {label} tercatat "
        f"{getattr(stored, name)!r}, seharusnya {getattr(expected, name)!r}."
        for name, label in COMPARED.items()
        if getattr(stored, name) != getattr(expected, name)
    ]
