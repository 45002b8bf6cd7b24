"""The versions of every deployed process, with how many instances run and finished on each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Instance, ProcessVersion


@dataclass(frozen=True)
class VersionRow:
    version_id: int
    process_id: str
    name: str
    content_hash: str
    source_file: str
    deployed_at: datetime
    is_current: bool
    running: int
    finished: int


def version_rows(session: Session) -> list[VersionRow]:
    """Every version, by process and newest first."""
    counts: dict[tuple[int, str], int] = {
        (version_id, status): n
        for version_id, status, n in session.execute(
            select(Instance.version_id, Instance.status, func.count()).group_by(
                Instance.version_id, Instance.status
            )
        )
    }
    versions = session.scalars(
        select(ProcessVersion).order_by(ProcessVersion.process_id, ProcessVersion.id.desc())
    )
    return [
        VersionRow(
            v.id, v.process_id, v.name, v.content_hash, v.source_file, v.deployed_at, v.is_current,
            sum(n for (vid, status), n in counts.items() if vid == v.id and status != "complete"),
            counts.get((v.id, "complete"), 0),
        )
        for v in versions
    ]


def deployed_process_ids(session: Session) -> frozenset[str]:
    """Processes with any deployed version: what a new diagram's call activities may call."""
    return frozenset(session.scalars(select(ProcessVersion.process_id).distinct()))


def current_tables(session: Session) -> dict[str, bytes]:
    """The decision tables the current versions bundle, so an upload may call them unchanged."""
    tables: dict[str, bytes] = {}
    for decisions in session.scalars(
        select(ProcessVersion.decisions_json).where(ProcessVersion.is_current.is_(True))
    ):
        tables.update({n: x.encode("utf-8") for n, x in json.loads(decisions).items()})
    return tables


@dataclass(frozen=True)
class VersionBundle:
    """Everything a version was deployed from: its diagram, decision tables and forms."""

    process_id: str
    source_file: str
    content_hash: str
    bpmn_xml: str
    decisions: dict[str, str]
    forms: dict[str, dict]
    name: str = ""


def version_bundle(session: Session, version_id: int) -> VersionBundle | None:
    version = session.get(ProcessVersion, version_id)
    if version is None:
        return None
    return VersionBundle(
        version.process_id, version.source_file, version.content_hash, version.bpmn_xml,
        json.loads(version.decisions_json), json.loads(version.forms_json), version.name,
    )


@dataclass(frozen=True)
class LaneTask:
    """A user task of a current version and the lane it is drawn in."""

    process_name: str
    task_name: str
    lane: str


def current_user_tasks(session: Session) -> list[LaneTask]:
    """Every user task of every current version with its lane, the called diagrams it
    bundles included, read from the specs as deployed: who works which step is what the
    lanes say, not a copy of them."""
    found = []
    rows = session.execute(select(ProcessVersion.name, ProcessVersion.spec_json)
                           .where(ProcessVersion.is_current.is_(True)).order_by(ProcessVersion.name))
    for name, spec_json in rows:
        bundle = json.loads(spec_json)
        for spec in [bundle["spec"], *bundle.get("subprocess_specs", {}).values()]:
            found += [LaneTask(name, " ".join((task.get("bpmn_name") or "").split()), task.get("lane") or "")
                      for task in spec.get("task_specs", {}).values() if task.get("typename") == "UserTask"]
    return found
